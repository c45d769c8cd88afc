import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Case, CaseStatus } from '../../../../../preload/api'
import { useApi } from '../../../api/ApiContext'
import { toApiError, type ApiError } from '../../../api/api-error'
import { FailureNote } from '../../../ui/ErrorDetail'
import { FormDialog } from '../../../ui/FormDialog'

interface Props {
  target: Case
  status: CaseStatus
  onDone: (updated: Case) => void
  onClose: () => void
}

/** Moving a case along the workflow, with an optional note that goes into its history. */
export function StatusDialog({ target, status, onDone, onClose }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const to = t(`enums.status.${status}`)

  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      onDone(await api.invoke('cases.setStatus', { id: target.id, expectedVersion: target.version, status, note }))
    } catch (e) {
      setError(toApiError(e))
      setBusy(false)
    }
  }

  return (
    <FormDialog
      title={t('detail.status.dialogTitle', { ref: target.ref, status: to })}
      testId="status-dialog"
      onClose={onClose}
      onSubmit={confirm}
      busy={busy}
      submitTestId="status-confirm"
      submitLabel={t('detail.status.confirm', { status: to })}
    >
      <label className="field">
        <span className="field-label">{t('detail.status.note')}</span>
        <textarea
          data-testid="status-note"
          rows={3}
          maxLength={2000}
          value={note}
          placeholder={t('detail.status.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
          autoFocus
        />
      </label>
      <FailureNote error={error} testId="status-error" describe={(e) => (e.code === 'conflict' ? t('detail.changedMeanwhile') : null)} />
    </FormDialog>
  )
}
