import { useCallback, useEffect, useRef, useState } from 'react'
import type { PlanDetail } from '../../../../preload/api'
import { useApi, useApiEvent, useOnReconnect } from '../../api/ApiContext'
import { toApiError, type ApiError } from '../../api/api-error'
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
  const [detail, setDetail] = useState<PlanDetail | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const request = useRef(0)

  const reload = useCallback(() => {
    const mine = ++request.current
    api
      .invoke('plans.get', { id })
      .then((value) => {
        if (mine !== request.current) return
        setDetail(value)
        setError(null)
      })
      .catch((e: unknown) => mine === request.current && setError(toApiError(e)))
  }, [api, id])

  const show = useCallback((value: PlanDetail) => {
    request.current++
    setDetail(value)
    setError(null)
  }, [])

  useEffect(reload, [reload])
  const refresh = useThrottled(reload, REFRESH_MS)
  useApiEvent('plans:update', (event) => event.id === id && refresh())
  useOnReconnect(reload)
  return { detail, error, reload, show }
}
