/** Calendar months in the station's local time (as the case log's date filters count days), as UTC bounds for SQL. */

export interface MonthRange {
  /** YYYY-MM */
  month: string
  /** UTC ISO 8601: the first instant of the month, inclusive. */
  from: string
  /** UTC ISO 8601: the first instant of the next month, exclusive. */
  to: string
  /** YYYY-MM-DD of the first and last day, for comparing with dates written without a time (plan periods). */
  firstDay: string
  lastDay: string
}

const pad = (n: number) => String(n).padStart(2, '0')

export function monthRange(month: string, offset = 0): MonthRange {
  const [y, m] = month.split('-').map(Number)
  const start = new Date(y, m - 1 + offset, 1)
  const next = new Date(start.getFullYear(), start.getMonth() + 1, 1)
  const last = new Date(next.getFullYear(), next.getMonth(), 0)
  const ym = `${start.getFullYear()}-${pad(start.getMonth() + 1)}`
  return {
    month: ym,
    from: start.toISOString(),
    to: next.toISOString(),
    firstDay: `${ym}-01`,
    lastDay: `${ym}-${pad(last.getDate())}`
  }
}
