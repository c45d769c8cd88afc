import { useCallback } from 'react'
import type { PlanListItem, PlanQuery } from '../../../../../preload/api'
import { useApi } from '../../../api/ApiContext'
import { usePagedRows, type PagedRows } from '../../../ui/use-paged-rows'

export type PlanListQuery = Omit<PlanQuery, 'offset' | 'limit'>
export type PlanPages = PagedRows<PlanListItem>

/** The plans as sparse pages of `plans.list`. */
export function usePlanPages(query: PlanListQuery): PlanPages {
  const api = useApi()
  const fetchPage = useCallback((q: PlanListQuery, offset: number, limit: number) => api.invoke('plans.list', { ...q, offset, limit }), [api])
  return usePagedRows(query, fetchPage)
}
