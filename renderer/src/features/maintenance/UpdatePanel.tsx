import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DesktopBridge, InstallResult, UpdateCheck, UpdateVerified } from '../../../../preload/api'
import { useApi } from '../../api/ApiContext'
import { toApiError, type ApiError } from '../../api/api-error'
import { useFormatters } from '../../i18n/format'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { FailureNote } from '../../ui/ErrorDetail'
import { errorsFromApi, type FieldErrors } from '../../ui/field-error'
import { JobProgress } from './JobProgress'
import { pathProblem } from './path-check'
import { PathChooser } from './PathChooser'
import { Refusal } from './Refusal'
import type { MaintenanceJob } from './use-maintenance-job'

interface Props {
  shell: DesktopBridge | null
  job: MaintenanceJob
  installedVersion: string
}

const RUNS_ITSELF = new Set(['run-installer', 'replace-appimage', 'apt-install'])

/** Install an update from a USB stick: checked against the publisher's signature and copied first; installed on confirmation. */
export function UpdatePanel({ shell, job, installedVersion }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const [path, setPath] = useState('')
  const [check, setCheck] = useState<UpdateCheck | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<ApiError | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [installed, setInstalled] = useState<InstallResult | null>(null)
  const mine = job.running?.owner === 'update' ? job.running : null

  const verify = async () => {
    setCheck(null)
    setFailure(null)
    setInstalled(null)
    const problem = pathProblem(path.trim())
    setErrors(problem ? { path: problem } : {})
    if (problem) return
    try {
      setCheck(await job.run('update', (id) => api.invoke('maintenance.verifyUpdate', { id, path: path.trim() })))
    } catch (caught) {
      const error = toApiError(caught)
      if (error.code === 'invalid_input' && error.issues.length) setErrors(errorsFromApi(error.issues))
      else setFailure(error)
    }
  }

  const install = async (verified: UpdateVerified) => {
    const result = await job.run('update', () => api.invoke('maintenance.installUpdate', { file: verified.file }))
    setConfirming(false)
    setInstalled(result)
  }

  return (
    <section className="detail-section maintenance-panel" data-testid="update-panel">
      <h2>{t('maintenance.update.title')}</h2>
      <p className="muted panel-intro">{t('maintenance.update.body', { version: installedVersion })}</p>
      <PathChooser
        shell={shell}
        kind="file"
        purpose="installer"
        label={t('maintenance.update.file')}
        name="update-path"
        value={path}
        onChange={(chosen) => {
          setPath(chosen)
          setErrors({})
          setCheck(null)
          setInstalled(null)
        }}
        placeholder="/media/usb/BLO-Station-….AppImage"
        empty={t('maintenance.noneChosen')}
        error={errors.path}
        disabled={job.running !== null}
      />
      <div className="form-actions">
        <button type="button" className="btn btn-primary" disabled={job.running !== null || path.trim() === ''} data-testid="update-check" onClick={verify}>
          {t('maintenance.update.check')}
        </button>
      </div>
      {mine && !confirming && <JobProgress job={mine} />}
      <FailureNote error={failure} testId="update-error" />
      {check?.status === 'refused' && (
        <Refusal
          title={t('maintenance.update.refused')}
          reasonKey={`maintenance.refusals.update.${check.reason}`}
          reason={check.reason}
          message={check.message}
          testId="update-refused"
        />
      )}
      {check?.status === 'verified' && !installed && <VerifiedUpdate update={check} onInstall={() => setConfirming(true)} />}
      {installed && <InstallOutcome result={installed} />}
      {confirming && check?.status === 'verified' && (
        <ConfirmDialog
          title={t('maintenance.update.confirmTitle', { version: check.version })}
          name="install"
          confirmLabel={t('maintenance.update.install')}
          onConfirm={() => install(check)}
          onClose={() => setConfirming(false)}
        >
          <p>{t(`maintenance.update.methods.${check.install.method}`)}</p>
          <p className="muted">{t('maintenance.update.dataStays')}</p>
          {mine && <JobProgress job={mine} />}
        </ConfirmDialog>
      )}
    </section>
  )
}

function VerifiedUpdate({ update, onInstall }: { update: UpdateVerified; onInstall: () => void }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const { install } = update
  const fact = (label: string, value: string, testId?: string, mono = false) => (
    <div className="fact">
      <dt>{label}</dt>
      <dd className={mono ? 'mono selectable' : undefined} data-testid={testId}>
        {value}
      </dd>
    </div>
  )
  return (
    <div className="verify-ok maintenance-result" data-testid="update-verified" data-method={install.method}>
      <strong>{t('maintenance.update.verified', { version: update.version })}</strong>
      <dl className="export-facts">
        {fact(t('maintenance.update.version'), update.version, 'update-version')}
        {fact(t('maintenance.update.installed'), update.installedVersion)}
        {fact(t('maintenance.update.platform'), t(`maintenance.update.platforms.${update.platform}`), 'update-platform')}
        {fact(t('maintenance.size'), fmt.bytes(update.bytes))}
        {fact(t('maintenance.update.signed'), `${fmt.dateTime(update.signedAt)} · ${t('maintenance.update.key', { keyId: update.keyId })}`)}
      </dl>
      {RUNS_ITSELF.has(install.method) ? (
        <div className="form-actions">
          <button type="button" className="btn btn-primary" data-testid="update-install" onClick={onInstall}>
            {t('maintenance.update.installEllipsis')}
          </button>
        </div>
      ) : (
        <ManualInstall method={install.method} reason={install.reason} command={install.command} />
      )}
    </div>
  )
}

function ManualInstall({ method, reason, command }: { method: string; reason: string | null; command: string | null }) {
  const { t } = useTranslation()
  return (
    <div className="manual-install" data-testid="update-manual" data-reason={reason ?? method}>
      <p>{reason ? t(`maintenance.update.manual.${reason}`) : t(`maintenance.update.methods.${method}`)}</p>
      {command && <pre className="mono selectable command-line">{command}</pre>}
    </div>
  )
}

function InstallOutcome({ result }: { result: InstallResult }) {
  const { t } = useTranslation()
  if (result.status === 'started') {
    return (
      <p className="ok-note" role="status" data-testid="install-started">
        {t(`maintenance.update.started.${result.then}`, { version: result.version })}
      </p>
    )
  }
  if (result.status === 'manual') return <ManualInstall method="manual" reason={result.reason} command={result.command} />
  return (
    <div className="inline-alert" role="alert" data-testid="install-failed">
      <strong>{t('maintenance.update.notInstalled')}</strong>
      <p className="error-raw">{result.message}</p>
    </div>
  )
}
