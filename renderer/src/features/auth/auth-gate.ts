import type { AuthFailure, BloApi, MethodInput, MethodName, MethodOutput, Session, SignedInUser } from '../../../../preload/api'
import { ApiError, toApiError } from '../../api/api-error'
import type { SessionResume, Who } from '../../api/session-resume'

/** What a screen may call before anyone signs in (main/core/users/method-access.ts marks them `public`). */
const PUBLIC_METHODS: ReadonlySet<MethodName> = new Set<MethodName>(['station.info', 'auth.status', 'auth.setup', 'auth.login', 'auth.resume', 'auth.logout'])

export type LockReason = Extract<AuthFailure, 'idle_locked' | 'signed_out'>
/** Why the sign-in form is showing, when it is not simply the start of the day. */
export type SignInNotice = 'account_disabled' | 'signed_out_by_user'

export type AuthScreen =
  | { kind: 'checking' }
  | { kind: 'unreachable'; error: ApiError }
  | { kind: 'setup' }
  | { kind: 'signIn'; notice: SignInNotice | null }
  | { kind: 'locked'; who: Who; reason: LockReason }
  | { kind: 'open' }

export interface ActiveSession {
  user: SignedInUser
  lockAfterMinutes: number
  /** Changes only when someone else signs in: the screens then start afresh instead of showing the last person's work. */
  key: number
}

export interface AuthState {
  screen: AuthScreen
  /** Who the screens under the lock belong to; null once nobody's work may stay on screen. */
  session: ActiveSession | null
}

interface Waiter {
  owner: string
  error: ApiError
  resolve: () => void
  reject: (error: ApiError) => void
}

export const authFailureOf = (error: ApiError): AuthFailure | null =>
  error.code === 'unauthenticated' ? ((error.issues.find((issue) => issue.path === 'auth')?.message as AuthFailure | undefined) ?? null) : null

/** A wrong current password (changing one's own) is the caller's mistake, not the end of the session. */
const endsSession = (error: ApiError): boolean => {
  const reason = authFailureOf(error)
  return error.code === 'unauthenticated' && reason !== 'wrong_credentials' && reason !== 'too_many_attempts'
}

const locally = (reason: AuthFailure, message: string) => new ApiError({ code: 'unauthenticated', message, issues: [{ path: 'auth', message: reason }] })

/**
 * The sign-in state of this screen and the guard in front of the API. A call the station refuses because the
 * session locked or ended waits behind the lock screen and is sent again once the same person signs back in
 * (the station refused it before reading it, so nothing is done twice); if someone else signs in instead,
 * it fails and the previous person's screens are closed.
 */
export class AuthGate {
  private state: AuthState = { screen: { kind: 'checking' }, session: null }
  private readonly listeners = new Set<() => void>()
  private waiters: Waiter[] = []
  private nextKey = 1

  readonly api: BloApi

  constructor(
    private readonly inner: BloApi,
    private readonly resume: SessionResume
  ) {
    this.api = {
      invoke: (method, input) => this.invoke(method, input),
      on: (event, listener) => inner.on(event, listener)
    }
  }

  /** Follows the sign-in taken back on each new connection; returns the unsubscribe. */
  watchResume(): () => void {
    return this.resume.subscribe((outcome) => {
      if (outcome.ok) this.update(outcome.session.user)
      else this.refused(outcome.error, outcome.who)
    })
  }

  getState = (): AuthState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Asks the station where this screen stands: a new station, someone signed in, or the sign-in (or lock) form. */
  async check(): Promise<void> {
    this.set({ screen: { kind: 'checking' }, session: this.state.session })
    try {
      const status = await this.inner.invoke('auth.status', {})
      // Someone already signed in (accounts made by a local tool, before any administrator) is let in.
      if (status.user) return this.open(status.user, status.lockAfterMinutes)
      if (status.needsSetup) return this.set({ screen: { kind: 'setup' }, session: null })
      const saved = this.resume.saved()
      const who = status.locked ?? saved
      if (who) return this.set({ screen: { kind: 'locked', who, reason: status.locked ? 'idle_locked' : 'signed_out' }, session: null })
      this.set({ screen: { kind: 'signIn', notice: null }, session: null })
    } catch (caught) {
      this.set({ screen: { kind: 'unreachable', error: toApiError(caught) }, session: this.state.session })
    }
  }

  /** After auth.login or auth.setup on one of the sign-in screens. */
  begin(session: Session): void {
    this.resume.remember(session)
    this.open(session.user, session.lockAfterMinutes)
  }

  /** The station said no to this screen's session (on a call, or when taking it back after a dropped link). */
  refused(error: ApiError, who?: Who): void {
    const reason = authFailureOf(error)
    const current = this.state.session?.user ?? who
    if (reason === 'account_disabled' || !current) {
      this.resume.forget()
      this.close({ kind: 'signIn', notice: reason === 'account_disabled' ? 'account_disabled' : null })
      return
    }
    if (this.state.screen.kind === 'locked') return
    this.resume.lockedAs(current)
    this.set({ screen: { kind: 'locked', who: { username: current.username, displayName: current.displayName }, reason: reason === 'idle_locked' ? 'idle_locked' : 'signed_out' }, session: this.state.session })
  }

  /**
   * Nobody touched the screen for the lock time: hide it, and end the session at the station too, so neither a
   * reload nor a call still in flight can take it up again without the password.
   */
  lockIdle(): void {
    const session = this.state.session
    if (!session || this.state.screen.kind !== 'open') return
    this.resume.lockedAs(session.user)
    this.set({ screen: { kind: 'locked', who: { username: session.user.username, displayName: session.user.displayName }, reason: 'idle_locked' }, session })
    this.inner.invoke('auth.logout', {}).catch(() => undefined)
  }

  async signOut(): Promise<void> {
    try {
      await this.inner.invoke('auth.logout', {})
    } finally {
      this.resume.forget()
      this.close({ kind: 'signIn', notice: 'signed_out_by_user' })
    }
  }

  /** From the lock screen: the previous person's screens close, the sign-in form opens empty. */
  switchUser(): void {
    this.resume.forget()
    this.close({ kind: 'signIn', notice: null })
  }

  /** The station sent a newer copy of the signed-in user (a language change, a role change seen on resume). */
  update(user: SignedInUser): void {
    const session = this.state.session
    if (session && session.user.username === user.username) this.set({ ...this.state, session: { ...session, user } })
  }

  private async invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const call = () => this.inner.invoke(method, input)
    if (PUBLIC_METHODS.has(method)) return call()
    await this.admitted(null)
    try {
      return await call()
    } catch (caught) {
      const error = toApiError(caught)
      if (!endsSession(error)) throw caught
      const owner = this.state.session?.user.username
      this.refused(error)
      if (!owner) throw error
      await this.admitted({ owner, error })
      return call()
    }
  }

  /** Resolves once the screens are open for `prior.owner` (or whoever holds them); fails if someone else signs in. */
  private admitted(prior: { owner: string; error: ApiError } | null): Promise<void> {
    const { screen, session } = this.state
    if (!session) return Promise.reject(prior?.error ?? locally('signed_out', 'Sign in first.'))
    const owner = prior?.owner ?? session.user.username
    if (screen.kind === 'open' && session.user.username === owner) return Promise.resolve()
    const error = prior?.error ?? locally('idle_locked', 'The screen is locked: sign in again to continue.')
    return new Promise((resolve, reject) => this.waiters.push({ owner, error, resolve, reject }))
  }

  private open(user: SignedInUser, lockAfterMinutes: number): void {
    const previous = this.state.session
    const key = previous && previous.user.username === user.username ? previous.key : this.nextKey++
    this.set({ screen: { kind: 'open' }, session: { user, lockAfterMinutes, key } })
    this.settleWaiters(user.username)
  }

  private close(screen: AuthScreen): void {
    this.set({ screen, session: null })
    this.settleWaiters(null)
  }

  private settleWaiters(username: string | null): void {
    const waiters = this.waiters
    this.waiters = []
    for (const w of waiters) {
      if (w.owner === username) w.resolve()
      else w.reject(w.error)
    }
  }

  private set(state: AuthState): void {
    this.state = state
    for (const listener of this.listeners) listener()
  }
}
