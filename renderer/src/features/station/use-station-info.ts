import { useCallback, useEffect } from 'react'
import type { StationInfo } from '../../../../preload/api'
import { useApi, useOnReconnect } from '../../api/ApiContext'
import { useLatestAnswer } from '../../ui/use-latest-answer'

/** Who we are (name, crossing): shown in the header; a failure here only leaves the header plainer. */
export function useStationInfo(): StationInfo | null {
  const api = useApi()
  const ask = useCallback(() => api.invoke('station.info', {}), [api])
  const { data: info, load } = useLatestAnswer(ask)
  useEffect(load, [load])
  useOnReconnect(load)
  return info
}
