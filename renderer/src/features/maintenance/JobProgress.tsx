import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../i18n/format'
import { ProgressBar } from '../../ui/ProgressBar'
import type { RunningJob } from './use-maintenance-job'

interface Props {
  job: RunningJob
  /** Offered while copying (a backup can be stopped then). */
  onCancel?: () => void
  cancelling?: boolean
}

/** Which step a long maintenance job is at, and how far: bytes or database pages, or a spinner for the integrity check. */
export function JobProgress({ job, onCancel, cancelling }: Props) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const step = job.step ?? 'copy'
  const label = t(`maintenance.steps.${step}`)
  const counted = job.total > 0
  return (
    <div className="job-progress" data-testid="maintenance-progress" data-step={step} data-owner={job.owner}>
      <span className="job-step">{label}</span>
      {counted ? (
        <>
          <ProgressBar className="job-bar" done={job.done} total={job.total} label={label} />
          <span className="num muted">{fmt.number(Math.min(100, Math.round((job.done / job.total) * 100)))} %</span>
        </>
      ) : (
        <span className="spinner spinner-small" aria-hidden="true" />
      )}
      {onCancel && step === 'copy' && (
        <button type="button" className="btn btn-small btn-danger-quiet" disabled={cancelling} data-testid="maintenance-cancel" onClick={onCancel}>
          {cancelling ? t('exports.cancelling') : t('common.cancel')}
        </button>
      )}
    </div>
  )
}
