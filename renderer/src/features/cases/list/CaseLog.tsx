import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiEvent, useOnReconnect } from '../../../api/ApiContext'
import { ErrorDetail } from '../../../ui/ErrorDetail'
import { StateMessage } from '../../../ui/StateMessage'
import { useDebounced } from '../../../ui/use-debounced'
import { CaseTable } from './CaseTable'
import { CaseToolbar } from './CaseToolbar'
import { DEFAULT_FILTERS, hasNarrowing, toListQuery, type ListFilters } from './list-query'
import { useCasePages } from './use-case-pages'

const SEARCH_DEBOUNCE_MS = 250

interface Props {
  onOpen: (id: string) => void
  onNewCase: () => void
}

export function CaseLog({ onOpen, onNewCase }: Props) {
  const { t } = useTranslation()
  const [filters, setFilters] = useState<ListFilters>(DEFAULT_FILTERS)
  const q = useDebounced(filters.q, SEARCH_DEBOUNCE_MS)
  const query = useMemo(() => toListQuery({ ...filters, q }), [filters, q])
  const pages = useCasePages(query)

  useApiEvent('cases:changed', pages.refresh)
  useOnReconnect(pages.refresh)

  const body = () => {
    if (pages.error && pages.total === null) {
      return (
        <StateMessage
          tone="error"
          testId="case-list-error"
          title={t('list.loadError')}
          body={
            <>
              <p>
                <ErrorDetail error={pages.error} />
              </p>
              <p>{t('list.loadErrorHint')}</p>
            </>
          }
          action={
            <button type="button" className="btn" onClick={pages.retry}>
              {t('common.retry')}
            </button>
          }
        />
      )
    }
    if (pages.total === null) return <StateMessage tone="loading" testId="case-list-loading" title={t('list.loading')} />
    if (pages.total === 0 && hasNarrowing(filters)) {
      return (
        <StateMessage
          tone="empty"
          testId="case-list-no-matches"
          title={t('list.noMatches')}
          body={t('list.noMatchesHint')}
          action={
            <button type="button" className="btn" onClick={() => setFilters({ ...DEFAULT_FILTERS, sort: filters.sort, dir: filters.dir })}>
              {t('list.clearFilters')}
            </button>
          }
        />
      )
    }
    if (pages.total === 0) {
      return (
        <StateMessage
          tone="empty"
          testId="case-list-empty"
          title={t('list.empty')}
          body={t('list.emptyHint')}
          action={
            <button type="button" className="btn btn-primary" onClick={onNewCase}>
              + {t('list.newCase')}
            </button>
          }
        />
      )
    }
    return (
      <CaseTable
        pages={pages}
        total={pages.total}
        filters={filters}
        onSort={(sort, dir) => setFilters({ ...filters, sort, dir })}
        onOpen={onOpen}
      />
    )
  }

  return (
    <section className="case-log">
      <CaseToolbar filters={filters} onChange={setFilters} total={pages.total} capped={pages.capped} onNewCase={onNewCase} />
      {pages.error && pages.total !== null && (
        <div className="inline-alert" role="alert">
          <ErrorDetail error={pages.error} />{' '}
          <button type="button" className="btn btn-link" onClick={pages.retry}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {body()}
    </section>
  )
}
