import { useTranslation } from 'react-i18next'
import type { MessageRow, Pointer, RecordRow } from '../../../../preload/api'
import { useFormatters } from '../../i18n/format'
import { CategoryLabel } from '../../ui/Badges'
import { VirtualRows } from '../../ui/VirtualRows'
import { useLink } from '../link/LinkContext'
import { PriorityBadge, UnreadMark, WithdrawnBadge } from './ExchangeBadges'
import { rowPointer, samePointer } from './pointers'
import type { ExchangePages } from './use-exchange-pages'
import { useMessageLabels } from './use-message-labels'

const ROW_HEIGHT = 58

interface Props {
  pages: ExchangePages
  total: number
  selected: Pointer | null
  onOpen: (pointer: Pointer) => void
  label: string
}

/** One exchange box as a virtual list: only the rows in view exist, pages load as the officer scrolls. */
export function ExchangeList({ pages, total, selected, onOpen, label }: Props) {
  return (
    <VirtualRows
      pages={pages}
      total={total}
      rowHeight={ROW_HEIGHT}
      className="exchange-list"
      testId="exchange-list"
      role="list"
      aria-label={label}
      renderPending={(_, style) => (
        <div className="exchange-row is-pending" style={style} role="listitem">
          <span className="skeleton" />
        </div>
      )}
      renderRow={(row, _, style) => {
        const pointer = rowPointer(row)
        const open = () => onOpen(pointer)
        const unread = row.type === 'record' ? row.unread : row.threadUnread
        return (
          <div
            className={`exchange-row${unread ? ' is-unread' : ''}${samePointer(pointer, selected) ? ' is-selected' : ''}`}
            style={style}
            role="listitem"
            tabIndex={0}
            aria-current={samePointer(pointer, selected) || undefined}
            data-testid="exchange-row"
            data-type={pointer.type}
            data-id={pointer.id}
            data-unread={unread}
            onClick={open}
            onKeyDown={(e) => e.key === 'Enter' && open()}
          >
            <span className="exchange-row-mark">{unread && <UnreadMark />}</span>
            {row.type === 'record' ? <RecordLine row={row} /> : <MessageLine row={row} />}
          </div>
        )
      }}
    />
  )
}

function Counterpart({ origin, fromCounterpart, audience }: { origin: string; fromCounterpart: boolean; audience: string[] }) {
  const { t } = useTranslation()
  const { stationName } = useLink()
  if (fromCounterpart) return <span className="from-tag">{t('exchange.fromStation', { name: stationName(origin) })}</span>
  const label = audience.length ? t('exchange.sentTo', { names: audience.map(stationName).join(', ') }) : t('exchange.sentByUs')
  return (
    <span className="ours-tag" data-testid="row-audience" title={label}>
      {label}
    </span>
  )
}

function RecordLine({ row }: { row: RecordRow }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  return (
    <div className="exchange-row-body">
      <div className="exchange-row-line">
        <strong className="exchange-ref">{row.caseRef}</strong>
        {row.category && <CategoryLabel category={row.category} />}
        {row.occurredAt && <span className="muted nowrap">{fmt.dateTime(row.occurredAt)}</span>}
        {row.withdrawn && <WithdrawnBadge />}
        {row.revision > 1 && <span className="muted nowrap">{t('exchange.revision', { revision: row.revision })}</span>}
        <span className="exchange-row-side">
          <Counterpart origin={row.origin} fromCounterpart={row.fromCounterpart} audience={row.audience} />
          {!row.fromCounterpart && row.readByCounterpartAt && <span className="read-tag">✓ {t('exchange.readByThem')}</span>}
        </span>
      </div>
      <div className="exchange-row-line exchange-row-sub">
        <span className="exchange-row-summary" title={row.summary ?? undefined}>
          {row.withdrawn ? t('exchange.withdrawnSummary') : (row.summary ?? t('exchange.summaryNotShared'))}
        </span>
        {row.location && <span className="muted exchange-row-location">{row.location}</span>}
      </div>
    </div>
  )
}

function MessageLine({ row }: { row: MessageRow }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const labels = useMessageLabels()
  const m = row.message
  return (
    <div className="exchange-row-body">
      <div className="exchange-row-line">
        {'priority' in m && <PriorityBadge priority={m.priority} />}
        <strong className="exchange-row-headline">{labels.headline(m)}</strong>
        <span className="exchange-row-side">
          <Counterpart origin={row.origin} fromCounterpart={row.fromCounterpart} audience={row.audience} />
          <time className="muted nowrap" dateTime={row.lastActivityAt}>
            {fmt.dateTime(row.lastActivityAt)}
          </time>
        </span>
      </div>
      <div className="exchange-row-line exchange-row-sub">
        <span className="exchange-row-summary">{'text' in m ? m.text : ''}</span>
        {row.replyCount > 0 && <span className="count-tag">{t('exchange.replyCount', { count: row.replyCount })}</span>}
        {row.acknowledged && <span className="read-tag">✓ {t('exchange.acknowledged')}</span>}
      </div>
    </div>
  )
}
