import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Case, RecordDetail } from '../../../../../preload/api'
import { useApi } from '../../../api/ApiContext'
import { toApiError, type ApiError } from '../../../api/api-error'
import { Dialog } from '../../../ui/Dialog'
import { ErrorDetail } from '../../../ui/ErrorDetail'

interface Props {
  target: Case
  onDone: (detail: RecordDetail) => void
  onClose: () => void
}

/** Taking a share back: the counterpart keeps only the fact and the reason, so the reason is required. */
export function WithdrawDialog({ target, onDone, onClose }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)

  const confirm = async () => {
    if (reason.trim() === '') {
      setMissing(true)
      return
    }
    setBusy(true)
    setError(null)
    try {
      onDone(await api.invoke('exchange.withdraw', { caseId: target.id, reason }))
    } catch (e) {
      setError(toApiError(e))
      setBusy(false)
    }
  }

  return (
    <Dialog
      title={t('exchange.withdraw.title', { ref: target.ref })}
      testId="withdraw-dialog"
      onClose={onClose}
      onSubmit={confirm}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-danger" disabled={busy} data-testid="withdraw-confirm">
            {t('exchange.withdraw.confirm')}
          </button>
        </>
      }
    >
      <p>{t('exchange.withdraw.body')}</p>
      <label className={`field${missing ? ' has-error' : ''}`}>
        <span className="field-label">
          {t('exchange.withdraw.reason')}
          <span className="required-mark" aria-hidden="true"> *</span>
        </span>
        <textarea
          data-testid="withdraw-reason"
          rows={3}
          maxLength={2000}
          value={reason}
          aria-invalid={missing}
          onChange={(e) => {
            setReason(e.target.value)
            setMissing(false)
          }}
          autoFocus
        />
        {missing && (
          <span className="field-error" data-testid="error-withdraw-reason" role="alert">
            {t('exchange.withdraw.reasonRequired')}
          </span>
        )}
      </label>
      {error && (
        <p className="field-error" role="alert" data-testid="withdraw-error">
          <ErrorDetail error={error} />
        </p>
      )}
    </Dialog>
  )
}
