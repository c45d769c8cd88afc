import { useState } from 'react'
import type { BackupDescription, BackupRefusal } from '../../../../preload/api'
import { useApi } from '../../api/ApiContext'
import { toApiError, type ApiError } from '../../api/api-error'
import type { MaintenanceJob } from './use-maintenance-job'

export type RestoreState =
  | { kind: 'idle' }
  /** Checked: the administrator reads what will happen and confirms. */
  | { kind: 'confirm'; path: string; backup: BackupDescription }
  | { kind: 'refused'; reason: BackupRefusal; message: string }
  | { kind: 'failed'; error: ApiError }

/**
 * Restoring a backup from the screens: check the file first (nothing changes), say what will happen and ask, then
 * stage it (checked again while it is copied into the data folder) for the next start.
 */
export function useRestoreFlow(job: MaintenanceJob, onStaged: () => void) {
  const api = useApi()
  const [state, setState] = useState<RestoreState>({ kind: 'idle' })

  const check = async (path: string) => {
    setState({ kind: 'idle' })
    try {
      const checked = await job.run('restore', (id) => api.invoke('maintenance.checkBackup', { id, path }))
      setState(checked.status === 'ok' ? { kind: 'confirm', path, backup: checked.backup } : { kind: 'refused', reason: checked.reason, message: checked.message })
    } catch (caught) {
      setState({ kind: 'failed', error: toApiError(caught) })
    }
  }

  /** For the confirmation dialog: a rejection is shown there, and the dialog stays open. */
  const stage = async () => {
    if (state.kind !== 'confirm') return
    const staged = await job.run('restore', (id) => api.invoke('maintenance.stageRestore', { id, path: state.path }))
    setState(staged.status === 'refused' ? { kind: 'refused', reason: staged.reason, message: staged.message } : { kind: 'idle' })
    onStaged()
  }

  return { state, check, stage, dismiss: () => setState({ kind: 'idle' }) }
}

export type RestoreFlow = ReturnType<typeof useRestoreFlow>
