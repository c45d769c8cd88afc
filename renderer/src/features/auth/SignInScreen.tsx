import { useTranslation } from 'react-i18next'
import type { Session } from '../../../../preload/api'
import type { SignInNotice } from './auth-gate'
import { AuthPage } from './AuthPage'
import { PasswordForm } from './PasswordForm'

export function SignInScreen({ notice, onSignedIn }: { notice: SignInNotice | null; onSignedIn: (session: Session) => void }) {
  const { t } = useTranslation()
  return (
    <AuthPage testId="sign-in" title={t('auth.signIn.title')}>
      {notice && (
        <p className="inline-alert alert-info" role="status" data-testid="sign-in-notice" data-notice={notice}>
          {t(`auth.notice.${notice}`)}
        </p>
      )}
      <PasswordForm onSignedIn={onSignedIn} submitLabel={t('auth.signIn.submit')} submitTestId="sign-in-submit" />
      <p className="muted auth-help">{t('auth.signIn.help')}</p>
    </AuthPage>
  )
}
