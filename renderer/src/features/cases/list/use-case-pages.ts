import { useCallback } from 'react'
import type { CaseQuery, CaseSummary } from '../../../../../preload/api'
import { useApi } from '../../../api/ApiContext'
import { usePagedRows, type PagedRows } from '../../../ui/use-paged-rows'

export type ListQuery = Omit<CaseQuery, 'offset' | 'limit'>
export type CasePages = PagedRows<CaseSummary>

/** The case log as sparse pages of `cases.search`, fetched as the user scrolls. */
export function useCasePages(query: ListQuery): CasePages {
  const api = useApi()
  const fetchPage = useCallback(
    (q: ListQuery, offset: number, limit: number) => api.invoke('cases.search', { ...q, offset, limit }),
    [api]
  )
  return usePagedRows(query, fetchPage)
}
