import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { toApiError, type ApiError } from '../api/api-error'
import { Dialog } from './Dialog'
import { ErrorDetail } from './ErrorDetail'

export interface ReasonField {
  label: string
  requiredMessage: string
  /** Test id of the "reason required" message. */
  missingTestId: string
}

interface Props {
  title: string
  /** testIds: `${name}-dialog`, `${name}-confirm`, `${name}-reason`, `${name}-error`. */
  name: string
  confirmLabel: string
  children: ReactNode
  /** When set, the act needs a reason typed before it can be confirmed. */
  reason?: ReasonField
  /** Performs the act; a rejection is shown in the dialog, which stays open. */
  onConfirm: (reason: string) => Promise<void>
  /** A clearer sentence for some refusals (e.g. a conflict); the station's own message otherwise. */
  describeError?: (error: ApiError) => ReactNode | null
  onClose: () => void
}

/** A consequential act (void, withdraw, unpair, disable): said plainly, confirmed by a deliberate second click. */
export function ConfirmDialog({ title, name, confirmLabel, children, reason, onConfirm, describeError, onClose }: Props) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [missing, setMissing] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)

  const confirm = async () => {
    if (reason && text.trim() === '') {
      setMissing(true)
      return
    }
    setBusy(true)
    setError(null)
    try {
      await onConfirm(text)
    } catch (e) {
      setError(toApiError(e))
      setBusy(false)
    }
  }

  return (
    <Dialog
      title={title}
      testId={`${name}-dialog`}
      onClose={onClose}
      onSubmit={confirm}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-danger" disabled={busy} data-testid={`${name}-confirm`} autoFocus={!reason}>
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {reason && (
        <label className={`field${missing ? ' has-error' : ''}`}>
          <span className="field-label">
            {reason.label}
            <span className="required-mark" aria-hidden="true"> *</span>
          </span>
          <textarea
            data-testid={`${name}-reason`}
            rows={3}
            maxLength={2000}
            value={text}
            aria-invalid={missing}
            onChange={(e) => {
              setText(e.target.value)
              setMissing(false)
            }}
            autoFocus
          />
          {missing && (
            <span className="field-error" data-testid={reason.missingTestId} role="alert">
              {reason.requiredMessage}
            </span>
          )}
        </label>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid={`${name}-error`}>
          {describeError?.(error) ?? <ErrorDetail error={error} />}
        </p>
      )}
    </Dialog>
  )
}
