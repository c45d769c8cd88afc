import { useTranslation } from 'react-i18next'
import type { RecordDetail } from '../../../../../preload/api'
import { useFormatters } from '../../../i18n/format'

/** On a case of ours: whether and when it went to the counterpart, and whether they have read it. */
export function ShareNote({ shared }: { shared: RecordDetail | null | undefined }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
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
      ⇢ {t('exchange.shareNote.shared', { revision: r.revision, at: fmt.dateTime(r.updatedAt) })}
      {' · '}
      {shared.readByCounterpartAt ? `✓ ${t('exchange.readByCounterpartAt', { at: fmt.dateTime(shared.readByCounterpartAt) })}` : t('exchange.notReadYet')}
    </p>
  )
}
