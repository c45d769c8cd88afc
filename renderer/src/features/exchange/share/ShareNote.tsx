import { useTranslation } from 'react-i18next'
import type { RecordDetail } from '../../../../../preload/api'
import { useFormatters } from '../../../i18n/format'
import { useLink } from '../../link/LinkContext'

/** On a case of ours: whether, when and to whom it went across, and whether it was read there. */
export function ShareNote({ shared }: { shared: RecordDetail | null | undefined }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const { stationName } = useLink()
  if (!shared) return null
  const r = shared.record
  if (r.withdrawn) {
    return (
      <p className="share-note is-withdrawn" data-testid="detail-shared" data-state="withdrawn">
        ⇢ {t('exchange.shareNote.withdrawn', { at: fmt.dateTime(r.withdrawn.at) })}
      </p>
    )
  }
  return (
    <p className="share-note" data-testid="detail-shared" data-state="shared" data-revision={r.revision}>
      ⇢{' '}
      {shared.audience.length
        ? t('exchange.shareNote.sharedWith', { names: shared.audience.map(stationName).join(', '), revision: r.revision, at: fmt.dateTime(r.updatedAt) })
        : t('exchange.shareNote.shared', { revision: r.revision, at: fmt.dateTime(r.updatedAt) })}
      {' · '}
      {shared.readByCounterpartAt ? `✓ ${t('exchange.readByCounterpartAt', { at: fmt.dateTime(shared.readByCounterpartAt) })}` : t('exchange.notReadYet')}
    </p>
  )
}
