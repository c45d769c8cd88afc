import { useTranslation } from 'react-i18next'
import type { Session } from '../../../../preload/api'
import type { Who } from '../../api/session-resume'
import type { LockReason } from './auth-gate'
import { AuthPage } from './AuthPage'
import { initials } from './initials'
import { PasswordForm } from './PasswordForm'

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
      <PasswordForm username={who.username} onSignedIn={onSignedIn} submitLabel={t('auth.lock.submit')} submitTestId="lock-submit">
        <div className="auth-who">
          <span className="auth-avatar" aria-hidden="true">
            {initials(who.displayName)}
          </span>
          <span>
            <strong data-testid="lock-name">{who.displayName}</strong>
            <span className="mono muted auth-who-username">{who.username}</span>
          </span>
        </div>
      </PasswordForm>
      <p className="auth-switch">
        <button type="button" className="btn btn-link" data-testid="lock-switch-user" onClick={onSwitchUser}>
          {t('auth.lock.switchUser')}
        </button>
      </p>
    </AuthPage>
  )
}
