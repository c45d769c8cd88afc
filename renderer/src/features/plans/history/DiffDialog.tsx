import { useCallback, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/ApiContext'
import { Dialog } from '../../../ui/Dialog'
import { ErrorDetail } from '../../../ui/ErrorDetail'
import { StateMessage } from '../../../ui/StateMessage'
import { useLatestAnswer } from '../../../ui/use-latest-answer'
import { PlanDiffView } from '../view/PlanDiffView'

interface Props {
  planId: string
  from: string
  to: string
  fromName: string
  toName: string
  onClose: () => void
}

/** What changed between two versions (or a version and now): fields, tasks and the rest, the notes word by word. */
export function DiffDialog({ planId, from, to, fromName, toName, onClose }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const ask = useCallback(() => api.invoke('plans.diff', { id: planId, from, to }), [api, planId, from, to])
  const { data: diff, error, load } = useLatestAnswer(ask)
  useEffect(load, [load])
  return (
    <Dialog
      wide
      title={t('plans.history.diffTitle', { from: fromName, to: toName })}
      testId="diff-dialog"
      onClose={onClose}
      onSubmit={onClose}
      actions={
        <button type="submit" className="btn btn-primary">
          {t('plans.history.close')}
        </button>
      }
    >
      <div className="version-scroll">
        {error ? (
          <StateMessage tone="error" title={t('plans.history.loadError')} body={<ErrorDetail error={error} />} />
        ) : diff ? (
          <PlanDiffView diff={diff} />
        ) : (
          <StateMessage tone="loading" title={t('plans.history.loading')} />
        )}
      </div>
    </Dialog>
  )
}
