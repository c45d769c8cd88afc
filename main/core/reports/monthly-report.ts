/**
 * The month in figures, for the supervisor's dashboard and the PDF report: what was logged (cases, seizures,
 * persons), what went across the border link and how fast it was answered, which joint operations ran,
 * and the six months before for the trend. Voided cases do not count; months are local calendar months.
 */
import type { Database } from 'better-sqlite3'
import type { CountRow, MonthlyReport } from '../../../preload/api'
import type { StationMeta } from '../station-meta'
import { withCounterpartRow } from '../exchange/audience'
import { tableExists } from '../db/table-exists'
import { monthRange, type MonthRange } from './month-range'

const TREND_MONTHS = 6
const TOP_LOCATIONS = 10
const MINUTE_MS = 60_000

type Keyed = { key: string | null; n: number }
type Bounds = { from: string; to: string }

const IN_MONTH = 'c.voided = 0 AND c.occurred_at >= @from AND c.occurred_at < @to'

function median(values: number[]): number | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** This month's counts beside last month's, largest first; keys seen only last month show with 0. */
function withPrevious(current: Keyed[], previous: Keyed[], limit = Infinity): CountRow[] {
  const before = new Map(previous.map((r) => [r.key ?? '', r.n]))
  const rows = current.map((r) => ({ key: r.key ?? '', count: r.n, previous: before.get(r.key ?? '') ?? 0 }))
  const seen = new Set(rows.map((r) => r.key))
  for (const [key, n] of before) if (!seen.has(key)) rows.push({ key, count: 0, previous: n })
  return rows.sort((a, b) => b.count - a.count || b.previous - a.previous || a.key.localeCompare(b.key)).slice(0, limit)
}

export class MonthlyReports {
  constructor(
    private readonly db: Database,
    private readonly meta: StationMeta,
    private readonly stationId: string
  ) {}

  /** With a counterpart, the exchange figures count only what went to it or came from it; cases are ours either way. */
  monthly(month: string, counterpart?: string, now = new Date()): MonthlyReport {
    const range = monthRange(month)
    const previous = monthRange(month, -1)
    const trend = Array.from({ length: TREND_MONTHS + 1 }, (_, i) => monthRange(month, i - TREND_MONTHS))
    const grouped = (expression: string, bounds: Bounds) =>
      this.db.prepare(`SELECT ${expression} AS key, count(*) AS n FROM cases c WHERE ${IN_MONTH} GROUP BY key ORDER BY n DESC`).all(bounds) as Keyed[]
    const both = (expression: string, limit?: number) => withPrevious(grouped(expression, range), grouped(expression, previous), limit)
    const persons = this.persons(range)
    return {
      month: range.month,
      from: range.from,
      to: range.to,
      generatedAt: now.toISOString(),
      station: { name: this.meta.name, country: this.meta.country, crossing: this.meta.crossing, stationId: this.stationId },
      cases: {
        total: this.caseCount(range),
        previous: this.caseCount(previous),
        byCategory: both('c.category'),
        byAgency: both('c.agency'),
        byStatus: both('c.status'),
        topLocations: both("c.data ->> '$.location'", TOP_LOCATIONS)
      },
      seizures: this.seizures(range),
      persons: { total: persons.total, bySex: withPrevious(persons.bySex, this.persons(previous).bySex), byNationality: persons.byNationality },
      exchange: this.exchange(range, counterpart),
      operations: this.operations(range),
      trend: trend.map((r) => this.trendPoint(r, counterpart))
    }
  }

  private caseCount(bounds: Bounds): number {
    return this.db.prepare(`SELECT count(*) FROM cases c WHERE ${IN_MONTH}`).pluck().get(bounds) as number
  }

  private seizures(bounds: Bounds): MonthlyReport['seizures'] {
    return this.db
      .prepare(
        `SELECT i.value ->> 'commodity' AS commodity, i.value ->> 'unit' AS unit, total(i.value ->> 'quantity') AS quantity,
                count(DISTINCT c.seq) AS cases
         FROM cases c, json_each(c.data, '$.items') i WHERE ${IN_MONTH}
         GROUP BY commodity, unit ORDER BY cases DESC, quantity DESC, commodity`
      )
      .all(bounds) as MonthlyReport['seizures']
  }

  private persons(bounds: Bounds): { total: number; bySex: Keyed[]; byNationality: MonthlyReport['persons']['byNationality'] } {
    const rows = this.db
      .prepare(
        `SELECT p.value ->> 'nationality' AS nationality, coalesce(p.value ->> 'sex', 'unknown') AS sex, count(*) AS n
         FROM cases c, json_each(c.data, '$.persons') p WHERE ${IN_MONTH} GROUP BY nationality, sex`
      )
      .all(bounds) as { nationality: string | null; sex: string; n: number }[]
    const byNationality = new Map<string | null, MonthlyReport['persons']['byNationality'][number]>()
    const bySex = new Map<string, number>()
    for (const { nationality, sex, n } of rows) {
      const row = byNationality.get(nationality) ?? { nationality, male: 0, female: 0, unknown: 0, total: 0 }
      const column = sex === 'male' || sex === 'female' ? sex : 'unknown'
      row[column] += n
      row.total += n
      byNationality.set(nationality, row)
      bySex.set(column, (bySex.get(column) ?? 0) + n)
    }
    return {
      total: rows.reduce((sum, r) => sum + r.n, 0),
      bySex: [...bySex].map(([key, n]) => ({ key, n })),
      byNationality: [...byNationality.values()].sort((a, b) => b.total - a.total || (a.nationality ?? '~').localeCompare(b.nationality ?? '~'))
    }
  }

  /** An item sent to several counterparts is one row per addressed copy in the views: each counts once. */
  private exchange(bounds: Bounds, counterpart?: string): MonthlyReport['exchange'] {
    const self = this.stationId
    const withIt = (t: string) => (counterpart ? `AND ${withCounterpartRow(t)}` : '')
    const params = { ...bounds, self, counterpart }
    const counts = () => ({ records: 0, alerts: 0, requests: 0, replies: 0, acknowledgements: 0 })
    const sent = counts()
    const received = counts()
    const field = { alert: 'alerts', request: 'requests', reply: 'replies', ack: 'acknowledgements' } as const
    const messages = this.db
      .prepare(
        `SELECT m.origin = @self AS ours, m.kind, count(DISTINCT m.origin || '/' || m.message_id) AS n FROM exchange_messages m
         WHERE m.sent_at >= @from AND m.sent_at < @to AND m.kind <> 'read' ${withIt('m')} GROUP BY ours, m.kind`
      )
      .all(params) as { ours: number; kind: keyof typeof field; n: number }[]
    for (const { ours, kind, n } of messages) (ours ? sent : received)[field[kind]] += n
    const records = this.db
      .prepare(
        `SELECT r.origin = @self AS ours, count(DISTINCT r.origin || '/' || r.record_id) AS n FROM exchange_records r
         WHERE r.shared_at >= @from AND r.shared_at < @to ${withIt('r')} GROUP BY ours`
      )
      .all(params) as { ours: number; n: number }[]
    for (const { ours, n } of records) (ours ? sent : received).records += n

    const questions = this.db
      .prepare(
        `SELECT m.origin = @self AS ours, m.sent_at AS sentAt,
           (SELECT min(a.sent_at) FROM exchange_messages a WHERE a.target_type = 'message' AND a.target_origin = m.origin
              AND a.target_id = m.message_id AND a.kind IN ('reply', 'ack') AND a.origin <> m.origin) AS answeredAt
         FROM exchange_messages m WHERE m.kind IN ('alert', 'request') AND m.sent_at >= @from AND m.sent_at < @to ${withIt('m')}
           AND m.seq = (SELECT min(c.seq) FROM exchange_messages c WHERE c.origin = m.origin AND c.message_id = m.message_id)`
      )
      .all(params) as { ours: number; sentAt: string; answeredAt: string | null }[]
    const answered = (ours: boolean) => {
      const asked = questions.filter((q) => Boolean(q.ours) === ours)
      const minutes = asked.filter((q) => q.answeredAt).map((q) => (Date.parse(q.answeredAt!) - Date.parse(q.sentAt)) / MINUTE_MS)
      const middle = median(minutes)
      return { asked: asked.length, answered: minutes.length, medianMinutes: middle === null ? null : Math.round(middle * 10) / 10 }
    }
    return { sent, received, oursAnswered: answered(true), theirsAnswered: answered(false) }
  }

  /** Plans live in their own feature (table `plans`, migration 5); a station without it reports none as unavailable. */
  private operations(range: MonthRange): MonthlyReport['operations'] {
    const needed = ['id', 'title', 'code_name', 'period_from', 'period_to', 'phase', 'status']
    const columns = tableExists(this.db, 'plans')
      ? new Set((this.db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('plans') as string[]))
      : new Set<string>()
    if (!needed.every((c) => columns.has(c))) return { available: false, held: [] }
    const held = this.db
      .prepare(
        `SELECT id, title, code_name AS codeName, period_from AS periodFrom, period_to AS periodTo, status FROM plans
         WHERE phase IN ('active', 'completed') AND period_from <> '' AND substr(period_from, 1, 10) <= @lastDay
           AND (period_to = '' OR substr(period_to, 1, 10) >= @firstDay)
         ORDER BY period_from, title`
      )
      .all({ firstDay: range.firstDay, lastDay: range.lastDay }) as MonthlyReport['operations']['held']
    return { available: true, held }
  }

  private trendPoint(range: MonthRange, counterpart?: string): MonthlyReport['trend'][number] {
    const withIt = (t: string) => (counterpart ? `AND ${withCounterpartRow(t)}` : '')
    const cases = this.db
      .prepare(
        `SELECT count(*) AS cases, coalesce(sum(json_array_length(c.data, '$.persons')), 0) AS persons,
                coalesce(sum(json_array_length(c.data, '$.items')), 0) AS items
         FROM cases c WHERE ${IN_MONTH}`
      )
      .get(range) as { cases: number; persons: number; items: number }
    const exchanged = this.db
      .prepare(
        `SELECT coalesce(sum(origin = @self), 0) AS sent, coalesce(sum(origin <> @self), 0) AS received FROM (
           SELECT DISTINCT m.origin, 'message/' || m.message_id FROM exchange_messages m
             WHERE m.sent_at >= @from AND m.sent_at < @to AND m.kind <> 'read' ${withIt('m')}
           UNION SELECT DISTINCT r.origin, 'record/' || r.record_id FROM exchange_records r
             WHERE r.shared_at >= @from AND r.shared_at < @to ${withIt('r')})`
      )
      .get({ from: range.from, to: range.to, self: this.stationId, counterpart }) as { sent: number; received: number }
    return { month: range.month, ...cases, exchangeSent: exchanged.sent, exchangeReceived: exchanged.received }
  }
}
