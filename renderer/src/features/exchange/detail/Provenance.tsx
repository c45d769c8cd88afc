import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../../i18n/format'
import { useLink } from '../../link/LinkContext'

interface Props {
  origin: string
  fromCounterpart: boolean
  /** For our own items: when the counterpart read them. */
  readAt: string | null
}

/** Whose words these are, said first and plainly: a counterpart's record is theirs, not part of our case log. */
export function Provenance({ origin, fromCounterpart, readAt }: Props) {
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
      <strong>{t('exchange.sentByUs')}</strong>
      <span className="provenance-note" data-testid="read-receipt">
        {readAt ? t('exchange.readByCounterpartAt', { at: fmt.dateTime(readAt) }) : t('exchange.notReadYet')}
      </span>
    </div>
  )
}
