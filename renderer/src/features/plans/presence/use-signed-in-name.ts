import { useEffect, useState } from 'react'
import { useApi, useOnReconnect } from '../../../api/ApiContext'

/** The signed-in officer's display name, for presence; '' when the station names nobody (not signed in, or it cannot say). */
export function useSignedInName(): string | null {
  const api = useApi()
  const [name, setName] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let live = true
    api
      .invoke('auth.status', {})
      .then((status) => live && setName(status.user ? status.user.displayName || status.user.username : ''))
      .catch(() => live && setName(''))
    return () => {
      live = false
    }
  }, [api, attempt])
  useOnReconnect(() => setAttempt((n) => n + 1))
  return name
}
