import { useCallback, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/ApiContext'
import { LINK_EVENT_KINDS } from '../../i18n/enum-groups'
import { useFormatters } from '../../i18n/format'
import { FailureNote } from '../../ui/ErrorDetail'
import { TableHead } from '../../ui/TableHead'
import { useLatestAnswer } from '../../ui/use-latest-answer'
import { useLink } from './LinkContext'

const LIMIT = 200
const isKnownKind = (kind: string): kind is (typeof LINK_EVENT_KINDS)[number] => (LINK_EVENT_KINDS as readonly string[]).includes(kind)
/** Refusals and faults: someone or something tried to get in or send what it should not. */
const isRefusal = (kind: string) => kind.startsWith('refused-') || kind === 'protocol'

/**
 * The link history in plain words, newest first: pairings, connections, and every refusal (a stranger,
 * a wrong key, a bad frame, a write into a document the peer does not own) with the station's own detail.
 */
export function LinkLog({ changeKey }: { changeKey: string }) {
  const { t } = useTranslation()
  const api = useApi()
  const fmt = useFormatters()
  const { stationName } = useLink()
  const ask = useCallback(() => api.invoke('link.log', { limit: LIMIT }), [api])
  const { data: events, error, load } = useLatestAnswer(ask)

  // Reload when the link changes in a way worth a log line (state, error, pairing), not on every progress tick.
  useEffect(load, [load, changeKey])

  return (
    <section className="detail-section" data-testid="link-log">
      <div className="section-head">
        <h2>{t('link.log.title')}</h2>
        <button type="button" className="btn btn-small btn-quiet" data-testid="link-log-refresh" onClick={load}>
          {t('link.log.refresh')}
        </button>
      </div>
      <FailureNote error={error} />
      {events && events.length === 0 && <p className="muted">{t('link.log.empty')}</p>}
      {events && events.length > 0 && (
        <div className="log-scroll">
          <table className="data-table link-log-table">
            <TableHead columns={[t('link.log.at'), t('link.log.station'), t('link.log.event'), t('link.log.detail')]} />
            <tbody>
              {events.map((e) => (
                <tr key={e.id} className={isRefusal(e.kind) ? 'is-refusal' : undefined} data-testid="link-log-row" data-kind={e.kind}>
                  <td className="nowrap">{fmt.dateTime(e.at)}</td>
                  <td>{e.peer ? <span title={e.peer}>{stationName(e.peer)}</span> : <span className="muted">{t('link.log.unknownStation')}</span>}</td>
                  <td className="nowrap">
                    <span className={`badge log-kind${isRefusal(e.kind) ? ' log-kind-refusal' : ''}`}>
                      {isKnownKind(e.kind) ? t(`enums.linkEvent.${e.kind}`) : e.kind}
                    </span>
                  </td>
                  <td className="log-detail">{e.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
