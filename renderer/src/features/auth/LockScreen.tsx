import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../../../preload/api'
import type { Who } from '../../api/session-resume'
import { Field } from '../../ui/Field'
import { useNow } from '../../ui/use-now'
import type { LockReason } from './auth-gate'
import { AuthPage } from './AuthPage'
import { initials } from './initials'
import { SignInFailureNote } from './SignInFailureNote'
import { usePasswordSignIn } from './use-password-sign-in'

interface Props {
  who: Who
  reason: LockReason
  /** The person's screens are still open underneath (not after a reload): signing back in continues them. */
  keepsWork: boolean
  onSignedIn: (session: Session) => void
  onSwitchUser: () => void
}

/** Locked: only the same person's password opens it again; anyone else starts from the ordinary sign-in. */
export function LockScreen({ who, reason, keepsWork, onSignedIn, onSwitchUser }: Props) {
  const { t } = useTranslation()
  const [password, setPassword] = useState('')
  const { busy, errors, failure, signIn, clearError } = usePasswordSignIn(onSignedIn)
  const now = useNow(1000)
  const blocked = failure?.kind === 'blocked' && failure.until > now

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    await signIn(who.username, password)
    setPassword('')
  }

  return (
    <AuthPage
      testId="lock-screen"
      title={t('auth.lock.title', { name: who.displayName })}
      intro={
        <p data-testid="lock-reason" data-reason={reason}>
          {t(reason === 'idle_locked' ? 'auth.lock.idle' : 'auth.lock.ended')} {keepsWork && t('auth.lock.workKept')}
        </p>
      }
    >
      <form className="auth-form" onSubmit={submit} noValidate>
        <div className="auth-who">
          <span className="auth-avatar" aria-hidden="true">
            {initials(who.displayName)}
          </span>
          <span>
            <strong data-testid="lock-name">{who.displayName}</strong>
            <span className="mono muted auth-who-username">{who.username}</span>
          </span>
        </div>
        <Field path="password" label={t('account.password')} error={errors.password}>
          {(p) => (
            <input
              {...p}
              type="password"
              value={password}
              autoComplete="current-password"
              autoFocus
              onChange={(e) => {
                setPassword(e.target.value)
                clearError('password')
              }}
            />
          )}
        </Field>
        <SignInFailureNote failure={failure} now={now} />
        <button type="submit" className="btn btn-primary auth-submit" disabled={busy || blocked} data-testid="lock-submit">
          {busy ? t('auth.signIn.busy') : t('auth.lock.submit')}
        </button>
      </form>
      <p className="auth-switch">
        <button type="button" className="btn btn-link" data-testid="lock-switch-user" onClick={onSwitchUser}>
          {t('auth.lock.switchUser')}
        </button>
      </p>
    </AuthPage>
  )
}
