import { useCallback, useEffect, useRef, useState } from 'react'
import type { MonthlyReport } from '../../../../preload/api'
import { useApi, useApiEvent } from '../../api/ApiContext'
import { toApiError, type ApiError } from '../../api/api-error'

/** The month's figures from the station. A case logged meanwhile marks them stale rather than reloading behind the reader's back. */
export function useMonthlyReport(month: string) {
  const api = useApi()
  const [report, setReport] = useState<MonthlyReport | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [stale, setStale] = useState(false)
  const request = useRef(0)

  const load = useCallback(() => {
    const mine = ++request.current
    setStale(false)
    api
      .invoke('reports.monthly', { month })
      .then((value) => {
        if (mine !== request.current) return
        setReport(value)
        setError(null)
      })
      .catch((e: unknown) => mine === request.current && setError(toApiError(e)))
  }, [api, month])

  useEffect(load, [load])
  useApiEvent('cases:changed', () => setStale(true))
  useApiEvent('exchange:changed', () => setStale(true))

  /** The last month shown stays on screen while the next one loads. */
  return { report, loading: report?.month !== month && !error, error, stale, reload: load }
}
