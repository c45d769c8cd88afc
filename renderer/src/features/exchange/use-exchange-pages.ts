import { useCallback } from 'react'
import type { ExchangePage } from '../../../../preload/api'
import { useApi } from '../../api/ApiContext'
import { usePagedRows, type PagedRows } from '../../ui/use-paged-rows'
import type { ExchangeListQuery } from './exchange-query'
import type { Unread } from './use-unread-counts'

export type ExchangeRow = ExchangePage['rows'][number]
export type ExchangePages = PagedRows<ExchangeRow>

/** One exchange box as sparse pages of `exchange.list`; each answer also refreshes the unread counts. */
export function useExchangePages(query: ExchangeListQuery, unread: Unread): ExchangePages {
  const api = useApi()
  const { set } = unread
  const fetchPage = useCallback(
    async (q: ExchangeListQuery, offset: number, limit: number) => {
      const page = await api.invoke('exchange.list', { ...q, offset, limit })
      set(page.unread)
      return page
    },
    [api, set]
  )
  return usePagedRows(query, fetchPage)
}
