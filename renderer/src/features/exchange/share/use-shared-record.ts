import { useCallback, useEffect, useRef, useState } from 'react'
import type { RecordDetail } from '../../../../../preload/api'
import { useApi, useApiEvent, useOnReconnect } from '../../../api/ApiContext'
import { toApiError, type ApiError } from '../../../api/api-error'
import { useLink } from '../../link/LinkContext'

export interface SharedState {
  /** undefined while loading; null when the case was never shared. */
  record: RecordDetail | null | undefined
  error: ApiError | null
  reload(): void
}

/** What this station shared of one of its cases (the record's id is the case's id), kept current. */
export function useSharedRecord(caseId: string): SharedState {
  const api = useApi()
  const self = useLink().card?.stationId
  const [record, setRecord] = useState<RecordDetail | null | undefined>(undefined)
  const [error, setError] = useState<ApiError | null>(null)
  const request = useRef(0)

  const reload = useCallback(() => {
    if (!self) return
    const mine = ++request.current
    api
      .invoke('exchange.get', { type: 'record', origin: self, id: caseId })
      .then((item) => {
        if (mine !== request.current) return
        setRecord(item.type === 'record' ? item : null)
        setError(null)
      })
      .catch((e: unknown) => {
        if (mine !== request.current) return
        const failure = toApiError(e)
        if (failure.code === 'not_found') {
          setRecord(null)
          setError(null)
        } else setError(failure)
      })
  }, [api, self, caseId])

  useEffect(reload, [reload])
  useApiEvent('exchange:changed', ({ boxes }) => boxes.includes('sent') && reload())
  useOnReconnect(reload)
  return { record, error, reload }
}
