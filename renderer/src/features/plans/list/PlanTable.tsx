import { useTranslation } from 'react-i18next'
import type { PlanListItem } from '../../../../../preload/api'
import { useFormatters } from '../../../i18n/format'
import { useNow } from '../../../ui/use-now'
import { openableRow, VirtualTable } from '../../../ui/VirtualRows'
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
  return (
    <VirtualTable
      pages={pages}
      total={total}
      rowHeight={ROW_HEIGHT}
      label={t('plans.list.title')}
      className="case-table plan-table"
      headClassName="case-row case-head plan-row"
      head={COLUMNS.map((column) => (
        <div key={column} role="columnheader" className={`cell cell-${column}`}>
          {t(`plans.list.columns.${column}`)}
        </div>
      ))}
      testId="plan-list"
      pendingClassName="case-row plan-row is-pending"
      renderRow={(row, index, style) => <PlanRow row={row} style={style} index={index} onOpen={onOpen} />}
    />
  )
}

function PlanRow({ row, style, index, onOpen }: { row: PlanListItem; style: object; index: number; onOpen: (id: string) => void }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const now = useNow(TICK_MS)
  const { stationName } = useLink()
  const period = [row.periodFrom, row.periodTo].map((d) => (d ? fmt.date(d) : '…')).join(' – ')
  const counterpart = row.counterpart ? row.counterpart.name || stationName(row.counterpart.stationId) : null
  return (
    <div
      className={`case-row plan-row${index % 2 ? ' is-odd' : ''}`}
      style={style}
      {...openableRow(index, () => onOpen(row.id))}
      data-testid="plan-row"
      data-plan-id={row.id}
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
