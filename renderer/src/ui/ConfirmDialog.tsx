import { useState, type ReactNode } from 'react'
import { toApiError, type ApiError } from '../api/api-error'
import { FailureNote } from './ErrorDetail'
import { FormDialog } from './FormDialog'

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
    <FormDialog
      title={title}
      testId={`${name}-dialog`}
      onClose={onClose}
      onSubmit={confirm}
      tone="danger"
      busy={busy}
      submitTestId={`${name}-confirm`}
      submitLabel={confirmLabel}
      autoFocus={!reason}
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
      <FailureNote error={error} testId={`${name}-error`} describe={describeError} />
    </FormDialog>
  )
}
