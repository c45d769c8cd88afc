import { useTranslation } from 'react-i18next'
import { EnumSelect } from '../../../ui/EnumSelect'
import { CheckFilter, ClearFilters, DateRangeFilter, EnumFilter, FilterRow, ListTotal, SearchBox } from '../../../ui/ListToolbar'
import { DEFAULT_FILTERS, hasNarrowing, type ListFilters } from './list-query'

interface Props {
  filters: ListFilters
  onChange: (next: ListFilters) => void
  total: number | null
  capped: boolean
  onNewCase: () => void
}

export function CaseToolbar({ filters, onChange, total, capped, onNewCase }: Props) {
  const { t } = useTranslation()
  const set = <K extends keyof ListFilters>(key: K, value: ListFilters[K]) => onChange({ ...filters, [key]: value })
  return (
    <div className="toolbar">
      <div className="toolbar-row">
        <h1 className="page-title">{t('list.title')}</h1>
        <ListTotal testId="case-total">
          {total === null ? '' : capped ? t('list.totalCapped', { count: total }) : t('list.total', { count: total })}
        </ListTotal>
        {(hasNarrowing(filters) || filters.includeVoided) && (
          <ClearFilters testId="filters-clear" onClear={() => onChange({ ...DEFAULT_FILTERS, sort: filters.sort, dir: filters.dir })} />
        )}
        <SearchBox testId="case-search" label={t('list.search')} placeholder={t('list.searchPlaceholder')} value={filters.q} onChange={(q) => set('q', q)} />
        <button type="button" className="btn btn-primary" data-testid="new-case" onClick={onNewCase}>
          + {t('list.newCase')}
        </button>
      </div>
      <FilterRow>
        <EnumFilter label={t('list.columns.category')} group="category" testId="filter-category" value={filters.category} onChange={(v) => set('category', v)} />
        <EnumFilter label={t('list.columns.status')} group="status" testId="filter-status" value={filters.status} onChange={(v) => set('status', v)} />
        <EnumFilter label={t('list.columns.agency')} group="agency" testId="filter-agency" value={filters.agency} onChange={(v) => set('agency', v)} />
        <DateRangeFilter testIdPrefix="filter" from={filters.from} to={filters.to} onChange={set} />
        <CheckFilter label={t('list.includeVoided')} testId="filter-include-voided" checked={filters.includeVoided} onChange={(v) => set('includeVoided', v)} />
        <label className="filter filter-sort">
          <span>{t('list.sortBy')}</span>
          <EnumSelect group="sort" data-testid="sort-field" value={filters.sort} onChange={(v) => v && set('sort', v)} />
        </label>
        <button
          type="button"
          className="btn btn-quiet btn-icon"
          data-testid="sort-direction"
          title={t(filters.dir === 'desc' ? 'list.sortDesc' : 'list.sortAsc')}
          aria-label={t(filters.dir === 'desc' ? 'list.sortDesc' : 'list.sortAsc')}
          onClick={() => set('dir', filters.dir === 'desc' ? 'asc' : 'desc')}
        >
          {filters.dir === 'desc' ? '↓' : '↑'}
        </button>
      </FilterRow>
    </div>
  )
}
