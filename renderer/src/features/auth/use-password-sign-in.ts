import { useState } from 'react'
import { LoginInput, type Session } from '../../../../preload/api'
import { useApi } from '../../api/ApiContext'
import { toApiError, type ApiError } from '../../api/api-error'
import type { FieldErrors } from '../../ui/field-error'
import { errorsFromApi } from '../../ui/field-error'
import { errorsFromZod } from '../cases/form/field-errors'
import { authFailureOf } from './auth-gate'

export type SignInFailure =
  | { kind: 'refused'; reason: 'wrong_credentials' | 'account_disabled' }
  /** Until when the station refuses further tries (ms since the epoch, by this screen's clock). */
  | { kind: 'blocked'; until: number }
  | { kind: 'error'; error: ApiError }

/** Sends a username and password to the station and says, in the officer's terms, why it did not work. */
export function usePasswordSignIn(onSignedIn: (session: Session) => void) {
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<SignInFailure | null>(null)

  const signIn = async (username: string, password: string) => {
    const input = { username, password }
    const parsed = LoginInput.safeParse(input)
    if (!parsed.success) {
      setErrors(errorsFromZod(parsed.error.issues, input))
      return
    }
    setErrors({})
    setFailure(null)
    setBusy(true)
    try {
      onSignedIn(await api.invoke('auth.login', input))
    } catch (caught) {
      const error = toApiError(caught)
      const reason = authFailureOf(error)
      if (reason === 'too_many_attempts') {
        const seconds = Number(error.issues.find((issue) => issue.path === 'retryAfterSeconds')?.message ?? 60)
        setFailure({ kind: 'blocked', until: Date.now() + seconds * 1000 })
      } else if (reason === 'wrong_credentials' || reason === 'account_disabled') {
        setFailure({ kind: 'refused', reason })
      } else if (error.code === 'invalid_input' && error.issues.length > 0) {
        setErrors(errorsFromApi(error.issues))
      } else {
        setFailure({ kind: 'error', error })
      }
    } finally {
      setBusy(false)
    }
  }

  return { busy, errors, failure, signIn, clearError: (path: string) => setErrors(({ [path]: _, ...rest }) => rest) }
}
