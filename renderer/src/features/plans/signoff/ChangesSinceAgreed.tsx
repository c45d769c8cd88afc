import { useCallback, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlanVersionInfo } from '../../../../../preload/api'
import { useApi } from '../../../api/ApiContext'
import { useFormatters } from '../../../i18n/format'
import { FailureNote } from '../../../ui/ErrorDetail'
import { useLatestAnswer } from '../../../ui/use-latest-answer'
import { PlanDiffView } from '../view/PlanDiffView'

interface Props {
  planId: string
  agreed: PlanVersionInfo
  /** The current content: a new hash means new changes to show. */
  contentHash: string
}

/** After an agreement, every later edit is shown against the agreed version until both approve again. */
export function ChangesSinceAgreed({ planId, agreed, contentHash }: Props) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const api = useApi()
  const ask = useCallback(() => api.invoke('plans.diff', { id: planId, from: agreed.id, to: 'current' }), [api, planId, agreed.id])
  const { data: diff, error, load } = useLatestAnswer(ask)
  useEffect(load, [load, contentHash])
  return (
    <section className="signoff-changes" data-testid="signoff-changes">
      <h3>{t('plans.signoff.changesSince', { at: fmt.dateTime(agreed.at) })}</h3>
      <FailureNote error={error} />
      {diff && <PlanDiffView diff={diff} testId="signoff-diff" />}
    </section>
  )
}
