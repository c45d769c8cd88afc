import { Fragment, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { MethodName } from '../../../../preload/api'
import { ApiProvider } from '../../api/ApiContext'
import type { ApiClient } from '../../api/client'
import { LoadFailed, StateMessage } from '../../ui/StateMessage'
import { PlainHeader } from '../station/PlainHeader'
import { AuthContext, type Auth } from './auth-context'
import { AuthGate, type AuthState } from './auth-gate'
import { LockScreen } from './LockScreen'
import { SetupScreen } from './SetupScreen'
import { SignInScreen } from './SignInScreen'
import { useIdleLock } from './use-idle-lock'
import { useLanguagePreference } from './use-language-preference'

/**
 * Nothing of the app shows until someone is signed in. While the screen is locked, the signed-in person's
 * screens stay mounted underneath (hidden and inert), so an unsaved case is still there after they sign back
 * in; when someone else signs in, the screens start afresh.
 */
export function AuthProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  const [gate] = useState(() => new AuthGate(client.api, client.resume))
  const guarded = useMemo<ApiClient>(() => ({ ...client, api: gate.api }), [client, gate])
  const state = useSyncExternalStore(gate.subscribe, gate.getState)
  const { session, screen } = state
  const open = screen.kind === 'open'

  useEffect(() => gate.watchResume(), [gate])
  useEffect(() => {
    void gate.check()
  }, [gate])
  useIdleLock(open && session ? session.lockAfterMinutes : null, () => gate.lockIdle())
  useLanguagePreference(session)

  const auth = useMemo<Auth | null>(() => {
    if (!session) return null
    const allowed = new Set<string>(session.user.allowedMethods)
    return {
      user: session.user,
      lockAfterMinutes: session.lockAfterMinutes,
      can: (method: MethodName) => allowed.has(method),
      signOut: () => gate.signOut()
    }
  }, [session, gate])

  return (
    <ApiProvider client={guarded}>
      {auth && session && (
        <AuthContext.Provider value={auth}>
          <div className={`auth-under${open ? '' : ' is-hidden'}`} inert={!open} aria-hidden={!open} data-testid="signed-in" data-user={session.user.username} data-role={session.user.role}>
            <Fragment key={session.key}>{children}</Fragment>
          </div>
        </AuthContext.Provider>
      )}
      {!open && <AuthScreen gate={gate} state={state} />}
    </ApiProvider>
  )
}

function AuthScreen({ gate, state }: { gate: AuthGate; state: AuthState }) {
  const { t } = useTranslation()
  const { screen, session } = state
  const begin = gate.begin.bind(gate)
  switch (screen.kind) {
    case 'setup':
      return <SetupScreen onSignedIn={begin} />
    case 'signIn':
      return <SignInScreen notice={screen.notice} onSignedIn={begin} />
    case 'locked':
      return <LockScreen who={screen.who} reason={screen.reason} keepsWork={session !== null} onSignedIn={begin} onSwitchUser={() => gate.switchUser()} />
    case 'checking':
    case 'unreachable':
      return (
        <div className="app auth-page">
          <PlainHeader />
          {screen.kind === 'checking' ? (
            <StateMessage tone="loading" testId="auth-checking" title={t('auth.checking')} />
          ) : (
            <LoadFailed testId="auth-unreachable" title={t('auth.unreachable')} error={screen.error} onRetry={() => void gate.check()} />
          )}
        </div>
      )
    case 'open':
      return null
  }
}
