import { useTranslation } from 'react-i18next'
import type { CaseSummary } from '../../../../../preload/api'
import { useFormatters } from '../../../i18n/format'
import { CategoryLabel, StatusBadge, VoidBadge } from '../../../ui/Badges'
import { openableRow, VirtualTable } from '../../../ui/VirtualRows'
import type { ListFilters, SortField } from './list-query'
import type { CasePages } from './use-case-pages'

const ROW_HEIGHT = 36

type Column = { key: keyof CaseSummary; sort?: SortField }
const COLUMNS: Column[] = [
  { key: 'ref', sort: 'ref' },
  { key: 'occurredAt', sort: 'occurredAt' },
  { key: 'category', sort: 'category' },
  { key: 'location' },
  { key: 'summary' },
  { key: 'status', sort: 'status' },
  { key: 'agency' }
]

interface Props {
  pages: CasePages
  total: number
  filters: ListFilters
  onSort: (sort: SortField, dir: 'asc' | 'desc') => void
  onOpen: (id: string) => void
}

export function CaseTable({ pages, total, filters, onSort, onOpen }: Props) {
  const { t } = useTranslation()
  const fmt = useFormatters()

  const headerCell = (column: Column) => {
    const label = t(`list.columns.${column.key}`)
    if (!column.sort) return label
    const active = filters.sort === column.sort
    const nextDir = active && filters.dir === 'desc' ? 'asc' : 'desc'
    return (
      <button type="button" className="th-sort" data-testid={`sort-${column.key}`} onClick={() => onSort(column.sort!, nextDir)}>
        {label}
        <span className="sort-mark" aria-hidden="true">
          {active ? (filters.dir === 'desc' ? '▼' : '▲') : ''}
        </span>
      </button>
    )
  }

  return (
    <VirtualTable
      pages={pages}
      total={total}
      rowHeight={ROW_HEIGHT}
      label={t('list.title')}
      className="case-table"
      headClassName="case-row case-head"
      head={COLUMNS.map((column) => (
        <div
          key={column.key}
          role="columnheader"
          className={`cell cell-${column.key}`}
          aria-sort={column.sort && filters.sort === column.sort ? (filters.dir === 'desc' ? 'descending' : 'ascending') : undefined}
        >
          {headerCell(column)}
        </div>
      ))}
      testId="case-list"
      pendingClassName="case-row case-row-pending"
      renderRow={(row, index, style) => (
        <div
          className={`case-row${row.voided ? ' is-voided' : ''}${index % 2 ? ' is-odd' : ''}`}
          style={style}
          {...openableRow(index, () => onOpen(row.id))}
          data-testid="case-row"
          data-case-id={row.id}
          data-ref={row.ref}
        >
          <div className="cell cell-ref" role="cell">
            {row.ref}
          </div>
          <div className="cell cell-occurredAt" role="cell">
            {fmt.dateTime(row.occurredAt)}
          </div>
          <div className="cell cell-category" role="cell">
            <CategoryLabel category={row.category} />
          </div>
          <div className="cell cell-location" role="cell" title={row.location}>
            {row.location}
          </div>
          <div className="cell cell-summary" role="cell" title={row.summary}>
            {row.voided && <VoidBadge />} {row.summary}
          </div>
          <div className="cell cell-status" role="cell">
            <StatusBadge status={row.status} />
          </div>
          <div className="cell cell-agency" role="cell">
            {t(`enums.agency.${row.agency}`)}
          </div>
        </div>
      )}
    />
  )
}
