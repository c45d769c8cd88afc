import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../../../preload/api'
import { Field } from '../../ui/Field'
import { useNow } from '../../ui/use-now'
import type { SignInNotice } from './auth-gate'
import { AuthPage } from './AuthPage'
import { SignInFailureNote } from './SignInFailureNote'
import { usePasswordSignIn } from './use-password-sign-in'

export function SignInScreen({ notice, onSignedIn }: { notice: SignInNotice | null; onSignedIn: (session: Session) => void }) {
  const { t } = useTranslation()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const { busy, errors, failure, signIn, clearError } = usePasswordSignIn(onSignedIn)
  const now = useNow(1000)
  const blocked = failure?.kind === 'blocked' && failure.until > now

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    await signIn(username, password)
    setPassword('')
  }

  return (
    <AuthPage testId="sign-in" title={t('auth.signIn.title')}>
      {notice && (
        <p className="inline-alert alert-info" role="status" data-testid="sign-in-notice" data-notice={notice}>
          {t(`auth.notice.${notice}`)}
        </p>
      )}
      <form className="auth-form" onSubmit={submit} noValidate>
        <Field path="username" label={t('account.username')} error={errors.username}>
          {(p) => (
            <input
              {...p}
              value={username}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={100}
              autoFocus
              onChange={(e) => {
                setUsername(e.target.value)
                clearError('username')
              }}
            />
          )}
        </Field>
        <Field path="password" label={t('account.password')} error={errors.password}>
          {(p) => (
            <input
              {...p}
              type="password"
              value={password}
              autoComplete="current-password"
              onChange={(e) => {
                setPassword(e.target.value)
                clearError('password')
              }}
            />
          )}
        </Field>
        <SignInFailureNote failure={failure} now={now} />
        <button type="submit" className="btn btn-primary auth-submit" disabled={busy || blocked} data-testid="sign-in-submit">
          {busy ? t('auth.signIn.busy') : t('auth.signIn.submit')}
        </button>
      </form>
      <p className="muted auth-help">{t('auth.signIn.help')}</p>
    </AuthPage>
  )
}
