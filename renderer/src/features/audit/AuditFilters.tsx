import { useTranslation } from 'react-i18next'
import { ClearFilters, DateRangeFilter, FilterRow } from '../../ui/ListToolbar'
import { AUDIT_FAMILIES, AUDIT_TARGET_TYPES } from './audit-vocabulary'

export interface AuditFilterValues {
  actor: string
  family: string
  targetType: string
  targetId: string
  from: string
  to: string
}

export const NO_AUDIT_FILTERS: AuditFilterValues = { actor: '', family: '', targetType: '', targetId: '', from: '', to: '' }

export const hasAuditFilters = (f: AuditFilterValues) => Object.values(f).some((v) => v !== '')

export function AuditFilters({ value, onChange }: { value: AuditFilterValues; onChange: (next: AuditFilterValues) => void }) {
  const { t } = useTranslation()
  const set = (key: keyof AuditFilterValues, v: string) => onChange({ ...value, [key]: v })
  return (
    <FilterRow>
      <label className="filter">
        <span>{t('audit.filters.actor')}</span>
        <input
          className="filter-text"
          data-testid="audit-filter-actor"
          value={value.actor}
          maxLength={200}
          spellCheck={false}
          placeholder={t('audit.filters.actorPlaceholder')}
          onChange={(e) => set('actor', e.target.value)}
        />
      </label>
      <label className="filter">
        <span>{t('audit.filters.action')}</span>
        <AnySelect
          testId="audit-filter-action"
          value={value.family}
          values={AUDIT_FAMILIES}
          label={(f) => t(`audit.families.${f}`)}
          onChange={(v) => set('family', v)}
        />
      </label>
      <label className="filter">
        <span>{t('audit.filters.target')}</span>
        <AnySelect
          testId="audit-filter-target-type"
          value={value.targetType}
          values={AUDIT_TARGET_TYPES}
          label={(type) => t(`audit.targets.${type}`)}
          onChange={(v) => set('targetType', v)}
        />
        <input
          className="filter-text"
          data-testid="audit-filter-target-id"
          aria-label={t('audit.filters.targetId')}
          placeholder={t('audit.filters.targetId')}
          value={value.targetId}
          maxLength={200}
          spellCheck={false}
          onChange={(e) => set('targetId', e.target.value)}
        />
      </label>
      <DateRangeFilter testIdPrefix="audit-filter" from={value.from} to={value.to} onChange={set} />
      {hasAuditFilters(value) && <ClearFilters testId="audit-filters-clear" onClear={() => onChange(NO_AUDIT_FILTERS)} />}
    </FilterRow>
  )
}

interface AnySelectProps<V extends string> {
  testId: string
  value: string
  values: readonly V[]
  label: (value: V) => string
  onChange: (value: string) => void
}

/** A choice among the trail's own words, "any" first. */
function AnySelect<V extends string>({ testId, value, values, label, onChange }: AnySelectProps<V>) {
  const { t } = useTranslation()
  return (
    <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('list.any')}</option>
      {values.map((v) => (
        <option key={v} value={v}>
          {label(v)}
        </option>
      ))}
    </select>
  )
}
