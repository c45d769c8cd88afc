import type { ComponentProps, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../api/api-error'
import { Dialog } from './Dialog'
import { FailureNote } from './ErrorDetail'

interface ButtonsProps {
  onCancel: () => void
  submitLabel: ReactNode
  submitTestId?: string
  busy: boolean
  /** A refusal of the last try, on the line of the buttons. */
  failure?: ApiError | null
  failureTestId?: string
  /** `danger` for an act that cannot be taken back. */
  tone?: 'primary' | 'danger'
  autoFocus?: boolean
}

/** A dialog's closing line: what went wrong (if anything), Cancel, and the act itself (disabled while it runs). */
export function DialogButtons({ onCancel, submitLabel, submitTestId, busy, failure, failureTestId, tone = 'primary', autoFocus }: ButtonsProps) {
  const { t } = useTranslation()
  return (
    <>
      <FailureNote inline className="dialog-failure" error={failure} testId={failureTestId} />
      <button type="button" className="btn" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" className={`btn btn-${tone}`} disabled={busy} data-testid={submitTestId} autoFocus={autoFocus}>
        {submitLabel}
      </button>
    </>
  )
}

type Props = Omit<ComponentProps<typeof Dialog>, 'actions'> & Omit<ButtonsProps, 'onCancel'>

/** A <Dialog> that does one thing: its fields or words, then Cancel and the act (see DialogButtons). */
export function FormDialog({ title, testId, onClose, onSubmit, wide, children, ...buttons }: Props) {
  return (
    <Dialog title={title} testId={testId} wide={wide} onClose={onClose} onSubmit={onSubmit} actions={<DialogButtons onCancel={onClose} {...buttons} />}>
      {children}
    </Dialog>
  )
}
