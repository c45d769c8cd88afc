import { useTranslation } from 'react-i18next'
import { EnumSelect } from '../../../ui/EnumSelect'
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
        <span className="total" data-testid="case-total" aria-live="polite">
          {total === null ? '' : capped ? t('list.totalCapped', { count: total }) : t('list.total', { count: total })}
        </span>
        {(hasNarrowing(filters) || filters.includeVoided) && (
          <button
            type="button"
            className="btn btn-link"
            data-testid="filters-clear"
            onClick={() => onChange({ ...DEFAULT_FILTERS, sort: filters.sort, dir: filters.dir })}
          >
            {t('list.clearFilters')}
          </button>
        )}
        <div className="search">
          <span className="search-icon" aria-hidden="true">⌕</span>
          <input
            type="search"
            data-testid="case-search"
            aria-label={t('list.search')}
            placeholder={t('list.searchPlaceholder')}
            value={filters.q}
            maxLength={200}
            onChange={(e) => set('q', e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && set('q', '')}
          />
        </div>
        <button type="button" className="btn btn-primary" data-testid="new-case" onClick={onNewCase}>
          + {t('list.newCase')}
        </button>
      </div>
      <div className="toolbar-row filters" role="group" aria-label={t('list.filters')}>
        <label className="filter">
          <span>{t('list.columns.category')}</span>
          <EnumSelect
            group="category"
            data-testid="filter-category"
            value={filters.category}
            emptyLabel={t('list.any')}
            onChange={(v) => set('category', v)}
          />
        </label>
        <label className="filter">
          <span>{t('list.columns.status')}</span>
          <EnumSelect
            group="status"
            data-testid="filter-status"
            value={filters.status}
            emptyLabel={t('list.any')}
            onChange={(v) => set('status', v)}
          />
        </label>
        <label className="filter">
          <span>{t('list.columns.agency')}</span>
          <EnumSelect
            group="agency"
            data-testid="filter-agency"
            value={filters.agency}
            emptyLabel={t('list.any')}
            onChange={(v) => set('agency', v)}
          />
        </label>
        <label className="filter">
          <span>{t('list.from')}</span>
          <input
            type="date"
            data-testid="filter-from"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(e) => set('from', e.target.value)}
          />
        </label>
        <label className="filter">
          <span>{t('list.to')}</span>
          <input
            type="date"
            data-testid="filter-to"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(e) => set('to', e.target.value)}
          />
        </label>
        <label className="filter filter-check">
          <input
            type="checkbox"
            data-testid="filter-include-voided"
            checked={filters.includeVoided}
            onChange={(e) => set('includeVoided', e.target.checked)}
          />
          <span>{t('list.includeVoided')}</span>
        </label>
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
      </div>
    </div>
  )
}
