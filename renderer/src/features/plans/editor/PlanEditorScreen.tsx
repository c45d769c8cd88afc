import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LoadFailed, StateMessage } from '../../../ui/StateMessage'
import { useLink } from '../../link/LinkContext'
import { PresenceProvider } from '../presence/PresenceContext'
import { useSignedInName } from '../presence/use-signed-in-name'
import { usePlanReplica } from '../replica/use-plan-replica'
import { PlanEditor } from './PlanEditor'

interface Props {
  planId: string
  onBack: () => void
}

/** Opens a plan: loads this screen's copy of its document, then the editor on it. */
export function PlanEditorScreen({ planId, onBack }: Props) {
  const { t } = useTranslation()
  const [attempt, setAttempt] = useState(0)
  const load = usePlanReplica(planId, attempt)
  const signedIn = useSignedInName()
  const { card, error: linkError } = useLink()
  const reload = () => setAttempt((n) => n + 1)
  const back = (
    <button type="button" className="btn btn-quiet" onClick={onBack} data-testid="plan-back">
      ← {t('plans.backToList')}
    </button>
  )

  if (load.status === 'error') {
    return (
      <div className="plan-screen-state">
        <div className="page-head">{back}</div>
        <LoadFailed testId="plan-error" title={load.error.code === 'not_found' ? t('plans.notFound') : t('plans.loadError')} error={load.error} onRetry={reload} />
      </div>
    )
  }
  // Presence needs to know which station is ours; without the link's answer, colours would be wrong.
  if (load.status === 'loading' || signedIn === null || (!card && !linkError)) {
    return <StateMessage tone="loading" testId="plan-loading" title={t('plans.loading')} />
  }
  const ourStation = card?.stationId ?? ''
  const name = signedIn || t('plans.presence.officerAt', { station: card?.name ?? '' })
  return (
    <PresenceProvider replica={load.replica} ourStation={ourStation} name={name}>
      <PlanEditor replica={load.replica} ourStation={ourStation} userName={name} onBack={onBack} onReload={reload} />
    </PresenceProvider>
  )
}
