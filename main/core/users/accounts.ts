/**
 * Accounts, sign-in and roles as one station feature: the access gate the dispatcher consults before every call,
 * and the auth, users and settings handlers.
 */
import type { Database } from 'better-sqlite3'
import type { AuditLog } from '../audit/audit-log'
import { createAccessGate, type AccessGate } from './access-gate'
import { AccountStore } from './account-store'
import { AuthService } from './auth-service'
import { LoginThrottle } from './login-throttle'
import { SessionStore } from './sessions'
import { StationSettings } from './station-settings'
import { userHandlers, type UserHandlers } from './user-handlers'

export interface Accounts {
  readonly gate: AccessGate
  readonly handlers: UserHandlers
}

export function openAccounts(db: Database, audit: AuditLog, now: () => Date): Accounts {
  const accounts = new AccountStore(db, audit, now)
  const settings = new StationSettings(db, audit)
  const sessions = new SessionStore(() => settings.get().lockAfterMinutes * 60_000)
  const throttle = new LoginThrottle(db)
  const auth = new AuthService({ accounts, throttle, sessions, settings, audit, now })
  return {
    gate: createAccessGate({ accounts, sessions, settings, audit, now }),
    handlers: userHandlers({ auth, accounts, sessions, throttle, settings })
  }
}
