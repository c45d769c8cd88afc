import { useTranslation } from 'react-i18next'
import { useLink } from '../../link/LinkContext'
import { sectionOf, type Peer } from './presence'
import { usePresence } from './PresenceContext'
import { useSectionLabel } from '../use-plan-labels'

/** Who else has the plan open, here and across the border: name, station colour, and what they are doing. */
export function PresenceBar() {
  const { t } = useTranslation()
  const { peers } = usePresence()
  return (
    <div className="presence-bar" data-testid="presence-bar" aria-label={t('plans.presence.label')} aria-live="polite">
      {peers.length === 0 ? (
        <span className="muted presence-alone">{t('plans.presence.alone')}</span>
      ) : (
        peers.map((peer) => <PeerChip key={peer.clientId} peer={peer} />)
      )}
    </div>
  )
}

function PeerChip({ peer }: { peer: Peer }) {
  const { t } = useTranslation()
  const { stationName } = useLink()
  const sectionLabel = useSectionLabel()
  const where = peer.field ? sectionLabel(sectionOf(peer.field)) : null
  const doing = peer.typing
    ? where
      ? t('plans.presence.typingIn', { section: where })
      : t('plans.presence.typing')
    : where
      ? t('plans.presence.in', { section: where })
      : t('plans.presence.viewing')
  const station = stationName(peer.station)
  return (
    <span
      className={`presence-user ${peer.ours ? 'is-ours' : 'is-theirs'}${peer.typing ? ' is-typing' : ''}`}
      data-testid="presence-user"
      data-station={peer.ours ? 'ours' : 'theirs'}
      data-typing={peer.typing}
      title={`${peer.name} — ${station} — ${doing}`}
    >
      <span className="presence-dot" aria-hidden="true" />
      <span className="presence-name">{peer.name}</span>
      <span className="presence-doing">{doing}</span>
    </span>
  )
}
