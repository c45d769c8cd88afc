import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { PLAN_LISTS, PLAN_STATUSES, TASK_STATUSES, type PlanListName } from '../../../../preload/api'
import { useLink } from '../link/LinkContext'

/** Every field a plan diff or a presence can name, as `plans.fields.<name>`. */
const FIELDS = [
  'title',
  'codeName',
  'periodFrom',
  'periodTo',
  'area',
  'phase',
  'status',
  'crossings',
  'hotline',
  'radio',
  'languages',
  'side',
  'name',
  'role',
  'text',
  'assignee',
  'due',
  'phone',
  'at',
  'by'
] as const

const isList = (name: string): name is PlanListName => (PLAN_LISTS as readonly string[]).includes(name)
const isOneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value)

/** Which part of the editor a presence field or a diff entry belongs to, in words. */
export function useSectionLabel(): (section: string) => string {
  const { t } = useTranslation()
  return useCallback(
    (section: string) => {
      if (isList(section)) return t(`enums.planList.${section}`)
      if (section === 'notes') return t('plans.sections.notes')
      if (section === 'comms') return t('plans.sections.comms')
      return t('plans.sections.details')
    },
    [t]
  )
}

export interface PlanLabels {
  /** `comms.hotline` → "Hotline"; an unknown field (from a newer station) as written. */
  field(field: string): string
  /** A value as a reader wants it: station names for sides, labels for statuses, lists joined. */
  value(field: string, value: string | string[], list?: PlanListName): string
  side(stationId: string): string
}

export function usePlanLabels(): PlanLabels {
  const { t } = useTranslation()
  const { stationName } = useLink()
  return useMemo(() => {
    const side = (stationId: string) => (stationId ? stationName(stationId) : t('plans.sides.none'))
    const field = (name: string) => {
      const key = name.replace(/^comms\./, '')
      return isOneOf(FIELDS, key) ? t(`plans.fields.${key}`) : name
    }
    const value = (name: string, v: string | string[], list?: PlanListName) => {
      if (Array.isArray(v)) return v.length ? v.join(', ') : '—'
      if (name === 'side') return side(v)
      if (name === 'phase' && isOneOf(PLAN_STATUSES, v)) return t(`enums.planStatus.${v}`)
      if (name === 'status' && list === 'tasks' && isOneOf(TASK_STATUSES, v)) return t(`enums.taskStatus.${v}`)
      return v || '—'
    }
    return { field, value, side }
  }, [t, stationName])
}
