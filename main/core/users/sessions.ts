import { randomBytes } from 'node:crypto'
import type { LiveSession } from './connection'

/**
 * Signed-in sessions, in memory only: restarting the station signs everyone out. A session belongs to an
 * account and may be taken up again by a new connection of the same screen (auth.resume) until it locks.
 */
export class SessionStore {
  private readonly live = new Map<string, LiveSession>()

  /** idleLimitMs: the lock setting; a session unused longer than this is over. */
  constructor(private readonly idleLimitMs: () => number) {}

  start(user: { id: number; username: string }, now: number): LiveSession {
    this.sweep(now)
    const session: LiveSession = { token: randomBytes(32).toString('base64url'), userId: user.id, username: user.username, lastActivity: now }
    this.live.set(session.token, session)
    return session
  }

  find(token: string): LiveSession | undefined {
    return this.live.get(token)
  }

  isLive(session: LiveSession): boolean {
    return this.live.get(session.token) === session
  }

  end(session: LiveSession): void {
    if (this.isLive(session)) this.live.delete(session.token)
  }

  /** A disabled account is signed out everywhere at once. */
  endAllOf(userId: number): void {
    for (const [token, session] of this.live) if (session.userId === userId) this.live.delete(token)
  }

  isIdle(session: LiveSession, now: number): boolean {
    return now - session.lastActivity > this.idleLimitMs()
  }

  /** Forgets sessions that locked long ago, so screens that never came back do not pile up. */
  private sweep(now: number): void {
    for (const [token, session] of this.live) if (this.isIdle(session, now)) this.live.delete(token)
  }
}
