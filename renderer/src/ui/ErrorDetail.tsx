import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../api/api-error'

/** A failed call in words: what kind of failure (localised by code) and the station's own sentence. */
export function ErrorDetail({ error }: { error: ApiError }) {
  const { t } = useTranslation()
  return (
    <>
      <span>{t(`errors.${error.code}`)}</span>
      {error.message && <span className="error-raw"> ({error.message})</span>}
    </>
  )
}

interface FailureProps {
  error?: ApiError | null
  testId?: string
  /** Clearer words for some refusals (e.g. a conflict); null keeps the station's own. */
  describe?: (error: ApiError) => ReactNode | null
  /** On the line of a form's buttons rather than a paragraph of its own. */
  inline?: boolean
  className?: string
}

/** Why the last call failed, in a line of its own (nothing while there is no failure). */
export function FailureNote({ error, testId, describe, inline, className }: FailureProps) {
  if (!error) return null
  const Line = inline ? 'span' : 'p'
  return (
    <Line className={className ? `field-error ${className}` : 'field-error'} role="alert" data-testid={testId}>
      {describe?.(error) ?? <ErrorDetail error={error} />}
    </Line>
  )
}
