import { useCallback, useEffect, useReducer, useRef, useState } from 'react'
import { toApiError, type ApiError } from '../api/api-error'

export const PAGE_SIZE = 100
/** Pages kept in memory; the farthest from the viewport are dropped first, so a 1M-row scroll stays light. */
const MAX_CACHED_PAGES = 40

export interface Page<Row> {
  total: number
  /** The server took only the first matches of a broad search: total is a lower bound. */
  capped?: boolean
  rows: Row[]
}

/** Fetches one page of a query; keep it stable (useCallback), since a new function starts the list over. */
export type FetchPage<Query, Row> = (query: Query, offset: number, limit: number) => Promise<Page<Row>>

export interface PagedRows<Row> {
  /** null until the first answer; while a new query loads, the previous total stays (no flash of "loading"). */
  total: number | null
  capped: boolean
  /** Changes with the query, so the table can scroll back to the top. */
  queryKey: string
  error: ApiError | null
  row(index: number): Row | undefined
  /** Ask for the pages covering rows first..last; pages already held and fresh are not fetched again. */
  ensureRange(first: number, last: number): void
  /** Keep showing what we have, but fetch visible pages again (after a change or a reconnect). */
  refresh(): void
  retry(): void
}

/**
 * A long list as sparse pages fetched by offset as the user scrolls: the list never holds all of it.
 * A generation number discards answers to a query that has since changed.
 */
export function usePagedRows<Query, Row>(query: Query, fetchPage: FetchPage<Query, Row>): PagedRows<Row> {
  const pages = useRef(new Map<number, Row[]>())
  const stale = useRef(new Set<number>())
  const inflight = useRef(new Set<number>())
  const generation = useRef(0)
  const lastRange = useRef<[number, number]>([0, 0])
  const [total, setTotal] = useState<number | null>(null)
  const [capped, setCapped] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  const queryKey = JSON.stringify(query)

  const evictFarPages = useCallback((centre: number) => {
    if (pages.current.size <= MAX_CACHED_PAGES) return
    const byDistance = [...pages.current.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre))
    for (const page of byDistance.slice(0, pages.current.size - MAX_CACHED_PAGES)) {
      pages.current.delete(page)
      stale.current.delete(page)
    }
  }, [])

  const loadPage = useCallback(
    (page: number) => {
      if (inflight.current.has(page)) return
      if (pages.current.has(page) && !stale.current.has(page)) return
      const gen = generation.current
      inflight.current.add(page)
      fetchPage(JSON.parse(queryKey) as Query, page * PAGE_SIZE, PAGE_SIZE)
        .then((result) => {
          if (gen !== generation.current) return
          pages.current.set(page, result.rows)
          stale.current.delete(page)
          evictFarPages(page)
          setTotal(result.total)
          setCapped(result.capped ?? false)
          setError(null)
          rerender()
        })
        .catch((e: unknown) => {
          if (gen === generation.current) setError(toApiError(e))
        })
        .finally(() => {
          if (gen === generation.current) inflight.current.delete(page)
        })
    },
    [fetchPage, queryKey, evictFarPages]
  )

  const ensureRange = useCallback(
    (first: number, last: number) => {
      lastRange.current = [first, last]
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) loadPage(page)
    },
    [loadPage]
  )

  const refresh = useCallback(() => {
    generation.current++
    inflight.current.clear()
    for (const page of pages.current.keys()) stale.current.add(page)
    const [first, last] = lastRange.current
    ensureRange(first, last)
  }, [ensureRange])

  // A new query starts from nothing: old rows under new filters would mislead.
  useEffect(() => {
    generation.current++
    pages.current.clear()
    stale.current.clear()
    inflight.current.clear()
    lastRange.current = [0, 0]
    setError(null)
    loadPage(0)
  }, [loadPage])

  const retry = useCallback(() => {
    setError(null)
    refresh()
    if (!pages.current.has(0)) loadPage(0)
  }, [refresh, loadPage])

  const row = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], [])

  return { total, capped, queryKey, error, row, ensureRange, refresh, retry }
}
