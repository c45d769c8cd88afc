import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlanDiff, PlanVersionInfo } from '../../../../../preload/api'
import { useApi } from '../../../api/ApiContext'
import { toApiError, type ApiError } from '../../../api/api-error'
import { useFormatters } from '../../../i18n/format'
import { ErrorDetail } from '../../../ui/ErrorDetail'
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
  const [diff, setDiff] = useState<PlanDiff | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  useEffect(() => {
    let live = true
    api
      .invoke('plans.diff', { id: planId, from: agreed.id, to: 'current' })
      .then((value) => {
        if (!live) return
        setDiff(value)
        setError(null)
      })
      .catch((e: unknown) => live && setError(toApiError(e)))
    return () => {
      live = false
    }
  }, [api, planId, agreed.id, contentHash])
  return (
    <section className="signoff-changes" data-testid="signoff-changes">
      <h3>{t('plans.signoff.changesSince', { at: fmt.dateTime(agreed.at) })}</h3>
      {error && (
        <p className="field-error" role="alert">
          <ErrorDetail error={error} />
        </p>
      )}
      {diff && <PlanDiffView diff={diff} testId="signoff-diff" />}
    </section>
  )
}
