import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlanDetail, PlanVersionInfo } from '../../../../../preload/api'
import { useApi } from '../../../api/ApiContext'
import { toApiError, type ApiError } from '../../../api/api-error'
import { Dialog } from '../../../ui/Dialog'
import { ErrorDetail } from '../../../ui/ErrorDetail'
import { useVersionLabel } from './use-version-label'

interface Props {
  planId: string
  version: PlanVersionInfo
  /** Every version of the plan, to name the one a safety copy was made for. */
  versions: readonly PlanVersionInfo[]
  onClose: () => void
  onRestored: (detail: PlanDetail) => void
}

/** Restoring is a new edit for everyone, here and across the border: said before it is done. */
export function RestoreDialog({ planId, version, versions, onClose, onRestored }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const versionLabel = useVersionLabel(versions)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const restore = async () => {
    setBusy(true)
    setError(null)
    try {
      onRestored(await api.invoke('plans.restore', { id: planId, versionId: version.id }))
    } catch (e) {
      setError(toApiError(e))
      setBusy(false)
    }
  }
  return (
    <Dialog
      title={t('plans.history.restoreTitle', { name: versionLabel(version) })}
      testId="restore-dialog"
      onClose={onClose}
      onSubmit={restore}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="restore-confirm">
            ↺ {t('plans.history.restore')}
          </button>
        </>
      }
    >
      <p>{t('plans.history.restoreBody')}</p>
      <p className="muted">{t('plans.history.restoreNote')}</p>
      {error && (
        <p className="field-error" role="alert" data-testid="restore-error">
          <ErrorDetail error={error} />
        </p>
      )}
    </Dialog>
  )
}
