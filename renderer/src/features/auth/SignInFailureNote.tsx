import { useTranslation } from 'react-i18next'
import { ErrorDetail } from '../../ui/ErrorDetail'
import type { SignInFailure } from './use-password-sign-in'

/** Why the last try did not sign in; while the station blocks tries, how long is left. */
export function SignInFailureNote({ failure, now }: { failure: SignInFailure | null; now: number }) {
  const { t } = useTranslation()
  if (!failure) return null
  let text
  if (failure.kind === 'blocked') {
    const seconds = Math.ceil((failure.until - now) / 1000)
    if (seconds <= 0) return null
    const wait = seconds >= 60 ? t('auth.failure.minutes', { count: Math.ceil(seconds / 60) }) : t('auth.failure.seconds', { count: seconds })
    text = t('auth.failure.too_many_attempts', { wait })
  } else if (failure.kind === 'refused') {
    text = t(`auth.failure.${failure.reason}`)
  } else {
    text = <ErrorDetail error={failure.error} />
  }
  return (
    <p className="field-error auth-failure" role="alert" data-testid="sign-in-failure" data-reason={failure.kind === 'refused' ? failure.reason : failure.kind}>
      {text}
    </p>
  )
}
