import { createContext, useContext, useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react'
import type { BloApi, EventName, EventPayload } from '../../../preload/api'
import type { ApiClient } from './client'
import type { ConnectionState } from './connection'

const ApiContext = createContext<ApiClient | null>(null)

export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>
}

function useClient(): ApiClient {
  const client = useContext(ApiContext)
  if (!client) throw new Error('useApi outside ApiProvider')
  return client
}

export function useApi(): BloApi {
  return useClient().api
}

export function useConnection(): { state: ConnectionState; retryNow: () => void } {
  const { connection } = useClient()
  const state = useSyncExternalStore(connection.subscribe, connection.getState)
  return { state, retryNow: connection.retryNow }
}

/** Subscribe to a station event for the component's lifetime; the latest listener is always the one called. */
export function useApiEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const api = useApi()
  const latest = useRef(listener)
  latest.current = listener
  useEffect(() => api.on(event, (payload) => latest.current(payload)), [api, event])
}

/** Runs `onRestored` whenever the link comes back after a drop: events sent meanwhile were missed. */
export function useOnReconnect(onRestored: () => void): void {
  const { state } = useConnection()
  const wasDown = useRef(false)
  const latest = useRef(onRestored)
  latest.current = onRestored
  useEffect(() => {
    if (state.status === 'reconnecting') wasDown.current = true
    else if (state.status === 'open' && wasDown.current) {
      wasDown.current = false
      latest.current()
    }
  }, [state])
}
