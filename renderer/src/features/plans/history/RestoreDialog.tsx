import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlanDetail, PlanVersionInfo } from '../../../../../preload/api'
import { useApi } from '../../../api/ApiContext'
import { toApiError, type ApiError } from '../../../api/api-error'
import { FailureNote } from '../../../ui/ErrorDetail'
import { FormDialog } from '../../../ui/FormDialog'
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
    <FormDialog
      title={t('plans.history.restoreTitle', { name: versionLabel(version) })}
      testId="restore-dialog"
      onClose={onClose}
      onSubmit={restore}
      busy={busy}
      submitTestId="restore-confirm"
      submitLabel={<>↺ {t('plans.history.restore')}</>}
    >
      <p>{t('plans.history.restoreBody')}</p>
      <p className="muted">{t('plans.history.restoreNote')}</p>
      <FailureNote error={error} testId="restore-error" />
    </FormDialog>
  )
}
