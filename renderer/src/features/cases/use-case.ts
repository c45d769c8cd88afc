import { useCallback, useEffect, useRef, useState } from 'react'
import type { Case, CaseVersion } from '../../../../preload/api'
import { useApi, useApiEvent, useOnReconnect } from '../../api/ApiContext'
import { toApiError, type ApiError } from '../../api/api-error'

interface Loaded<T> {
  data: T | null
  error: ApiError | null
  reload: () => void
}

/** One case as stored. With `live`, it follows changes made anywhere (another window, the CLI, the peer station). */
export function useCase(id: string | null, options: { live?: boolean } = {}): Loaded<Case> {
  const api = useApi()
  return useLoader(id, options.live ?? false, useCallback((caseId: string) => api.invoke('cases.get', { id: caseId }), [api]))
}

/** Every stored version of a case, oldest first, kept current like useCase. */
export function useCaseHistory(id: string): Loaded<CaseVersion[]> {
  const api = useApi()
  return useLoader(id, true, useCallback((caseId: string) => api.invoke('cases.history', { id: caseId }), [api]))
}

function useLoader<T>(id: string | null, live: boolean, load: (id: string) => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const request = useRef(0)

  const reload = useCallback(() => {
    if (!id) return
    const mine = ++request.current
    load(id)
      .then((value) => {
        if (mine !== request.current) return
        setData(value)
        setError(null)
      })
      .catch((e: unknown) => {
        if (mine === request.current) setError(toApiError(e))
      })
  }, [id, load])

  useEffect(() => {
    setData(null)
    setError(null)
    reload()
  }, [reload])

  useApiEvent('cases:changed', (payload) => {
    if (live && payload.id === id) reload()
  })
  useOnReconnect(() => {
    if (live) reload()
  })

  return { data, error, reload }
}
