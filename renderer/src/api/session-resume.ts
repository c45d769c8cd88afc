import type { BloApi, Session } from '../../../preload/api'
import { toApiError, type ApiError } from './api-error'

/** Runs first on every new connection to the station, before any queued call goes out. */
export type Greeting = (invoke: BloApi['invoke']) => Promise<void>

/** Who was signed in on this screen: named on the lock screen. */
export interface Who {
  username: string
  displayName: string
}

/** The sign-in this browser tab holds: the token while it may be taken up again, and whose it is. */
export interface SavedSession extends Who {
  token: string | null
}

export type ResumeOutcome = { ok: true; session: Session } | { ok: false; error: ApiError; who: Who }

const STORAGE_KEY = 'blo.session'

/**
 * Keeps a sign-in across a dropped link and a page reload. The token lives in sessionStorage only (gone with the
 * tab), and every new connection presents it with `auth.resume` before anything else, so no call reaches the
 * station on a connection that is not yet signed in again.
 */
export class SessionResume {
  private readonly listeners = new Set<(outcome: ResumeOutcome) => void>()

  saved(): SavedSession | null {
    try {
      const raw = sessionStorage.getItem(STORAGE_KEY)
      const value = raw ? (JSON.parse(raw) as Partial<SavedSession>) : null
      if (!value || typeof value.username !== 'string' || typeof value.displayName !== 'string') return null
      return { username: value.username, displayName: value.displayName, token: typeof value.token === 'string' ? value.token : null }
    } catch {
      return null
    }
  }

  remember(session: Session): void {
    this.store({ token: session.sessionToken, username: session.user.username, displayName: session.user.displayName })
  }

  /** The session is over, but the lock screen should still offer this person first (also after a reload). */
  lockedAs(who: Who): void {
    this.store({ token: null, username: who.username, displayName: who.displayName })
  }

  forget(): void {
    try {
      sessionStorage.removeItem(STORAGE_KEY)
    } catch {
      // Storage disabled: nothing was kept.
    }
  }

  /** Told how every resume on a new connection went (not the first: the sign-in layer asks auth.status then). */
  subscribe(listener: (outcome: ResumeOutcome) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly greet: Greeting = async (invoke) => {
    const saved = this.saved()
    if (!saved?.token) return
    let outcome: ResumeOutcome
    try {
      const session = await invoke('auth.resume', { sessionToken: saved.token })
      this.remember(session)
      outcome = { ok: true, session }
    } catch (caught) {
      const error = toApiError(caught)
      // A link that dropped again keeps the token for the next try; only the station's "no" ends it.
      if (error.code !== 'unauthenticated') return
      this.lockedAs(saved)
      outcome = { ok: false, error, who: saved }
    }
    for (const listener of this.listeners) listener(outcome)
  }

  private store(value: SavedSession): void {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(value))
    } catch {
      // Storage disabled: the sign-in then lasts only as long as this connection.
    }
  }
}
