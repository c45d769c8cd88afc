import type { AuthStatus, LoginInputParsed, Session, SetupInputParsed, SignedInUser } from '../../../preload/api'
import type { AuditLog } from '../audit/audit-log'
import type { AccountRow, AccountStore } from './account-store'
import { tooManyAttempts, unauthenticated } from './auth-errors'
import type { CallContext, ConnectionState } from './connection'
import { lockMsAfter, type LoginThrottle } from './login-throttle'
import { allowedMethods } from './method-access'
import { checkPassword, decoyHash, hashPassword } from './password-hash'
import type { SessionStore } from './sessions'
import type { StationSettings } from './station-settings'

export interface AuthDeps {
  accounts: AccountStore
  throttle: LoginThrottle
  sessions: SessionStore
  settings: StationSettings
  audit: AuditLog
  now: () => Date
}


/** Shown for a failed sign-in whatever the cause, so the reply does not tell which names exist. */
const WRONG = 'Wrong username or password.'

export function accountUser(row: AccountRow): SignedInUser {
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    agency: row.agency,
    language: row.language,
    system: false,
    allowedMethods: allowedMethods(row.role)
  }
}

export function systemUser(name: string): SignedInUser {
  return { username: name, displayName: name, role: 'admin', agency: null, language: 'en', system: true, allowedMethods: allowedMethods('admin') }
}

/**
 * Sign-in, sign-out and first-run setup for one station. Sign-ins run one at a time (each costs a scrypt),
 * so parallel guesses cannot slip past the wrong-password count.
 */
export class AuthService {
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly deps: AuthDeps) {}

  status(connection: ConnectionState, user: SignedInUser | null): AuthStatus {
    const { accounts, settings } = this.deps
    const locked = connection.locked && accounts.find(connection.locked.username)
    return {
      needsSetup: !accounts.hasAdministrator(),
      user,
      locked: locked ? { username: locked.username, displayName: locked.display_name } : null,
      lockAfterMinutes: settings.get().lockAfterMinutes
    }
  }

  async setup(input: SetupInputParsed, connection: ConnectionState): Promise<Session> {
    const { password, ...profile } = input
    const hash = await hashPassword(password)
    const row = this.deps.accounts.create({ ...profile, role: 'admin' }, hash, connection.system ?? profile.username, 'auth.setup')
    return this.begin(row, connection)
  }

  login(input: LoginInputParsed, connection: ConnectionState): Promise<Session> {
    const attempt = this.queue.then(() => this.attempt(input, connection))
    this.queue = attempt.catch(() => undefined)
    return attempt
  }

  /** Takes up a session this screen had before its connection dropped. */
  resume(token: string, connection: ConnectionState): Session {
    const { sessions, accounts } = this.deps
    const session = sessions.find(token)
    const now = this.deps.now().getTime()
    if (!session || sessions.isIdle(session, now)) {
      if (session) sessions.end(session)
      throw unauthenticated('signed_out', 'That session has ended: sign in again.')
    }
    const row = accounts.byId(session.userId)
    if (!row || row.disabled_at) {
      sessions.end(session)
      throw unauthenticated('account_disabled', 'This account is disabled. Ask an administrator to enable it.')
    }
    session.lastActivity = now
    connection.session = session
    connection.locked = null
    return { user: accountUser(row), sessionToken: session.token, lockAfterMinutes: this.deps.settings.get().lockAfterMinutes }
  }

  logout(connection: ConnectionState): { signedOut: boolean } {
    const session = connection.session
    connection.session = null
    connection.locked = null
    if (!session) return { signedOut: false }
    this.deps.sessions.end(session)
    this.deps.audit.record({ actor: session.username, action: 'auth.logout', target: null, detail: { connection: connection.id } })
    return { signedOut: true }
  }

  async changePassword(currentPassword: string, newPassword: string, ctx: CallContext): Promise<SignedInUser> {
    const row = ctx.connection.session && this.deps.accounts.byId(ctx.connection.session.userId)
    if (!row) throw unauthenticated('signed_out', 'Only an account signed in on a screen has a password to change.')
    if (!(await checkPassword(currentPassword, row.password_hash)).ok) {
      throw unauthenticated('wrong_credentials', 'The current password is wrong.', [{ path: 'currentPassword', message: 'wrong password' }])
    }
    const updated = this.deps.accounts.setPassword(row.username, await hashPassword(newPassword), row.username, 'user.password_change')
    return accountUser(updated)
  }

  private async attempt({ username, password }: LoginInputParsed, connection: ConnectionState): Promise<Session> {
    const { accounts, throttle, audit } = this.deps
    const row = accounts.find(username)
    const failed = (reason: string, extra: Record<string, unknown> = {}) =>
      audit.record({
        actor: row?.username ?? '(unknown account)',
        action: 'auth.login_failed',
        target: row ? { type: 'user', id: row.username, label: row.display_name } : null,
        detail: { reason, connection: connection.id, ...extra }
      })

    const before = this.deps.now().getTime()
    // An administrator's password reset (screen or `blo user reset-password`) is a fresh start for that account on a
    // screen that locked itself guessing before it, as it is for the account's own count (cleared by the reset).
    if (row && connection.failedLogins > 0 && Date.parse(row.password_changed_at) > connection.lastFailedLogin) {
      connection.failedLogins = 0
      connection.loginLockedUntil = 0
    }
    const lockedUntil = Math.max(connection.loginLockedUntil, throttle.state(username, before).lockedUntil)
    if (lockedUntil > before) {
      failed('locked_out', { lockedUntil: new Date(lockedUntil).toISOString() })
      throw tooManyAttempts(lockedUntil, before)
    }

    const check = await checkPassword(password, row?.password_hash ?? (await decoyHash()))
    const now = this.deps.now().getTime()
    if (!row || !check.ok) {
      const account = throttle.failed(username, now)
      connection.failedLogins++
      connection.lastFailedLogin = now
      const connectionLockMs = lockMsAfter(connection.failedLogins)
      if (connectionLockMs) connection.loginLockedUntil = now + connectionLockMs
      const until = Math.max(account.lockedUntil, connection.loginLockedUntil)
      failed(row ? 'wrong_password' : 'unknown_account', { failures: account.failures, ...(until > now && { lockedUntil: new Date(until).toISOString() }) })
      throw until > now ? tooManyAttempts(until, now) : unauthenticated('wrong_credentials', WRONG)
    }
    if (row.disabled_at) {
      failed('account_disabled')
      throw unauthenticated('account_disabled', 'This account is disabled. Ask an administrator to enable it.')
    }
    throttle.clear(username)
    connection.failedLogins = 0
    connection.loginLockedUntil = 0
    if (check.outdated) accounts.rehash(row.id, await hashPassword(password))
    return this.begin(row, connection)
  }

  /** Signs the account in on this connection (ending whatever session the connection had). */
  private begin(row: AccountRow, connection: ConnectionState): Session {
    const { sessions, accounts, audit, settings } = this.deps
    const at = this.deps.now()
    if (connection.session) sessions.end(connection.session)
    const session = sessions.start(row, at.getTime())
    connection.session = session
    connection.locked = null
    accounts.recordLogin(row.id, at.toISOString())
    audit.record({
      actor: row.username,
      action: 'auth.login',
      target: { type: 'user', id: row.username, label: row.display_name },
      detail: { role: row.role, connection: connection.id }
    })
    return { user: accountUser(row), sessionToken: session.token, lockAfterMinutes: settings.get().lockAfterMinutes }
  }
}
