import type { MethodName } from '../../../preload/api'
import { ApiError } from '../api/api-error'
import type { AuditLog } from '../audit/audit-log'
import type { AccountStore } from './account-store'
import { forbidden, unauthenticated } from './auth-errors'
import type { CallContext, ConnectionState } from './connection'
import { hasRole, METHOD_ACCESS } from './method-access'
import type { SessionStore } from './sessions'
import type { StationSettings } from './station-settings'

/** Decides, before any input is read, whether this connection may call this method, and as whom. */
export interface AccessGate {
  /** The call's context, or throws `unauthenticated` / `forbidden`. */
  admit(method: MethodName, connection: ConnectionState): CallContext
  /** Audits a refused call: by the method table, or by a handler's own rule (an officer sharing another's case). */
  refused(method: MethodName, connection: ConnectionState, error: ApiError): void
}

/** How a refusal names what was attempted; other methods are named as they are called. */
const ATTEMPTED: Partial<Record<MethodName, string>> = {
  'plans.approve': 'Approving a joint operation plan',
  'export.run': 'Exporting',
  'export.cancel': 'Exporting',
  'export.verify': 'Verifying an export',
  'reports.monthly': 'The monthly report',
  'counterparts.add': 'Pairing a station',
  'counterparts.remove': 'Unpairing a station',
  'audit.list': 'Reading the audit trail',
  'audit.verify': 'Verifying the audit trail',
  'users.list': 'Managing user accounts',
  'users.create': 'Managing user accounts',
  'users.update': 'Managing user accounts',
  'users.disable': 'Managing user accounts',
  'users.enable': 'Managing user accounts',
  'users.resetPassword': 'Managing user accounts',
  'settings.get': 'Station settings',
  'settings.update': 'Changing station settings',
  'maintenance.status': 'Station maintenance',
  'maintenance.backups': 'Station maintenance',
  'maintenance.backup': 'Backing up the station',
  'maintenance.cancel': 'Backing up the station',
  'maintenance.checkBackup': 'Restoring a backup',
  'maintenance.stageRestore': 'Restoring a backup',
  'maintenance.cancelRestore': 'Restoring a backup',
  'maintenance.verifyUpdate': 'Installing an update',
  'maintenance.installUpdate': 'Installing an update'
}

const attempted = (method: MethodName): string => ATTEMPTED[method] ?? `"${method}"`

export interface AccessGateDeps {
  accounts: AccountStore
  sessions: SessionStore
  settings: StationSettings
  audit: AuditLog
  now: () => Date
}

export function createAccessGate({ accounts, sessions, settings, audit, now }: AccessGateDeps): AccessGate {
  /** Who is signed in on the connection right now, or why no one is (ending a session that has lapsed). */
  function signedIn(connection: ConnectionState, at: number): { user: string; role: CallContext['role'] } | ApiError {
    if (connection.system) return { user: connection.system, role: 'admin' }
    const session = connection.session
    if (!session) return unauthenticated('signed_out', 'Sign in first.')
    // Read on every call, so disabling an account or changing its role takes effect at once.
    const row = accounts.byId(session.userId)
    if (!row || row.disabled_at) {
      sessions.endAllOf(session.userId)
      connection.session = null
      return unauthenticated('account_disabled', 'This account has been disabled: ask an administrator.')
    }
    // Idle before live: a session idle too long may already have been swept from the store.
    if (sessions.isIdle(session, at)) {
      sessions.end(session)
      connection.session = null
      connection.locked = { username: session.username }
      const minutes = settings.get().lockAfterMinutes
      return unauthenticated('idle_locked', `The station locked after ${minutes} minute${minutes === 1 ? '' : 's'} without activity: sign in again to continue.`)
    }
    if (!sessions.isLive(session)) {
      connection.session = null
      return unauthenticated('signed_out', 'This session has ended (signed out, or the password was reset): sign in again.')
    }
    return { user: row.username, role: row.role }
  }

  return {
    admit(method, connection) {
      const at = now().getTime()
      const access = METHOD_ACCESS[method]
      const caller = signedIn(connection, at)
      if (access === 'public') {
        // Public calls (auth.status, station.info) do not count as activity: a screen may poll them while idle.
        const who = caller instanceof ApiError ? { user: '', role: null } : caller
        return { ...who, connection, now }
      }
      if (caller instanceof ApiError) throw caller
      if (connection.session) connection.session.lastActivity = at
      const role = caller.role!
      if (!hasRole(role, access)) throw forbidden(attempted(method), access, role, caller.user)
      return { user: caller.user, role, connection, now }
    },

    refused(method, connection, error) {
      const caller = connection.system ?? connection.session?.username ?? '(not signed in)'
      const required = error.issues.find((issue) => issue.path === 'requiredRole')?.message
      audit.record({
        actor: caller,
        action: 'access.denied',
        target: { type: 'method', id: method, label: attempted(method) },
        detail: { required: required ?? null, message: error.message, connection: connection.id }
      })
    }
  }
}
