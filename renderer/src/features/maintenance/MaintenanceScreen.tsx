import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupList as Backups, MaintenanceStatus } from '../../../../preload/api'
import { useApi } from '../../api/ApiContext'
import { toApiError, type ApiError } from '../../api/api-error'
import { ErrorDetail } from '../../ui/ErrorDetail'
import { StateMessage } from '../../ui/StateMessage'
import { BackupList } from './BackupList'
import { BackupPanel } from './BackupPanel'
import { desktopShell } from '../../api/desktop-shell'
import { RestorePanel } from './RestorePanel'
import { UpdatePanel } from './UpdatePanel'
import { useMaintenanceJob } from './use-maintenance-job'
import { useRestoreFlow } from './use-restore-flow'

/**
 * The administrator's maintenance of this station, where the blo command line cannot be reached (an installed
 * desktop app has none): back up, restore a backup at the next start, install an update from a USB stick.
 */
export function MaintenanceScreen() {
  const { t } = useTranslation()
  const api = useApi()
  const shell = desktopShell()
  const job = useMaintenanceJob()
  const [status, setStatus] = useState<MaintenanceStatus | null>(null)
  const [backups, setBackups] = useState<Backups | null>(null)
  const [error, setError] = useState<ApiError | null>(null)

  const load = useCallback(() => {
    Promise.all([api.invoke('maintenance.status', {}), api.invoke('maintenance.backups', {})])
      .then(([s, b]) => {
        setStatus(s)
        setBackups(b)
        setError(null)
      })
      .catch((caught: unknown) => setError(toApiError(caught)))
  }, [api])
  useEffect(load, [load])
  const flow = useRestoreFlow(job, load)

  if (error && !status) {
    return <StateMessage tone="error" title={t('maintenance.loadError')} body={<ErrorDetail error={error} />} testId="maintenance-error" />
  }
  if (!status) return <StateMessage tone="loading" title={t('maintenance.loading')} />
  return (
    <div className="maintenance-screen" data-testid="maintenance-screen" data-desktop={shell !== null}>
      <div className="maintenance-column">
        <BackupPanel shell={shell} job={job} defaultFolder={status.backupsFolder} onMade={load} />
        <BackupList list={backups} busy={job.running !== null || status.pendingRestore !== null} onRestore={(file) => void flow.check(file)} />
      </div>
      <div className="maintenance-column">
        <RestorePanel shell={shell} job={job} flow={flow} status={status} onChanged={load} />
        <UpdatePanel shell={shell} job={job} installedVersion={status.installedVersion} />
      </div>
    </div>
  )
}
