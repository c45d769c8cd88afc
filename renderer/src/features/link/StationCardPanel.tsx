import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StationCard, LinkStatus } from '../../../../preload/api'
import { QrCode } from './QrCode'
import { stationAddress, type StationAddress } from './station-address'
import { StationId } from './StationId'

interface Props {
  card: StationCard
  status: LinkStatus
}

/** This station as the counterpart must enter it: the ID (read aloud, scanned or printed) and the address. */
export function StationCardPanel({ card, status }: Props) {
  const { t } = useTranslation()
  const [copied, setCopied] = useState(false)
  const address = stationAddress(status)
  const copy = () => {
    void navigator.clipboard?.writeText(card.stationId).then(() => {
      setCopied(true)
      setTimeout(() => setCopied(false), 2000)
    }, () => undefined)
  }
  return (
    <section className="detail-section station-card" data-testid="station-card">
      <h2>{t('link.card.title')}</h2>
      <div className="station-card-body">
        <div className="station-card-text">
          <p className="station-card-name">
            <span data-testid="link-station-name">{card.name}</span> <span className="country-tag">{card.country}</span>
          </p>
          <p className="field-label">{t('link.card.id')}</p>
          <StationId id={card.stationId} testId="link-station-id" className="station-id-large" />
          <p className="field-label">{t('link.card.address')}</p>
          <AddressLine address={address} onScreen />
          <p className="muted station-card-hint">{t('link.card.checkHint')}</p>
          <div className="station-card-actions">
            <button type="button" className="btn btn-small" data-testid="copy-station-id" onClick={copy}>
              {copied ? t('link.card.copied') : t('link.card.copy')}
            </button>
            <button type="button" className="btn btn-small" data-testid="print-card" onClick={() => window.print()}>
              {t('link.card.print')}
            </button>
          </div>
        </div>
        <QrCode text={card.stationId} label={t('link.card.qrLabel', { id: card.stationId })} testId="station-qr" className="station-card-qr" />
      </div>
      <PrintCard card={card} address={address} />
    </section>
  )
}

/** Test ids only on the screen copy: the printed one repeats it. */
function AddressLine({ address, onScreen = false }: { address: StationAddress; onScreen?: boolean }) {
  const { t } = useTranslation()
  if (address.kind === 'exact') {
    return (
      <p className="station-address" data-testid={onScreen ? 'link-station-address' : undefined}>
        {address.text}
      </p>
    )
  }
  if (address.kind === 'anyInterface') {
    return (
      <p className="station-address-any" data-testid={onScreen ? 'link-station-address' : undefined}>
        {t('link.card.anyInterface', { port: address.port })}
      </p>
    )
  }
  return (
    <p className="inline-alert alert-warning" data-testid={onScreen ? 'link-not-listening' : undefined} role="note">
      {t('link.card.notListening')}
      {address.reason && <span className="error-raw"> ({address.reason})</span>}
    </p>
  )
}

/** Only on paper: the card an officer hands or faxes to the counterpart (see the print stylesheet). */
function PrintCard({ card, address }: { card: StationCard; address: StationAddress }) {
  const { t } = useTranslation()
  return (
    <div className="print-card" data-testid="print-card-sheet">
      <p className="print-card-brand">{t('link.card.printTitle')}</p>
      <p className="print-card-name">
        {card.name} ({card.country})
      </p>
      <p className="print-card-label">{t('link.card.id')}</p>
      <StationId id={card.stationId} className="station-id-large" />
      <QrCode text={card.stationId} label={t('link.card.qrLabel', { id: card.stationId })} className="print-card-qr" />
      <p className="print-card-label">{t('link.card.address')}</p>
      <AddressLine address={address} />
      <p className="print-card-hint">{t('link.card.checkHint')}</p>
    </div>
  )
}
