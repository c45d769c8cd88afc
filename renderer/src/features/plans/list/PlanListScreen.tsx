import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlanStatus } from '../../../../../preload/api'
import { useApiEvent, useOnReconnect } from '../../../api/ApiContext'
import { ClearFilters, EnumFilter, ListTotal, SearchBox } from '../../../ui/ListToolbar'
import { EmptyList, NoMatches, PagedList, PagedListAlert } from '../../../ui/PagedList'
import { useDebounced } from '../../../ui/use-debounced'
import { useThrottled } from '../use-throttled'
import { CreatePlanDialog } from './CreatePlanDialog'
import { PlanTable } from './PlanTable'
import { usePlanPages, type PlanListQuery } from './use-plan-pages'

const SEARCH_DEBOUNCE_MS = 250
/** Plans change with every keystroke of anyone editing one: the list keeps up once a second. */
const REFRESH_MS = 1000

interface Filters {
  q: string
  status: PlanStatus | ''
}
const NO_FILTERS: Filters = { q: '', status: '' }

interface Props {
  onOpen: (id: string) => void
}

/** Joint operation plans with the counterpart: status, period, last edit and what still needs signing. */
export function PlanListScreen({ onOpen }: Props) {
  const { t } = useTranslation()
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const [creating, setCreating] = useState(false)
  const q = useDebounced(filters.q.trim(), SEARCH_DEBOUNCE_MS)
  const query = useMemo<PlanListQuery>(() => ({ ...(q && { q }), ...(filters.status && { status: filters.status }) }), [q, filters.status])
  const pages = usePlanPages(query)
  const narrowed = filters.q.trim() !== '' || filters.status !== ''

  const refresh = useThrottled(pages.refresh, REFRESH_MS)
  useApiEvent('plans:update', refresh)
  useOnReconnect(pages.refresh)

  return (
    <section className="plan-list-screen" data-testid="plan-list-screen">
      <div className="toolbar">
        <div className="toolbar-row">
          <h1 className="page-title">{t('plans.list.title')}</h1>
          <ListTotal testId="plan-total">{pages.total === null ? '' : t('plans.list.total', { count: pages.total })}</ListTotal>
          {narrowed && <ClearFilters testId="plan-filters-clear" onClear={() => setFilters(NO_FILTERS)} />}
          <EnumFilter
            label={t('plans.fields.status')}
            group="planStatus"
            testId="plan-filter-status"
            value={filters.status}
            onChange={(status) => setFilters({ ...filters, status })}
          />
          <SearchBox
            testId="plan-search"
            label={t('plans.list.search')}
            placeholder={t('plans.list.searchPlaceholder')}
            value={filters.q}
            onChange={(q) => setFilters({ ...filters, q })}
          />
          <button type="button" className="btn btn-primary" data-testid="new-plan" onClick={() => setCreating(true)}>
            + {t('plans.list.new')}
          </button>
        </div>
      </div>
      <PagedListAlert pages={pages} />
      <PagedList
        pages={pages}
        loadError={{ title: t('plans.list.loadError'), testId: 'plan-list-error' }}
        loading={{ title: t('plans.list.loading') }}
        empty={
          narrowed ? (
            <NoMatches title={t('plans.list.noMatches')} testId="plan-list-no-matches" onClear={() => setFilters(NO_FILTERS)} />
          ) : (
            <EmptyList
              title={t('plans.list.empty')}
              hint={t('plans.list.emptyHint')}
              testId="plan-list-empty"
              add={{ label: t('plans.list.new'), onClick: () => setCreating(true) }}
            />
          )
        }
      >
        {(total) => <PlanTable pages={pages} total={total} onOpen={onOpen} />}
      </PagedList>
      {creating && (
        <CreatePlanDialog
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false)
            onOpen(id)
          }}
        />
      )}
    </section>
  )
}
