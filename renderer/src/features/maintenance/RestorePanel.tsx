import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupDescription, DesktopBridge, MaintenanceStatus } from '../../../../preload/api'
import { useApi } from '../../api/ApiContext'
import { toApiError, type ApiError } from '../../api/api-error'
import { useFormatters } from '../../i18n/format'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { FailureNote } from '../../ui/ErrorDetail'
import { errorsFromApi, type FieldError, type FieldErrors } from '../../ui/field-error'
import { askDesktop } from '../../api/desktop-shell'
import { JobProgress } from './JobProgress'
import { basename } from './path-name'
import { pathProblem } from './path-check'
import { PathChooser } from './PathChooser'
import { Refusal } from './Refusal'
import type { MaintenanceJob } from './use-maintenance-job'
import type { RestoreFlow } from './use-restore-flow'

interface Props {
  shell: DesktopBridge | null
  job: MaintenanceJob
  flow: RestoreFlow
  status: MaintenanceStatus
  onChanged: () => void
}

/** Restore from a backup: checked, confirmed, staged for the next start; then how to restart, or how to take it back. */
export function RestorePanel({ shell, job, flow, status, onChanged }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const fmt = useFormatters()
  const [path, setPath] = useState('')
  const [failure, setFailure] = useState<ApiError | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [restarting, setRestarting] = useState(false)
  const [typed, setTyped] = useState<FieldError | null>(null)
  const pending = status.pendingRestore
  const last = status.lastRestore
  const mine = job.running?.owner === 'restore' ? job.running : null
  const pathErrors: FieldErrors = flow.state.kind === 'failed' && flow.state.error.code === 'invalid_input' ? errorsFromApi(flow.state.error.issues) : {}
  const shownError = failure ?? (flow.state.kind === 'failed' && !pathErrors.path ? flow.state.error : null)

  const cancelPending = () => {
    setFailure(null)
    api
      .invoke('maintenance.cancelRestore', {})
      .then(() => {
        setNotice(t('maintenance.restore.cancelled'))
        onChanged()
      })
      .catch((caught: unknown) => setFailure(toApiError(caught)))
  }

  const restart = () => {
    if (!shell) return
    setRestarting(true)
    askDesktop(shell, { action: 'restart' }).catch((caught: unknown) => {
      setRestarting(false)
      setFailure(toApiError(caught))
    })
  }

  return (
    <section className="detail-section maintenance-panel" data-testid="restore-panel">
      <h2>{t('maintenance.restore.title')}</h2>
      {last && (
        <p className={last.status === 'applied' ? 'verify-ok maintenance-last' : 'inline-alert alert-warning maintenance-last'} data-testid="last-restore" data-status={last.status}>
          {last.status === 'applied'
            ? t('maintenance.restore.applied', { at: fmt.dateTime(last.at), file: basename(last.from), replaced: last.replaced ?? '—' })
            : t('maintenance.restore.notApplied', { at: fmt.dateTime(last.at), file: basename(last.from), message: last.message ?? '' })}
        </p>
      )}
      {pending ? (
        <div className="inline-alert alert-info" role="status" data-testid="restore-pending">
          <strong>{t('maintenance.restore.pendingTitle')}</strong>
          <p>
            {t('maintenance.restore.pendingBody', {
              date: fmt.dateTime(pending.backup.createdAt),
              file: basename(pending.from),
              user: pending.stagedBy,
              at: fmt.dateTime(pending.stagedAt)
            })}
          </p>
          <p data-testid="restart-instruction">{t(shell ? 'maintenance.restore.restartDesktop' : 'maintenance.restore.restartHost')}</p>
          <div className="alert-actions">
            {shell && (
              <button type="button" className="btn btn-primary" disabled={restarting} data-testid="restart-now" onClick={restart}>
                {restarting ? t('maintenance.restore.restarting') : t('maintenance.restore.restartNow')}
              </button>
            )}
            <button type="button" className="btn" disabled={restarting} data-testid="restore-cancel" onClick={cancelPending}>
              {t('maintenance.restore.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p className="muted panel-intro">{t('maintenance.restore.body')}</p>
          <PathChooser
            shell={shell}
            kind="file"
            purpose="backup"
            label={t('maintenance.restore.file')}
            name="restore-path"
            value={path}
            onChange={(chosen) => {
              setPath(chosen)
              setNotice(null)
              setTyped(null)
              flow.dismiss()
            }}
            placeholder="/media/usb/station-backup-….db"
            empty={t('maintenance.noneChosen')}
            error={typed ?? pathErrors.path}
            disabled={job.running !== null}
          />
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={job.running !== null || path.trim() === ''}
              data-testid="restore-check"
              onClick={() => {
                setNotice(null)
                const problem = pathProblem(path.trim())
                setTyped(problem)
                if (!problem) void flow.check(path.trim())
              }}
            >
              {t('maintenance.restore.check')}
            </button>
          </div>
        </>
      )}
      {mine && flow.state.kind !== 'confirm' && <JobProgress job={mine} />}
      {notice && (
        <p className="muted" role="status" data-testid="restore-notice">
          {notice}
        </p>
      )}
      {flow.state.kind === 'refused' && (
        <Refusal
          title={t('maintenance.restore.refused')}
          reasonKey={`maintenance.refusals.backup.${flow.state.reason}`}
          reason={flow.state.reason}
          message={flow.state.message}
          testId="restore-refused"
        />
      )}
      <FailureNote error={shownError} testId="restore-error" />
      {flow.state.kind === 'confirm' && (
        <ConfirmDialog
          title={t('maintenance.restore.confirmTitle')}
          name="restore"
          confirmLabel={t('maintenance.restore.confirm')}
          onConfirm={flow.stage}
          onClose={flow.dismiss}
        >
          <RestoreConsequences backup={flow.state.backup} path={flow.state.path} backupsFolder={status.backupsFolder} />
          {mine && <JobProgress job={mine} />}
        </ConfirmDialog>
      )}
    </section>
  )
}

function RestoreConsequences({ backup, path, backupsFolder }: { backup: BackupDescription; path: string; backupsFolder: string }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  return (
    <>
      <p className="verify-ok">
        <strong>{t('maintenance.restore.checked')}</strong>
      </p>
      <dl className="export-facts">
        <div className="fact">
          <dt>{t('maintenance.file')}</dt>
          <dd className="mono">{path}</dd>
        </div>
        <div className="fact">
          <dt>{t('maintenance.restore.made')}</dt>
          <dd data-testid="restore-made">{fmt.dateTime(backup.createdAt)}</dd>
        </div>
        {backup.station && (
          <div className="fact">
            <dt>{t('maintenance.restore.station')}</dt>
            <dd>
              {backup.station.name} ({backup.station.country})
            </dd>
          </div>
        )}
        <div className="fact">
          <dt>{t('maintenance.size')}</dt>
          <dd>{fmt.bytes(backup.bytes)}</dd>
        </div>
      </dl>
      <p data-testid="restore-consequence">{t('maintenance.restore.consequence', { date: fmt.dateTime(backup.createdAt), folder: backupsFolder })}</p>
      {backup.sameStation === false && backup.station && (
        <p className="inline-alert alert-warning" data-testid="restore-other-station">
          {t('maintenance.restore.otherStation', { name: backup.station.name, stationId: backup.station.stationId ?? '—' })}
        </p>
      )}
      <p className="muted">{t('maintenance.restore.afterRestart')}</p>
    </>
  )
}
