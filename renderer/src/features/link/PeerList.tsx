import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PeerLinkStatus } from '../../../../preload/api'
import { useFormatters } from '../../i18n/format'
import { ProgressBar } from '../../ui/ProgressBar'
import { useNow } from '../../ui/use-now'
import { docLabel } from './doc-label'
import { StationId } from './StationId'
import { UnpairDialog } from './UnpairDialog'
import { UsbExchangeDialog } from './usb/UsbExchangeDialog'

const TICK_MS = 5_000

/** Every paired station with its live link: state, contact, what waits, what is moving, what went wrong. */
export function PeerList({ peers, onChanged, canUnpair }: { peers: PeerLinkStatus[]; onChanged: () => void; canUnpair: boolean }) {
  const { t } = useTranslation()
  const [unpairing, setUnpairing] = useState<PeerLinkStatus | null>(null)
  const [exchanging, setExchanging] = useState<string | null>(null)
  const usbPeer = peers.find((p) => p.stationId === exchanging)
  return (
    <section className="detail-section" data-testid="peer-list">
      <h2>
        {t('link.peers.title')}
        {peers.length > 0 && <span className="count-pill">{peers.length}</span>}
      </h2>
      {peers.length === 0 ? (
        <p className="muted" data-testid="peer-list-empty">
          {t(canUnpair ? 'link.peers.none' : 'access.noPeersAskAdmin')}
        </p>
      ) : (
        <ul className="peer-list">
          {peers.map((peer) => (
            <PeerCard
              key={peer.stationId}
              peer={peer}
              onUsb={() => setExchanging(peer.stationId)}
              onUnpair={canUnpair ? () => setUnpairing(peer) : null}
            />
          ))}
        </ul>
      )}
      {usbPeer && <UsbExchangeDialog peer={usbPeer} onClose={() => setExchanging(null)} onChanged={onChanged} />}
      {unpairing && (
        <UnpairDialog
          peer={unpairing}
          onClose={() => setUnpairing(null)}
          onDone={() => {
            setUnpairing(null)
            onChanged()
          }}
        />
      )}
    </section>
  )
}

/** onUnpair is null for those who may not unpair (administrators only): no button to be refused. */
function PeerCard({ peer, onUsb, onUnpair }: { peer: PeerLinkStatus; onUsb: () => void; onUnpair: (() => void) | null }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const now = useNow(TICK_MS)
  const when = (iso: string | null, never: string, ahead = false) =>
    iso ? (
      <time dateTime={iso} title={fmt.dateTime(iso)}>
        {ahead ? fmt.until(iso, now) : fmt.since(iso, now)}
      </time>
    ) : (
      <span className="muted">{never}</span>
    )
  const fact = (key: string, label: string, value: ReactNode) => (
    <div className="fact">
      <dt>{label}</dt>
      <dd data-testid={`peer-${key}`}>{value}</dd>
    </div>
  )
  const lastBundle = () => {
    const { imported, written } = peer.lastBundle
    if (!imported && !written) return <span className="muted">{t('link.peers.noBundle')}</span>
    return (
      <>
        {imported && <span className="peer-bundle">{t('link.peers.bundleImported')} {when(imported, '')}</span>}
        {written && <span className="peer-bundle">{t('link.peers.bundleWritten')} {when(written, '')}</span>}
      </>
    )
  }
  const pending =
    peer.pendingDocs === 0 ? t('link.peers.nothingPending') : t('link.peers.pending', { count: peer.pendingDocs, size: fmt.bytes(peer.pendingBytes) })
  return (
    <li className={`peer-card link-${peer.state}`} data-testid="peer-card" data-station-id={peer.stationId} data-state={peer.state}>
      <div className="peer-head">
        <span className={`link-badge link-${peer.state}`} data-testid="peer-state">
          <span className="link-dot" aria-hidden="true" />
          {t(`enums.linkState.${peer.state}`)}
        </span>
        <strong className="peer-name" data-testid="peer-name">
          {peer.name || t('link.peers.unnamed')}
        </strong>
        <StationId id={peer.stationId} />
        <span className="mono muted" data-testid="peer-address">
          {peer.address}
        </span>
        <button type="button" className="btn btn-small peer-usb" data-testid="peer-usb" onClick={onUsb}>
          {t('link.usb.open')}
        </button>
        {onUnpair && (
          <button type="button" className="btn btn-small btn-danger-quiet peer-unpair" data-testid="peer-unpair" onClick={onUnpair}>
            {t('link.peers.unpair')}
          </button>
        )}
      </div>
      <dl className="facts peer-facts">
        {fact('last-contact', t('link.peers.lastContact'), when(peer.lastContact, t('link.peers.never')))}
        {fact('last-sync', t('link.peers.lastSync'), when(peer.lastCompleteSync, t('link.peers.never')))}
        {fact('pending', t('link.peers.pendingLabel'), pending)}
        {fact('last-bundle', t('link.peers.lastBundle'), lastBundle())}
        {fact(
          'next-attempt',
          t('link.peers.nextAttempt'),
          peer.state === 'connected' ? <span className="muted">—</span> : when(peer.nextAttemptAt, t('link.peers.noAttemptPlanned'), true)
        )}
      </dl>
      {peer.transfers.length > 0 && (
        <ul className="transfers" data-testid="peer-transfers">
          {peer.transfers.map((x) => (
            <li key={`${x.direction}:${x.doc}`} className="transfer">
              <span className="transfer-dir">{t(x.direction === 'send' ? 'link.peers.sending' : 'link.peers.receiving')}</span>
              <span className="transfer-doc" title={x.doc}>
                {docLabel(x.doc, t)}
              </span>
              <ProgressBar done={x.done} total={x.total} label={t('link.transferring')} />
              <span className="muted num">
                {fmt.bytes(x.done)} / {fmt.bytes(x.total)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {peer.docsAtLimit.length > 0 && (
        <div className="inline-alert peer-at-limit" role="alert" data-testid="peer-docs-at-limit">
          <strong>{t('link.peers.atLimit.title', { count: peer.docsAtLimit.length })}</strong>
          <ul>
            {peer.docsAtLimit.map((d) => (
              <li key={d.doc}>
                {docLabel(d.doc, t)} — {t('link.peers.atLimit.size', { size: fmt.bytes(d.bytes), limit: fmt.bytes(d.limit) })}
              </li>
            ))}
          </ul>
          <p>{t('link.peers.atLimit.hint')}</p>
        </div>
      )}
      {peer.lastError && (
        <p className="inline-alert peer-error" role="note" data-testid="peer-last-error">
          <strong>{t('link.peers.lastError')}</strong> {peer.lastError}
        </p>
      )}
    </li>
  )
}
