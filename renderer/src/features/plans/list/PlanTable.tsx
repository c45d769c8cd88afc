import { useTranslation } from 'react-i18next'
import type { PlanListItem } from '../../../../../preload/api'
import { useFormatters } from '../../../i18n/format'
import { useNow } from '../../../ui/use-now'
import { useVirtualRows } from '../../../ui/use-virtual-rows'
import { useLink } from '../../link/LinkContext'
import { PlanStatusBadge, SignoffBadge, UnsignedBadge } from '../PlanBadges'
import type { PlanPages } from './use-plan-pages'

const ROW_HEIGHT = 54
const TICK_MS = 30_000
const COLUMNS = ['title', 'status', 'period', 'counterpart', 'lastEdit', 'signoff', 'tasks'] as const

interface Props {
  pages: PlanPages
  total: number
  onOpen: (id: string) => void
}

export function PlanTable({ pages, total, onOpen }: Props) {
  const { t } = useTranslation()
  const { scroller, virtualizer, items } = useVirtualRows(pages, total, ROW_HEIGHT)
  return (
    <div className="case-table plan-table" role="table" aria-rowcount={total + 1} aria-label={t('plans.list.title')}>
      <div className="case-row case-head plan-row" role="row" aria-rowindex={1}>
        {COLUMNS.map((column) => (
          <div key={column} role="columnheader" className={`cell cell-${column}`}>
            {t(`plans.list.columns.${column}`)}
          </div>
        ))}
      </div>
      <div className="case-scroll" ref={scroller} data-testid="plan-list" role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = pages.row(item.index)
            const style = { height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }
            if (!row) {
              return (
                <div key={item.key} className="case-row plan-row is-pending" style={style} role="row" aria-rowindex={item.index + 2}>
                  <div className="cell cell-pending" role="cell">
                    <span className="skeleton" />
                  </div>
                </div>
              )
            }
            return <PlanRow key={item.key} row={row} style={style} index={item.index} onOpen={onOpen} />
          })}
        </div>
      </div>
    </div>
  )
}

function PlanRow({ row, style, index, onOpen }: { row: PlanListItem; style: object; index: number; onOpen: (id: string) => void }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const now = useNow(TICK_MS)
  const { stationName } = useLink()
  const period = [row.periodFrom, row.periodTo].map((d) => (d ? fmt.date(d) : '…')).join(' – ')
  const counterpart = row.counterpart ? row.counterpart.name || stationName(row.counterpart.stationId) : null
  const open = () => onOpen(row.id)
  return (
    <div
      className={`case-row plan-row${index % 2 ? ' is-odd' : ''}`}
      style={style}
      role="row"
      aria-rowindex={index + 2}
      tabIndex={0}
      data-testid="plan-row"
      data-plan-id={row.id}
      onClick={open}
      onKeyDown={(e) => e.key === 'Enter' && open()}
    >
      <div className="cell cell-title" role="cell">
        <strong className="plan-row-title" data-testid="plan-row-title" title={row.title}>
          {row.title || t('plans.untitled')}
        </strong>
        <span className="plan-row-sub">
          {row.codeName && <span className="code-name">{row.codeName}</span>}
          {row.area && <span className="muted" title={row.area}>{row.area}</span>}
        </span>
      </div>
      <div className="cell cell-status" role="cell">
        <PlanStatusBadge status={row.status} />
      </div>
      <div className="cell cell-period" role="cell">
        {row.periodFrom || row.periodTo ? period : <span className="muted">—</span>}
      </div>
      <div className="cell cell-counterpart" role="cell" title={counterpart ?? undefined}>
        {counterpart ?? <span className="muted">{t('plans.list.noCounterpart')}</span>}
      </div>
      <div className="cell cell-lastEdit" role="cell">
        {row.lastEdit ? (
          <>
            {fmt.since(row.lastEdit.at, now)}
            {row.lastEdit.from === 'peer' && <span className="from-tag">{t('plans.list.byCounterpart')}</span>}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </div>
      <div className="cell cell-signoff" role="cell" data-testid="plan-row-signoff" data-state={row.signoff} data-unsigned={row.unsignedChanges}>
        <SignoffBadge state={row.signoff} />
        {row.unsignedChanges && row.signoff !== 'none' && <UnsignedBadge />}
      </div>
      <div className="cell cell-tasks num" role="cell" title={t('plans.list.tasksHint', { open: row.tasks.open, total: row.tasks.total })}>
        {t('plans.list.tasksCount', { open: row.tasks.open, total: row.tasks.total })}
      </div>
    </div>
  )
}
