import { useEffect, useState } from 'react'
import type { StationInfo } from '../../../../preload/api'
import { useApi, useOnReconnect } from '../../api/ApiContext'

/** Who we are (name, crossing): shown in the header; a failure here only leaves the header plainer. */
export function useStationInfo(): StationInfo | null {
  const api = useApi()
  const [info, setInfo] = useState<StationInfo | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let live = true
    api
      .invoke('station.info', {})
      .then((value) => live && setInfo(value))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [api, attempt])
  useOnReconnect(() => setAttempt((n) => n + 1))
  return info
}
