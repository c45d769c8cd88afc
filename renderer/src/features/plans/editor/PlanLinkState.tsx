import { useTranslation } from 'react-i18next'
import { useLink } from '../../link/LinkContext'

/**
 * Whether what we write reaches the counterparts now (one line for all of them: live only when every link is).
 * Offline is normal: editing goes on, and the plan says plainly that the changes wait for the link, and how
 * much waits.
 */
export function PlanLinkState({ counterparts }: { counterparts: readonly string[] }) {
  const { t } = useTranslation()
  const { status, stationName } = useLink()
  if (!status) return null
  const ids = counterparts.filter(Boolean)
  const name = ids.map(stationName).join(', ')
  const peers = ids.map((id) => status.peers.find((p) => p.stationId === id))
  const paired = peers.filter((p) => p !== undefined)
  const state = !ids.length ? 'alone' : paired.length < ids.length ? 'unpaired' : paired.every((p) => p.state === 'connected') ? 'connected' : 'offline'
  // The link with most waiting: summing would count a document waiting for two counterparts twice.
  const waiting = Math.max(0, ...paired.map((p) => p.pendingDocs))
  const words = {
    alone: t('plans.link.noCounterpart'),
    unpaired: t('plans.link.notPaired', { name }),
    connected: t('plans.link.live', { name }),
    offline: t('plans.link.offline', { name })
  }[state]
  const pending = waiting > 0 ? t(state === 'connected' ? 'plans.link.sending' : 'plans.link.pending', { count: waiting }) : null
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
