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
        <select data-testid="audit-filter-action" value={value.family} onChange={(e) => set('family', e.target.value)}>
          <option value="">{t('list.any')}</option>
          {AUDIT_FAMILIES.map((f) => (
            <option key={f} value={f}>
              {t(`audit.families.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('audit.filters.target')}</span>
        <select data-testid="audit-filter-target-type" value={value.targetType} onChange={(e) => set('targetType', e.target.value)}>
          <option value="">{t('list.any')}</option>
          {AUDIT_TARGET_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`audit.targets.${type}`)}
            </option>
          ))}
        </select>
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
