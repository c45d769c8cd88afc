import { useTranslation } from 'react-i18next'
import { LoadFailed, StateMessage } from '../../ui/StateMessage'
import { useCan } from '../auth/auth-context'
import { useLink } from './LinkContext'
import { LinkLog } from './LinkLog'
import { PairForm } from './PairForm'
import { PeerList } from './PeerList'
import { StationCardPanel } from './StationCardPanel'

/** Pairing and the border link: who we are, whom we trust, how the link is doing, and what it refused. */
export function LinkScreen() {
  const { t } = useTranslation()
  const { status, card, error, reload } = useLink()
  const can = useCan()
  if (!status || !card) {
    return (
      <div className="link-screen">
        {error ? (
          <LoadFailed title={t('link.loadError')} error={error} onRetry={reload} />
        ) : (
          <StateMessage tone="loading" title={t('link.loading')} />
        )}
      </div>
    )
  }
  const changeKey = status.peers.map((p) => `${p.stationId}:${p.state}:${p.lastError ?? ''}`).join('|')
  return (
    <div className="link-screen" data-testid="link-screen">
      <div className="page-head">
        <h1 className="page-title">{t('link.title')}</h1>
      </div>
      <div className="link-grid">
        <StationCardPanel card={card} status={status} />
        {can('counterparts.add') ? (
          <PairForm onPaired={reload} />
        ) : (
          <section className="detail-section" data-testid="pair-admin-only">
            <h2>{t('link.pair.title')}</h2>
            <p className="muted">{t('access.pairingAdminOnly')}</p>
          </section>
        )}
      </div>
      <PeerList peers={status.peers} onChanged={reload} canUnpair={can('counterparts.remove')} />
      <LinkLog changeKey={changeKey} />
    </div>
  )
}
