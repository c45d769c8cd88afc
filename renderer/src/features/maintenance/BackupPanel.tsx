import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupResult, DesktopBridge } from '../../../../preload/api'
import { useApi } from '../../api/ApiContext'
import { toApiError, type ApiError } from '../../api/api-error'
import { useFormatters } from '../../i18n/format'
import { ErrorDetail } from '../../ui/ErrorDetail'
import { errorsFromApi, type FieldErrors } from '../../ui/field-error'
import { JobProgress } from './JobProgress'
import { pathProblem } from './path-check'
import { PathChooser } from './PathChooser'
import { basename } from './path-name'
import type { MaintenanceJob } from './use-maintenance-job'

interface Props {
  shell: DesktopBridge | null
  job: MaintenanceJob
  /** <data folder>/backups: where a backup goes unless another folder is chosen. */
  defaultFolder: string
  onMade: () => void
}

/** Back up now: a verified copy of the database, into the data folder's backups/ or a folder the administrator chooses. */
export function BackupPanel({ shell, job, defaultFolder, onMade }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const fmt = useFormatters()
  const [folder, setFolder] = useState('')
  const [result, setResult] = useState<BackupResult | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<ApiError | null>(null)
  const [cancelling, setCancelling] = useState(false)
  const mine = job.running?.owner === 'backup' ? job.running : null

  const backUp = async () => {
    setResult(null)
    setErrors({})
    setFailure(null)
    setCancelling(false)
    const chosen = folder.trim()
    const problem = chosen ? pathProblem(chosen) : null
    if (problem) return setErrors({ folder: problem })
    try {
      const made = await job.run('backup', (id) => api.invoke('maintenance.backup', { id, ...(chosen ? { folder: chosen } : {}) }))
      setResult(made)
      if (made.status === 'done') onMade()
    } catch (caught) {
      const error = toApiError(caught)
      if (error.code === 'invalid_input' && error.issues.length) setErrors(errorsFromApi(error.issues))
      else setFailure(error)
    }
  }

  const cancel = () => {
    if (!mine) return
    setCancelling(true)
    api.invoke('maintenance.cancel', { id: mine.id }).catch((caught: unknown) => setFailure(toApiError(caught)))
  }

  return (
    <section className="detail-section maintenance-panel" data-testid="backup-panel">
      <h2>{t('maintenance.backup.title')}</h2>
      <p className="muted panel-intro">{t('maintenance.backup.body')}</p>
      <PathChooser
        shell={shell}
        kind="folder"
        label={t('maintenance.backup.folder')}
        name="folder"
        value={folder}
        onChange={(path) => {
          setFolder(path)
          setErrors({})
        }}
        placeholder={defaultFolder}
        empty={defaultFolder}
        defaultPath={defaultFolder}
        error={errors.folder}
        disabled={job.running !== null}
      />
      <div className="form-actions">
        {folder && (
          <button type="button" className="btn btn-quiet btn-small" disabled={job.running !== null} data-testid="folder-default" onClick={() => setFolder('')}>
            {t('maintenance.backup.useDefault')}
          </button>
        )}
        <button type="button" className="btn btn-primary" disabled={job.running !== null} data-testid="backup-run" onClick={backUp}>
          {t('maintenance.backup.run')}
        </button>
      </div>
      {mine && <JobProgress job={mine} onCancel={cancel} cancelling={cancelling} />}
      {failure && (
        <p className="field-error" role="alert" data-testid="backup-error">
          <span>{t('maintenance.backup.failed')}: </span>
          <ErrorDetail error={failure} />
        </p>
      )}
      {result?.status === 'cancelled' && (
        <p className="muted" role="status" data-testid="backup-cancelled">
          {t('maintenance.backup.cancelled')}
        </p>
      )}
      {result?.status === 'done' && (
        <div className="verify-ok maintenance-result" role="status" data-testid="backup-result">
          <strong>{t('maintenance.backup.done')}</strong>
          <dl className="export-facts">
            <div className="fact">
              <dt>{t('maintenance.file')}</dt>
              <dd className="mono selectable" data-testid="backup-file">
                {result.file}
              </dd>
            </div>
            <div className="fact">
              <dt>{t('maintenance.size')}</dt>
              <dd data-testid="backup-size">{fmt.bytes(result.bytes)}</dd>
            </div>
            <div className="fact">
              <dt>{t('maintenance.backup.checks')}</dt>
              <dd data-testid="backup-verified">{t('maintenance.backup.verified')}</dd>
            </div>
            <div className="fact">
              <dt>SHA-256</dt>
              <dd className="mono selectable">{result.sha256}</dd>
            </div>
          </dl>
          <p className="muted maintenance-note">{t('maintenance.backup.keepSafe', { sidecar: `${basename(result.file)}.backup.json` })}</p>
        </div>
      )}
    </section>
  )
}
