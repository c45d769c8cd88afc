import { Fragment, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react'
import type { PagedRows } from './use-paged-rows'
import { useVirtualRows } from './use-virtual-rows'

type RenderRow<Row> = (row: Row, index: number, style: CSSProperties) => ReactNode

interface RowsProps<Row> {
  pages: PagedRows<Row>
  total: number
  rowHeight: number
  className: string
  testId: string
  role: 'rowgroup' | 'list'
  'aria-label'?: string
  /** A row whose page has not arrived yet. */
  renderPending: (index: number, style: CSSProperties) => ReactNode
  /** A row that has; both are keyed here, and must carry `style`. */
  renderRow: RenderRow<Row>
}

/** The scrolling part of a paged list: only the rows in view exist, each a placeholder until its page arrives. */
export function VirtualRows<Row>({ pages, total, rowHeight, className, testId, role, renderPending, renderRow, ...aria }: RowsProps<Row>) {
  const { scroller, virtualizer, items } = useVirtualRows(pages, total, rowHeight)
  return (
    <div className={className} ref={scroller} data-testid={testId} role={role} {...aria}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = pages.row(item.index)
          const style = { height: rowHeight, transform: `translateY(${item.start}px)` }
          return <Fragment key={item.key}>{row ? renderRow(row, item.index, style) : renderPending(item.index, style)}</Fragment>
        })}
      </div>
    </div>
  )
}

interface TableProps<Row> {
  pages: PagedRows<Row>
  total: number
  rowHeight: number
  /** The table's accessible name. */
  label: string
  className: string
  /** The header row: its class and its column headers. */
  headClassName: string
  head: ReactNode
  /** The scrolling body's test id. */
  testId: string
  /** The class of a row whose page has not arrived yet. */
  pendingClassName: string
  /** One data row, with `style` and the props of `openableRow(index, …)`. */
  renderRow: RenderRow<Row>
}

/**
 * A table (ARIA roles on divs) over a paged list: a fixed header row, then the virtual rows, a skeleton
 * until their page arrives. The header is row 1, so data row `index` is aria-rowindex `index + 2`.
 */
export function VirtualTable<Row>({ label, className, headClassName, head, pendingClassName, ...rows }: TableProps<Row>) {
  return (
    <div className={className} role="table" aria-rowcount={rows.total + 1} aria-label={label}>
      <div className={headClassName} role="row" aria-rowindex={1}>
        {head}
      </div>
      <VirtualRows
        {...rows}
        className="case-scroll"
        role="rowgroup"
        renderPending={(index, style) => (
          <div className={pendingClassName} style={style} role="row" aria-rowindex={index + 2}>
            <div className="cell cell-pending" role="cell">
              <span className="skeleton" />
            </div>
          </div>
        )}
      />
    </div>
  )
}

/** What makes a data row one that opens: its place for screen readers, a tab stop, click and Enter. */
export function openableRow(index: number, open: () => void) {
  return {
    role: 'row',
    'aria-rowindex': index + 2,
    tabIndex: 0,
    onClick: open,
    onKeyDown: (e: KeyboardEvent) => e.key === 'Enter' && open()
  } as const
}
