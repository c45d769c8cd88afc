import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { EnumGroup, EnumValue } from '../i18n/enum-groups'
import { EnumSelect } from './EnumSelect'

/** The row of filters under a list's title row, announced as one group. */
export function FilterRow({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <div className="toolbar-row filters" role="group" aria-label={t('list.filters')}>
      {children}
    </div>
  )
}

/** How many rows the list holds, read out when it changes; blank until the first answer. */
export function ListTotal({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <span className="total" data-testid={testId} aria-live="polite">
      {children}
    </span>
  )
}

interface SearchProps {
  testId: string
  /** The input's accessible name; the placeholder says what it searches. */
  label: string
  placeholder: string
  value: string
  onChange: (q: string) => void
  className?: string
}

/** The free-text search of a list; Escape empties it. */
export function SearchBox({ testId, label, placeholder, value, onChange, className }: SearchProps) {
  return (
    <div className={className ? `search ${className}` : 'search'}>
      <span className="search-icon" aria-hidden="true">
        ⌕
      </span>
      <input
        type="search"
        data-testid={testId}
        aria-label={label}
        placeholder={placeholder}
        value={value}
        maxLength={200}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onChange('')}
      />
    </div>
  )
}

interface EnumFilterProps<G extends EnumGroup> {
  label: string
  group: G
  testId: string
  value: EnumValue<G> | ''
  onChange: (value: EnumValue<G> | '') => void
}

/** A filter on one vocabulary, "any" when nothing is chosen. */
export function EnumFilter<G extends EnumGroup>({ label, group, testId, value, onChange }: EnumFilterProps<G>) {
  const { t } = useTranslation()
  return (
    <label className="filter">
      <span>{label}</span>
      <EnumSelect group={group} data-testid={testId} value={value} emptyLabel={t('list.any')} onChange={onChange} />
    </label>
  )
}

interface DateRangeProps {
  /** The inputs are `${testIdPrefix}-from` and `${testIdPrefix}-to`. */
  testIdPrefix: string
  from: string
  to: string
  onChange: (key: 'from' | 'to', value: string) => void
}

/** From and to dates (both optional); neither can be set past the other. */
export function DateRangeFilter({ testIdPrefix, from, to, onChange }: DateRangeProps) {
  const { t } = useTranslation()
  return (
    <>
      <label className="filter">
        <span>{t('list.from')}</span>
        <input type="date" data-testid={`${testIdPrefix}-from`} value={from} max={to || undefined} onChange={(e) => onChange('from', e.target.value)} />
      </label>
      <label className="filter">
        <span>{t('list.to')}</span>
        <input type="date" data-testid={`${testIdPrefix}-to`} value={to} min={from || undefined} onChange={(e) => onChange('to', e.target.value)} />
      </label>
    </>
  )
}

/** A yes/no filter, the box before its words. */
export function CheckFilter({ label, testId, checked, onChange }: { label: string; testId: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="filter filter-check">
      <input type="checkbox" data-testid={testId} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  )
}

/** Shown while any filter narrows the list. */
export function ClearFilters({ testId, onClear }: { testId: string; onClear: () => void }) {
  const { t } = useTranslation()
  return (
    <button type="button" className="btn btn-link" data-testid={testId} onClick={onClear}>
      {t('list.clearFilters')}
    </button>
  )
}
