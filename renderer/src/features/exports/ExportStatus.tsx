import { useTranslation } from 'react-i18next'
import type { ExportResult } from '../../../../preload/api'
import type { ApiError } from '../../api/api-error'
import { useFormatters } from '../../i18n/format'
import { FailureNote } from '../../ui/ErrorDetail'
import { ProgressBar } from '../../ui/ProgressBar'
import type { RunningExport } from './use-export-run'

interface Props {
  running: RunningExport | null
  latest: ExportResult | undefined
  error: ApiError | null
  onCancel: () => void
  /** Offers "Verify this file" when given (the exports screen has the verifier). */
  onVerify?: (path: string) => void
}

/** The export under way (rows written of how many, Cancel), then what it wrote and how to check it. */
export function ExportStatus({ running, latest, error, onCancel, onVerify }: Props) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  if (running) {
    return (
      <section className="detail-section export-status" data-testid="export-running" data-rows={running.rows} data-total={running.total}>
        <h2>{t('exports.running')}</h2>
        <div className="export-progress-row">
          <ProgressBar className="export-progress" done={running.rows} total={running.total} label={t('exports.running')} testId="export-progress" />
          <span className="num muted" data-testid="export-progress-text">
            {running.total > 0 ? t('exports.progress', { rows: fmt.number(running.rows), total: fmt.number(running.total) }) : t('exports.counting')}
          </span>
          <button type="button" className="btn btn-small btn-danger-quiet" disabled={running.cancelling} data-testid="export-cancel" onClick={onCancel}>
            {running.cancelling ? t('exports.cancelling') : t('common.cancel')}
          </button>
        </div>
      </section>
    )
  }
  if (error) {
    return (
      <section className="detail-section export-status" data-testid="export-failed">
        <h2>{t('exports.failed')}</h2>
        <FailureNote error={error} />
      </section>
    )
  }
  if (!latest) {
    return (
      <section className="detail-section export-status export-idle">
        <h2>{t('exports.resultTitle')}</h2>
        <p className="muted">{t('exports.idle')}</p>
      </section>
    )
  }
  if (latest.status === 'cancelled') {
    return (
      <section className="detail-section export-status" data-testid="export-result" data-status="cancelled">
        <h2>{t('exports.cancelled')}</h2>
        <p className="muted">{t('exports.cancelledBody', { rows: fmt.number(latest.rows) })}</p>
      </section>
    )
  }
  const fact = (key: string, label: string, value: string, mono = true) => (
    <div className="fact">
      <dt>{label}</dt>
      <dd className={mono ? 'mono selectable' : undefined} data-testid={`export-${key}`}>
        {value}
      </dd>
    </div>
  )
  return (
    <section className="detail-section export-status" data-testid="export-result" data-status="done" data-format={latest.format} data-id={latest.id}>
      <h2 className="ok-note">{t('exports.done', { rows: fmt.number(latest.rows), size: fmt.bytes(latest.bytes) })}</h2>
      <dl className="export-facts">
        {fact('path', t('exports.file'), latest.path)}
        {fact('manifest', t('exports.manifest'), latest.manifestPath)}
        {fact('sha256', 'SHA-256', latest.sha256)}
        {fact('station-id', t('exports.stationId'), latest.stationId)}
      </dl>
      <p className="muted export-note">{t('exports.onDisk')}</p>
      {onVerify && (
        <div className="form-actions">
          <button type="button" className="btn" data-testid="export-verify-this" onClick={() => onVerify(latest.path)}>
            {t('exports.verifyThis')}
          </button>
        </div>
      )}
    </section>
  )
}
