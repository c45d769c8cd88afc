import { useCallback, useEffect, useState } from 'react'
import { useApi, useApiEvent } from '../../api/ApiContext'
import { useLatestAnswer } from '../../ui/use-latest-answer'

/** The month's figures from the station. A case logged meanwhile marks them stale rather than reloading behind the reader's back. */
export function useMonthlyReport(month: string, counterpart: string) {
  const api = useApi()
  const [stale, setStale] = useState(false)
  const ask = useCallback(() => api.invoke('reports.monthly', { month, ...(counterpart ? { counterpart } : {}) }), [api, month, counterpart])
  const { data: report, error, load } = useLatestAnswer(ask)

  const reload = useCallback(() => {
    setStale(false)
    load()
  }, [load])

  useEffect(reload, [reload])
  useApiEvent('cases:changed', () => setStale(true))
  useApiEvent('exchange:changed', () => setStale(true))

  /** The last month shown stays on screen while the next one loads. */
  return { report, loading: report?.month !== month && !error, error, stale, reload }
}
