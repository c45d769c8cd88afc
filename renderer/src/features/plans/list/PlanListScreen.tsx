import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlanStatus } from '../../../../../preload/api'
import { useApiEvent, useOnReconnect } from '../../../api/ApiContext'
import { EnumSelect } from '../../../ui/EnumSelect'
import { ErrorDetail } from '../../../ui/ErrorDetail'
import { StateMessage } from '../../../ui/StateMessage'
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

  const body = () => {
    if (pages.error && pages.total === null) {
      return (
        <StateMessage
          tone="error"
          testId="plan-list-error"
          title={t('plans.list.loadError')}
          body={<ErrorDetail error={pages.error} />}
          action={
            <button type="button" className="btn" onClick={pages.retry}>
              {t('common.retry')}
            </button>
          }
        />
      )
    }
    if (pages.total === null) return <StateMessage tone="loading" title={t('plans.list.loading')} />
    if (pages.total === 0) {
      return narrowed ? (
        <StateMessage
          tone="empty"
          testId="plan-list-no-matches"
          title={t('plans.list.noMatches')}
          body={t('list.noMatchesHint')}
          action={
            <button type="button" className="btn" onClick={() => setFilters(NO_FILTERS)}>
              {t('list.clearFilters')}
            </button>
          }
        />
      ) : (
        <StateMessage
          tone="empty"
          testId="plan-list-empty"
          title={t('plans.list.empty')}
          body={t('plans.list.emptyHint')}
          action={
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
              + {t('plans.list.new')}
            </button>
          }
        />
      )
    }
    return <PlanTable pages={pages} total={pages.total} onOpen={onOpen} />
  }

  return (
    <section className="plan-list-screen" data-testid="plan-list-screen">
      <div className="toolbar">
        <div className="toolbar-row">
          <h1 className="page-title">{t('plans.list.title')}</h1>
          <span className="total" data-testid="plan-total" aria-live="polite">
            {pages.total === null ? '' : t('plans.list.total', { count: pages.total })}
          </span>
          {narrowed && (
            <button type="button" className="btn btn-link" data-testid="plan-filters-clear" onClick={() => setFilters(NO_FILTERS)}>
              {t('list.clearFilters')}
            </button>
          )}
          <label className="filter">
            <span>{t('plans.fields.status')}</span>
            <EnumSelect
              group="planStatus"
              data-testid="plan-filter-status"
              value={filters.status}
              emptyLabel={t('list.any')}
              onChange={(status) => setFilters({ ...filters, status })}
            />
          </label>
          <div className="search">
            <span className="search-icon" aria-hidden="true">
              ⌕
            </span>
            <input
              type="search"
              data-testid="plan-search"
              aria-label={t('plans.list.search')}
              placeholder={t('plans.list.searchPlaceholder')}
              value={filters.q}
              maxLength={200}
              onChange={(e) => setFilters({ ...filters, q: e.target.value })}
              onKeyDown={(e) => e.key === 'Escape' && setFilters({ ...filters, q: '' })}
            />
          </div>
          <button type="button" className="btn btn-primary" data-testid="new-plan" onClick={() => setCreating(true)}>
            + {t('plans.list.new')}
          </button>
        </div>
      </div>
      {pages.error && pages.total !== null && (
        <div className="inline-alert" role="alert">
          <ErrorDetail error={pages.error} />{' '}
          <button type="button" className="btn btn-link" onClick={pages.retry}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {body()}
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
