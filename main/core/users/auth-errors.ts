import type { AuthFailure, Role } from '../../../preload/api'
import { ApiError } from '../api/api-error'
import { ROLE_NAMES } from './method-access'

/** An `unauthenticated` reply whose first issue names the reason (preload/schemas/users.ts AUTH_FAILURES). */
export function unauthenticated(reason: AuthFailure, message: string, more: { path: string; message: string }[] = []): ApiError {
  return new ApiError('unauthenticated', message, [{ path: 'auth', message: reason }, ...more])
}

export function tooManyAttempts(lockedUntil: number, now: number): ApiError {
  const seconds = Math.max(1, Math.ceil((lockedUntil - now) / 1000))
  const minutes = Math.ceil(seconds / 60)
  return unauthenticated(
    'too_many_attempts',
    `Too many wrong passwords: signing in is blocked for ${minutes} more minute${minutes === 1 ? '' : 's'}. If you forgot your password, ask an administrator to reset it.`,
    [{ path: 'retryAfterSeconds', message: String(seconds) }]
  )
}

/** A refusal that says what the call needs and who the caller is, e.g. "…needs a supervisor account; you are signed in as officer somchai." */
export function forbidden(what: string, needs: Role, role: Role, user: string): ApiError {
  return new ApiError('forbidden', `${what} needs ${ROLE_NAMES[needs]} account; you are signed in as ${role} ${user}.`, [
    { path: 'requiredRole', message: needs }
  ])
}
