import { useTranslation } from 'react-i18next'
import { ErrorDetail } from '../../../ui/ErrorDetail'
import type { ReplicaState } from '../replica/plan-replica'

interface Props {
  state: ReplicaState
  onRetry: () => void
  onReload: () => void
}

/** Our own edits that the station has not taken: waiting ones go again, a refused one means reloading the plan. */
export function ReplicaAlert({ state, onRetry, onReload }: Props) {
  const { t } = useTranslation()
  const { problem } = state
  if (!problem) return null
  if (problem.kind === 'waiting') {
    return (
      <div className="inline-alert alert-warning" role="alert" data-testid="plan-unsaved">
        <strong>{t('plans.unsaved.title')}</strong> {t('plans.unsaved.body')} <ErrorDetail error={problem.error} />{' '}
        <button type="button" className="btn btn-link" onClick={onRetry}>
          {t('common.retry')}
        </button>
      </div>
    )
  }
  return (
    <div className="inline-alert" role="alert" data-testid="plan-refused">
      <strong>{t('plans.refused.title')}</strong> <ErrorDetail error={problem.error} />
      <div className="alert-actions">
        <button type="button" className="btn btn-small" data-testid="plan-reload" onClick={onReload}>
          {t('plans.refused.reload')}
        </button>
      </div>
    </div>
  )
}
