import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { useApi, useApiEvent, useOnReconnect } from '../../../api/ApiContext'
import { toApiError, type ApiError } from '../../../api/api-error'
import { PlanReplica, type ReplicaState } from './plan-replica'

export type ReplicaLoad = { status: 'loading' } | { status: 'ready'; replica: PlanReplica } | { status: 'error'; error: ApiError }

/**
 * This screen's copy of a plan, loaded from the station and kept current by its events for as long as the
 * screen shows it. A new `attempt` throws the copy away and loads a fresh one (after a refusal, or a retry).
 */
export function usePlanReplica(id: string, attempt: number): ReplicaLoad {
  const api = useApi()
  const [load, setLoad] = useState<ReplicaLoad>({ status: 'loading' })
  const current = useRef<PlanReplica | null>(null)

  useEffect(() => {
    const replica = new PlanReplica(api, id)
    current.current = replica
    setLoad({ status: 'loading' })
    replica
      .load()
      .then(() => current.current === replica && setLoad({ status: 'ready', replica }))
      .catch((e: unknown) => current.current === replica && setLoad({ status: 'error', error: toApiError(e) }))
    return () => {
      current.current = null
      // After the fields' own cleanups, which write a draft typed just before leaving.
      queueMicrotask(() => replica.destroy())
    }
  }, [api, id, attempt])

  // Events that arrive while the copy loads are applied too: Yjs holds them until what they build on is there.
  useApiEvent('plans:update', (event) => current.current?.receive(event))
  useApiEvent('plans:awareness', (event) => current.current?.receivePresence(event))
  useOnReconnect(() => current.current?.reconnected())
  // A window closed with the plan open: the others see us go now, not when our presence times out.
  useEffect(() => {
    const leave = () => current.current?.leave()
    window.addEventListener('pagehide', leave)
    return () => window.removeEventListener('pagehide', leave)
  }, [])
  return load
}

export function useReplicaState(replica: PlanReplica): ReplicaState {
  return useSyncExternalStore(replica.subscribe, replica.getState)
}
