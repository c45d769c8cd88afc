import { useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../../../preload/api'
import { Field } from '../../ui/Field'
import { useNow } from '../../ui/use-now'
import { SignInFailureNote } from './SignInFailureNote'
import { usePasswordSignIn } from './use-password-sign-in'

interface Props {
  /** Whose password it is, when that is settled (the lock screen); without it the form asks for a username. */
  username?: string
  onSignedIn: (session: Session) => void
  submitLabel: string
  submitTestId: string
  /** Shown above the password, e.g. who the locked screen belongs to. */
  children?: ReactNode
}

/** Signing in with a password: why a try failed, and no further tries while the station blocks them. */
export function PasswordForm({ username: fixedUsername, onSignedIn, submitLabel, submitTestId, children }: Props) {
  const { t } = useTranslation()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const { busy, errors, failure, signIn, clearError } = usePasswordSignIn(onSignedIn)
  const now = useNow(1000)
  const blocked = failure?.kind === 'blocked' && failure.until > now

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    await signIn(fixedUsername ?? username, password)
    setPassword('')
  }

  return (
    <form className="auth-form" onSubmit={submit} noValidate>
      {children}
      {fixedUsername === undefined && (
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
      )}
      <Field path="password" label={t('account.password')} error={errors.password}>
        {(p) => (
          <input
            {...p}
            type="password"
            value={password}
            autoComplete="current-password"
            autoFocus={fixedUsername !== undefined}
            onChange={(e) => {
              setPassword(e.target.value)
              clearError('password')
            }}
          />
        )}
      </Field>
      <SignInFailureNote failure={failure} now={now} />
      <button type="submit" className="btn btn-primary auth-submit" disabled={busy || blocked} data-testid={submitTestId}>
        {busy ? t('auth.signIn.busy') : submitLabel}
      </button>
    </form>
  )
}
