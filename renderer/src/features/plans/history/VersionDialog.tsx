import { useCallback, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlanVersionInfo } from '../../../../../preload/api'
import { useApi } from '../../../api/ApiContext'
import { useFormatters } from '../../../i18n/format'
import { Dialog } from '../../../ui/Dialog'
import { ErrorDetail } from '../../../ui/ErrorDetail'
import { StateMessage } from '../../../ui/StateMessage'
import { useLatestAnswer } from '../../../ui/use-latest-answer'
import { PlanContentView } from '../view/PlanContentView'
import { useVersionLabel } from './use-version-label'

interface Props {
  planId: string
  version: PlanVersionInfo
  /** Every version of the plan, to name the one a safety copy was made for. */
  versions: readonly PlanVersionInfo[]
  onClose: () => void
  onRestore: () => void
}

/** A past version, read-only, with the way back to it. */
export function VersionDialog({ planId, version, versions, onClose, onRestore }: Props) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const api = useApi()
  const versionLabel = useVersionLabel(versions)
  const ask = useCallback(() => api.invoke('plans.version', { id: planId, versionId: version.id }), [api, planId, version.id])
  const { data: view, error, load } = useLatestAnswer(ask)
  useEffect(load, [load])
  return (
    <Dialog
      wide
      title={t('plans.history.viewTitle', { name: versionLabel(version), at: fmt.dateTime(version.at) })}
      testId="version-dialog"
      onClose={onClose}
      onSubmit={onClose}
      actions={
        <>
          <span className="muted dialog-failure">{t('plans.history.readOnly')}</span>
          <button type="button" className="btn" data-testid="version-restore" disabled={!view} onClick={onRestore}>
            ↺ {t('plans.history.restore')}
          </button>
          <button type="submit" className="btn btn-primary">
            {t('plans.history.close')}
          </button>
        </>
      }
    >
      <div className="version-scroll">
        {error ? (
          <StateMessage tone="error" title={t('plans.history.loadError')} body={<ErrorDetail error={error} />} />
        ) : view ? (
          <PlanContentView plan={view.plan} />
        ) : (
          <StateMessage tone="loading" title={t('plans.history.loading')} />
        )}
      </div>
    </Dialog>
  )
}
