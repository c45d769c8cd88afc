import { useTranslation } from 'react-i18next'
import { useLink } from '../../link/LinkContext'

/**
 * Whether what we write reaches the counterpart now. Offline is normal: editing goes on, and the plan says
 * plainly that the changes wait for the link, and how much waits.
 */
export function PlanLinkState({ counterpart }: { counterpart: string }) {
  const { t } = useTranslation()
  const { status, stationName } = useLink()
  if (!status) return null
  const name = counterpart ? stationName(counterpart) : ''
  const peer = status.peers.find((p) => p.stationId === counterpart)
  const state = !counterpart ? 'alone' : !peer ? 'unpaired' : peer.state === 'connected' ? 'connected' : 'offline'
  const words = {
    alone: t('plans.link.noCounterpart'),
    unpaired: t('plans.link.notPaired', { name }),
    connected: t('plans.link.live', { name }),
    offline: t('plans.link.offline', { name })
  }[state]
  const pending = peer && peer.pendingDocs > 0 ? t(state === 'connected' ? 'plans.link.sending' : 'plans.link.pending', { count: peer.pendingDocs }) : null
  return (
    <div className={`plan-link plan-link-${state}`} data-testid="plan-link-state" data-state={state} role="status">
      <span className="link-dot" aria-hidden="true" />
      <span className="plan-link-words">{words}</span>
      {pending && (
        <span className="plan-link-pending" data-testid="plan-pending">
          {pending}
        </span>
      )}
    </div>
  )
}
