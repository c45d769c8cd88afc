import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../api/api-error'
import { ErrorDetail } from './ErrorDetail'

interface Props {
  tone: 'empty' | 'loading' | 'error'
  title: string
  body?: ReactNode
  action?: ReactNode
  testId?: string
}

/** Empty, loading and error states share one shape: what happened, then what to do about it. */
export function StateMessage({ tone, title, body, action, testId }: Props) {
  return (
    <div className={`state-message state-${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {tone === 'loading' && <span className="spinner" aria-hidden="true" />}
      <p className="state-title">{title}</p>
      {body && <div className="state-body">{body}</div>}
      {action && <div className="state-action">{action}</div>}
    </div>
  )
}

interface LoadFailedProps {
  title: string
  error: ApiError
  onRetry: () => void
  /** What the officer can do about it, under the failure itself. */
  hint?: string
  testId?: string
  /** A smaller retry button, for a failure inside a panel rather than across a screen. */
  small?: boolean
}

/** Something could not be loaded: what, the station's reason, and a retry. */
export function LoadFailed({ title, error, onRetry, hint, testId, small }: LoadFailedProps) {
  const { t } = useTranslation()
  return (
    <StateMessage
      tone="error"
      testId={testId}
      title={title}
      body={
        hint ? (
          <>
            <p>
              <ErrorDetail error={error} />
            </p>
            <p>{hint}</p>
          </>
        ) : (
          <ErrorDetail error={error} />
        )
      }
      action={
        <button type="button" className={small ? 'btn btn-small' : 'btn'} onClick={onRetry}>
          {t('common.retry')}
        </button>
      }
    />
  )
}
