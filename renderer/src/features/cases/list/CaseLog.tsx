import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiEvent, useOnReconnect } from '../../../api/ApiContext'
import { EmptyList, NoMatches, PagedList, PagedListAlert } from '../../../ui/PagedList'
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
  const clearFilters = () => setFilters({ ...DEFAULT_FILTERS, sort: filters.sort, dir: filters.dir })

  return (
    <section className="case-log">
      <CaseToolbar filters={filters} onChange={setFilters} total={pages.total} capped={pages.capped} onNewCase={onNewCase} />
      <PagedListAlert pages={pages} />
      <PagedList
        pages={pages}
        loadError={{ title: t('list.loadError'), hint: t('list.loadErrorHint'), testId: 'case-list-error' }}
        loading={{ title: t('list.loading'), testId: 'case-list-loading' }}
        empty={
          hasNarrowing(filters) ? (
            <NoMatches title={t('list.noMatches')} testId="case-list-no-matches" onClear={clearFilters} />
          ) : (
            <EmptyList title={t('list.empty')} hint={t('list.emptyHint')} testId="case-list-empty" add={{ label: t('list.newCase'), onClick: onNewCase }} />
          )
        }
      >
        {(total) => <CaseTable pages={pages} total={total} filters={filters} onSort={(sort, dir) => setFilters({ ...filters, sort, dir })} onOpen={onOpen} />}
      </PagedList>
    </section>
  )
}
