import { useCallback, useEffect } from 'react'
import type { PlanDetail } from '../../../../preload/api'
import { useApi, useApiEvent, useOnReconnect } from '../../api/ApiContext'
import type { ApiError } from '../../api/api-error'
import { useLatestAnswer } from '../../ui/use-latest-answer'
import { useThrottled } from './use-throttled'

/** Sign-off and history are read from the station (it checks the signatures and hashes the content). */
const REFRESH_MS = 700

export interface LoadedPlan {
  detail: PlanDetail | null
  error: ApiError | null
  reload: () => void
  /** Shows a detail a call just returned (approve, restore) without waiting for the next reload. */
  show: (detail: PlanDetail) => void
}

/** What the station says about one plan, kept current while anyone (here or across the border) edits it. */
export function usePlanDetail(id: string): LoadedPlan {
  const api = useApi()
  const ask = useCallback(() => api.invoke('plans.get', { id }), [api, id])
  const { data: detail, error, load: reload, show } = useLatestAnswer(ask)

  useEffect(reload, [reload])
  const refresh = useThrottled(reload, REFRESH_MS)
  useApiEvent('plans:update', (event) => event.id === id && refresh())
  useOnReconnect(reload)
  return { detail, error, reload, show }
}
