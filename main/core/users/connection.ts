/**
 * One transport connection (a station host WebSocket, an Electron window, an in-process blo run): who is signed
 * in on it. Transports create one per connection and pass it with every call; only the station's auth code
 * changes it (on auth.login, auth.logout, idle lock). What a handler sees is the CallContext derived from it.
 */
import type { Role } from '../../../preload/api'

export interface LiveSession {
  readonly token: string
  readonly userId: number
  readonly username: string
  /** ms since the epoch, by the station clock; a call older than the lock setting ends the session. */
  lastActivity: number
}

export interface ConnectionState {
  /** For logs and rate limits: unique within this process. */
  readonly id: number
  /**
   * A local tool trusted with the operating-system user's authority over the data folder (the CLI, the host's own
   * calls): acts as an administrator under this name (e.g. `cli:somchai`) and never signs in. Null for screens.
   */
  readonly system: string | null
  session: LiveSession | null
  /** Who was signed in here when the session locked after inactivity, for the lock screen. */
  locked: { username: string } | null
  /** Wrong passwords from this connection in a row, when the last one was typed, and until when it may not try again (ms). */
  failedLogins: number
  lastFailedLogin: number
  loginLockedUntil: number
}

let nextId = 1

function connection(system: string | null): ConnectionState {
  return { id: nextId++, system, session: null, locked: null, failedLogins: 0, lastFailedLogin: 0, loginLockedUntil: 0 }
}

/** A screen (browser page, Electron window): must sign in before anything but the public methods. */
export const screenConnection = (): ConnectionState => connection(null)

/** A local tool acting with the OS user's authority, recorded in the audit trail under `name`. */
export function systemConnection(name: string): ConnectionState {
  if (!name.trim()) throw new Error('a system connection needs a name for the audit trail')
  return connection(name)
}

/**
 * Whether pushed events may go to this connection. Events carry plan content and case ids, so a screen
 * that has not signed in gets none; an idle-locked session still counts until its next call finds it expired.
 */
export const mayReceiveEvents = (c: ConnectionState): boolean => Boolean(c.system) || c.session !== null

/** What every handler receives: who is acting, with which role, by the station clock. */
export interface CallContext {
  /** The username (or the system actor's name) that cases, shares and the audit trail record. '' before sign-in. */
  readonly user: string
  readonly role: Role | null
  readonly connection: ConnectionState
  readonly now: () => Date
}
