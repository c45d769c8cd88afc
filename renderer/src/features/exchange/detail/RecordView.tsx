import { useTranslation } from 'react-i18next'
import type { Pointer, RecordDetail } from '../../../../../preload/api'
import { useFormatters } from '../../../i18n/format'
import { useLink } from '../../link/LinkContext'
import type { RequestAbout } from '../compose/RequestComposer'
import { PriorityBadge, UnreadMark, WithdrawnBadge } from '../ExchangeBadges'
import { Provenance } from './Provenance'
import { SharedCaseView } from './SharedCaseView'

interface Props {
  detail: RecordDetail
  onOpen: (pointer: Pointer) => void
  onAsk: (about: RequestAbout) => void
  onOpenCase: (caseId: string) => void
}

/** A shared record: whose it is, which revision, what was shared (or that it was withdrawn), and what was asked about it. */
export function RecordView({ detail, onOpen, onAsk, onOpenCase }: Props) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const { stationName } = useLink()
  const r = detail.record
  const about: RequestAbout = { origin: detail.origin, recordId: r.recordId, caseRef: r.caseRef }
  return (
    <article className="exchange-detail" data-testid="record-detail" data-record-id={r.recordId} data-revision={r.revision}>
      <Provenance origin={detail.origin} fromCounterpart={detail.fromCounterpart} readAt={detail.readByCounterpartAt} audience={detail.audience} withdrawnFrom={detail.withdrawnFrom} />
      <div className="page-head">
        <h2 className="page-title" data-testid="record-ref">
          {r.caseRef}
        </h2>
        <span className="badge" data-testid="record-revision">
          {t('exchange.revision', { revision: r.revision })}
        </span>
        {r.withdrawn && <WithdrawnBadge />}
        <div className="page-actions">
          {detail.fromCounterpart && !r.withdrawn && (
            <button type="button" className="btn btn-small" data-testid="ask-about-record" onClick={() => onAsk(about)}>
              {t('exchange.record.ask')}
            </button>
          )}
          {!detail.fromCounterpart && (
            <button type="button" className="btn btn-small" data-testid="open-own-case" onClick={() => onOpenCase(r.recordId)}>
              {t('exchange.record.openCase')}
            </button>
          )}
        </div>
      </div>
      <p className="muted record-meta">
        {t('exchange.record.sharedBy', { by: r.sharedBy || '—', at: fmt.dateTime(r.sharedAt) })}
        {r.revision > 1 && !r.withdrawn && <> · {t('exchange.record.updatedBy', { by: r.updatedBy || '—', at: fmt.dateTime(r.updatedAt) })}</>}
      </p>
      {r.withdrawn && (
        <div className="inline-alert alert-void" role="note" data-testid="record-withdrawn">
          <strong>{t('exchange.record.withdrawnTitle')}</strong>{' '}
          {t('exchange.record.withdrawnBody', { by: r.withdrawn.by || '—', at: fmt.dateTime(r.withdrawn.at), reason: r.withdrawn.reason })}
        </div>
      )}
      {r.case && (
        <>
          <div className="shared-fields" data-testid="record-fields">
            <span className="field-label">{t('exchange.record.fields')}</span>
            {r.fields.map((f) => (
              <span key={f} className="chip">
                {t(`enums.shareField.${f}`)}
              </span>
            ))}
          </div>
          <div className="detail-main">
            <SharedCaseView c={r.case} />
          </div>
        </>
      )}
      <section className="detail-section" data-testid="record-requests">
        <h2>
          {t('exchange.record.requests')}
          {detail.requests.length > 0 && <span className="count-pill">{detail.requests.length}</span>}
        </h2>
        {detail.requests.length === 0 ? (
          <p className="muted">{t('exchange.record.noRequests')}</p>
        ) : (
          <ul className="plain-list">
            {detail.requests.map((entry) => (
              <li key={entry.message.id}>
                <button
                  type="button"
                  className="link-row"
                  data-testid="record-request"
                  onClick={() => onOpen({ type: 'message', origin: entry.origin, id: entry.message.id })}
                >
                  {entry.unread && <UnreadMark />}
                  {'priority' in entry.message && <PriorityBadge priority={entry.message.priority} />}
                  <strong>{entry.message.kind === 'request' ? entry.message.title : ''}</strong>
                  <span className="muted">
                    {entry.fromCounterpart ? stationName(entry.origin) : t('exchange.thisStation')} · {fmt.dateTime(entry.message.sentAt)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  )
}
