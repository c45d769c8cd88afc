import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../../i18n/format'
import { useLink } from '../../link/LinkContext'

interface Props {
  origin: string
  fromCounterpart: boolean
  /** For our own items: when the counterpart read them. */
  readAt: string | null
  /** For our own items: who they went to (empty: every counterpart, before audiences existed). */
  audience: string[]
  /** For our own records: the counterparts they were withdrawn from. */
  withdrawnFrom?: string[]
}

/** Whose words these are, said first and plainly: a counterpart's record is theirs, not part of our case log. */
export function Provenance({ origin, fromCounterpart, readAt, audience, withdrawnFrom = [] }: Props) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const { stationName } = useLink()
  if (fromCounterpart) {
    return (
      <div className="provenance provenance-theirs" data-testid="provenance" data-origin={origin}>
        <span className="provenance-arrow" aria-hidden="true">⇠</span>
        <strong>{t('exchange.fromStation', { name: stationName(origin) })}</strong>
        <span className="provenance-note">{t('exchange.readOnlyNote')}</span>
      </div>
    )
  }
  return (
    <div className="provenance provenance-ours" data-testid="provenance" data-origin={origin}>
      <span className="provenance-arrow" aria-hidden="true">⇢</span>
      <strong data-testid="provenance-audience">
        {audience.length ? t('exchange.sentTo', { names: audience.map(stationName).join(', ') }) : t('exchange.sentByUs')}
      </strong>
      {withdrawnFrom.length > 0 && (
        <span className="provenance-note" data-testid="provenance-withdrawn-from">
          {t('exchange.withdrawnFrom', { names: withdrawnFrom.map(stationName).join(', ') })}
        </span>
      )}
      <span className="provenance-note" data-testid="read-receipt">
        {readAt ? t('exchange.readByCounterpartAt', { at: fmt.dateTime(readAt) }) : t('exchange.notReadYet')}
      </span>
    </div>
  )
}
