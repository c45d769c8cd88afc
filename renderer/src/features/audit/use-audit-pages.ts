import { useCallback, useEffect, useRef, useState } from 'react'
import type { AuditEntry, AuditQuery } from '../../../../preload/api'
import { useApi } from '../../api/ApiContext'
import { toApiError, type ApiError } from '../../api/api-error'

const PAGE = 100

export interface AuditPages {
  rows: AuditEntry[] | null
  /** More (older) entries match; null when the list reaches the first entry. */
  nextBefore: number | null
  loadingMore: boolean
  error: ApiError | null
  more(): void
  reload(): void
}

/** The trail newest first, a page at a time; a new query starts over, older pages are added on request. */
export function useAuditPages(query: Omit<AuditQuery, 'before' | 'limit'>, startBefore: number | undefined): AuditPages {
  const api = useApi()
  const [rows, setRows] = useState<AuditEntry[] | null>(null)
  const [nextBefore, setNextBefore] = useState<number | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const generation = useRef(0)
  const key = JSON.stringify(query)

  const fetch = useCallback(
    (before: number | undefined, append: boolean) => {
      const gen = append ? generation.current : ++generation.current
      if (append) setLoadingMore(true)
      api
        .invoke('audit.list', { ...(JSON.parse(key) as AuditQuery), ...(before ? { before } : {}), limit: PAGE })
        .then((page) => {
          if (gen !== generation.current) return
          setRows((previous) => (append && previous ? [...previous, ...page.rows] : page.rows))
          setNextBefore(page.nextBefore)
          setError(null)
        })
        .catch((e: unknown) => gen === generation.current && setError(toApiError(e)))
        .finally(() => gen === generation.current && setLoadingMore(false))
    },
    [api, key]
  )

  const reload = useCallback(() => fetch(startBefore, false), [fetch, startBefore])
  useEffect(() => {
    setRows(null)
    reload()
  }, [reload])

  return {
    rows,
    nextBefore,
    loadingMore,
    error,
    more: () => nextBefore !== null && fetch(nextBefore, true),
    reload
  }
}
