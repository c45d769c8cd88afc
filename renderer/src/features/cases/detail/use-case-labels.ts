import { useTranslation } from 'react-i18next'
import type { Case } from '../../../../../preload/api'
import { useFormatters } from '../../../i18n/format'
import type { ListEntry, ListField } from './case-diff'

/** Fields whose values are contract vocabularies, and the locale group that labels them. */
const ENUM_FIELDS: Record<string, string> = {
  status: 'status',
  category: 'category',
  agency: 'agency',
  locationKind: 'locationKind',
  unit: 'unit',
  sex: 'sex',
  idType: 'idType',
  role: 'role',
  type: 'conveyance'
}

const LIST_LABEL_GROUP: Record<ListField, string> = { items: 'item', persons: 'person', conveyances: 'conveyance' }

/** How case values read on screen: enum labels, dates and numbers in the reader's language, a dash for nothing. */
export function useCaseLabels() {
  const { t } = useTranslation()
  const fmt = useFormatters()

  const value = (field: string, v: unknown): string => {
    if (v === undefined || v === null || v === '') return '—'
    if (field === 'occurredAt' && typeof v === 'string') return fmt.dateTime(v)
    if (typeof v === 'number') return fmt.number(v)
    const group = ENUM_FIELDS[field]
    if (group && typeof v === 'string') return t(`enums.${group}.${v}`)
    return String(v)
  }

  const fieldLabel = (field: keyof Case | string): string => t(`case.${field}`)
  const entryFieldLabel = (list: ListField, field: string): string => t(`form.${LIST_LABEL_GROUP[list]}.${field}`)
  const entryLabel = (list: ListField, index: number): string => t(`form.${LIST_LABEL_GROUP[list]}.nth`, { n: index + 1 })

  const entrySummary = (list: ListField, entry: ListEntry): string => {
    if (list === 'items') {
      const item = entry as ListEntry<'items'>
      return `${value('quantity', item.quantity)} ${value('unit', item.unit)} · ${item.commodity}`
    }
    if (list === 'persons') {
      const person = entry as ListEntry<'persons'>
      return `${person.name} (${value('role', person.role)})`
    }
    const conveyance = entry as ListEntry<'conveyances'>
    return [value('type', conveyance.type), conveyance.plate, conveyance.country].filter(Boolean).join(' · ')
  }

  return { value, fieldLabel, entryFieldLabel, entryLabel, entrySummary }
}
