/** Calendar months as YYYY-MM in the station's (and this screen's) local time: the unit of reports and exports. */
const pad = (n: number) => String(n).padStart(2, '0')

export const currentMonth = (now = new Date()): string => `${now.getFullYear()}-${pad(now.getMonth() + 1)}`

/** The month `by` months after (or before, when negative) the given one. */
export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number)
  const index = year * 12 + (m - 1) + by
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`
}

/** First and last day of the month, as the from/to dates of a range. */
export function monthRange(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number)
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate()
  return { from: `${month}-01`, to: `${month}-${pad(last)}` }
}

export const isMonth = (value: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(value)
