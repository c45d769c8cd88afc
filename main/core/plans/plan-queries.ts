import type { Database, Statement } from 'better-sqlite3'
import type { PlanListItem, PlanPage, PlanPhase, PlanQueryParsed, PlanStatus, SignoffStateName } from '../../../preload/api'
import type { EditSource } from './plan-views'

interface PlanRow {
  id: string
  title: string
  code_name: string
  status: PlanStatus
  phase: PlanPhase
  period_from: string
  period_to: string
  area: string
  origin_station: string
  partner_station: string
  signoff: SignoffStateName
  tasks_total: number
  tasks_open: number
  updated_at: string
  updated_from: EditSource
  counterpart: string
  counterpart_name: string | null
}

const SORT_COLUMNS: Record<PlanQueryParsed['sort'], string> = {
  updatedAt: 'p.updated_at',
  periodFrom: 'p.period_from',
  title: 'p.title COLLATE NOCASE'
}

/** The other station of the two planning together, seen from this one. */
const COUNTERPART = `CASE WHEN p.origin_station = @self THEN p.partner_station ELSE p.origin_station END`
// A plan with only one end of its period given lasts that one day.
const STARTS = `substr(coalesce(nullif(p.period_from, ''), p.period_to), 1, 10)`
const ENDS = `substr(coalesce(nullif(p.period_to, ''), p.period_from), 1, 10)`

/** The trigram index needs three characters; shorter terms (a two-letter Thai word) are scanned. */
const MIN_INDEXED_TERM = 3

/**
 * One clause per whitespace-separated term of q, each a substring of some line of the plan: the terms of a
 * search may sit in different fields (the title and a task). Thai, Lao, Khmer and Burmese need substrings.
 */
function textClauses(q: string | undefined): { clauses: string[]; params: Record<string, string> } {
  const terms = (q ?? '').split(/\s+/u).filter(Boolean)
  const params: Record<string, string> = {}
  const clauses = terms.map((term, i) => {
    const name = `term${i}`
    if ([...term].length >= MIN_INDEXED_TERM) {
      params[name] = `"${term.replace(/"/g, '""')}"`
      return `p.seq IN (SELECT t.plan_seq FROM plan_text t WHERE t.id IN (SELECT rowid FROM plan_text_fts WHERE plan_text_fts MATCH @${name}))`
    }
    params[name] = `%${term.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
    return `p.seq IN (SELECT plan_seq FROM plan_text WHERE text LIKE @${name} ESCAPE '\\')`
  })
  return { clauses, params }
}

const toItem = (r: PlanRow): PlanListItem => ({
  id: r.id,
  title: r.title,
  codeName: r.code_name,
  status: r.status,
  phase: r.phase,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  area: r.area,
  counterpart: r.counterpart ? { stationId: r.counterpart, name: r.counterpart_name } : null,
  lastEdit: r.updated_at ? { at: r.updated_at, from: r.updated_from } : null,
  signoff: r.signoff,
  unsignedChanges: r.signoff !== 'agreed',
  tasks: { total: r.tasks_total, open: r.tasks_open }
})

/** The plan list and search over the materialised `plans` table, seen from this station. */
export class PlanQueries {
  private readonly one: Statement
  private readonly hashOf: Statement

  constructor(
    private readonly db: Database,
    private readonly self: string
  ) {
    this.one = db.prepare(`${this.select()} WHERE p.id = @id`)
    this.hashOf = db.prepare('SELECT content_hash FROM plans WHERE id = ?').pluck()
  }

  list(q: PlanQueryParsed): PlanPage {
    const clauses: string[] = []
    const params: Record<string, unknown> = { self: this.self }
    if (q.status) {
      clauses.push('p.status = @status')
      params.status = q.status
    }
    if (q.from) {
      clauses.push(`${ENDS} >= @from`)
      params.from = q.from
    }
    if (q.to) {
      clauses.push(`${STARTS} != '' AND ${STARTS} <= @to`)
      params.to = q.to
    }
    if (q.counterpart) {
      clauses.push('@counterpart IN (p.origin_station, p.partner_station)')
      params.counterpart = q.counterpart
    }
    const text = textClauses(q.q)
    clauses.push(...text.clauses)
    Object.assign(params, text.params)
    const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''
    const total = this.db.prepare(`SELECT count(*) FROM plans p ${where}`).pluck().get(params) as number
    const rows = this.db
      .prepare(`${this.select()} ${where} ORDER BY ${SORT_COLUMNS[q.sort]} ${q.dir === 'asc' ? 'ASC' : 'DESC'}, p.seq LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: q.limit, offset: q.offset }) as PlanRow[]
    return { total, rows: rows.map(toItem) }
  }

  /** The list entry of one plan (for its counterpart and last edit), or null if it has no row yet. */
  item(id: string): PlanListItem | null {
    const row = this.one.get({ id, self: this.self }) as PlanRow | undefined
    return row ? toItem(row) : null
  }

  /** The content hash as last materialised, or null if the plan has no row yet. */
  contentHash(id: string): string | null {
    return (this.hashOf.get(id) as string | undefined) ?? null
  }

  private select(): string {
    return `SELECT p.*, ${COUNTERPART} AS counterpart,
              (SELECT name FROM peers WHERE station_id = ${COUNTERPART}) AS counterpart_name
            FROM plans p`
  }
}
