import { useCallback, useEffect } from 'react'
import type { Case, CaseVersion } from '../../../../preload/api'
import { useApi, useApiEvent, useOnReconnect } from '../../api/ApiContext'
import type { ApiError } from '../../api/api-error'
import { useLatestAnswer } from '../../ui/use-latest-answer'

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
  const ask = useCallback(() => (id ? load(id) : Promise.resolve(null)), [id, load])
  const { data, error, load: reload, clear } = useLatestAnswer(ask)

  useEffect(() => {
    clear()
    reload()
  }, [clear, reload])

  useApiEvent('cases:changed', (payload) => {
    if (live && payload.id === id) reload()
  })
  useOnReconnect(() => {
    if (live) reload()
  })

  return { data, error, reload }
}
