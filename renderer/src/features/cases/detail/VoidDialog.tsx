import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Case } from '../../../../../preload/api'
import { useApi } from '../../../api/ApiContext'
import { toApiError, type ApiError } from '../../../api/api-error'
import { Dialog } from '../../../ui/Dialog'
import { ErrorDetail } from '../../../ui/ErrorDetail'

interface Props {
  target: Case
  onDone: (updated: Case) => void
  onClose: () => void
}

/** Voiding is a recorded act, not a delete: it needs a reason and a deliberate second click. */
export function VoidDialog({ target, onDone, onClose }: Props) {
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
      onDone(await api.invoke('cases.void', { id: target.id, expectedVersion: target.version, reason }))
    } catch (e) {
      setError(toApiError(e))
      setBusy(false)
    }
  }

  return (
    <Dialog
      title={t('detail.void.title', { ref: target.ref })}
      testId="void-dialog"
      onClose={onClose}
      onSubmit={confirm}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-danger" disabled={busy} data-testid="void-confirm">
            {t('detail.void.confirm')}
          </button>
        </>
      }
    >
      <p>{t('detail.void.body')}</p>
      <label className={`field${missing ? ' has-error' : ''}`}>
        <span className="field-label">
          {t('detail.void.reason')}
          <span className="required-mark" aria-hidden="true"> *</span>
        </span>
        <textarea
          data-testid="void-reason"
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
          <span className="field-error" data-testid="error-reason" role="alert">
            {t('detail.void.reasonRequired')}
          </span>
        )}
      </label>
      {error && (
        <p className="field-error" role="alert" data-testid="void-error">
          {error.code === 'conflict' ? t('detail.changedMeanwhile') : <ErrorDetail error={error} />}
        </p>
      )}
    </Dialog>
  )
}
