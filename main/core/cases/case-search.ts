import type { Database } from 'better-sqlite3'
import type { CasePage, CaseQueryParsed as ParsedQuery, CaseSummary } from '../../../preload/api'

/** Sort keys, each ending in a unique column so paging is stable; they follow the indexes of migration 1. */
const SORT_KEYS: Record<ParsedQuery['sort'], string[]> = {
  occurredAt: ['occurred_at', 'seq'],
  updatedAt: ['updated_at', 'seq'],
  ref: ['ref'],
  category: ['category', 'occurred_at', 'seq'],
  status: ['status', 'occurred_at', 'seq']
}

/** The trigram index needs three characters; shorter terms (a two-letter Thai word, a plate prefix) are scanned. */
const MIN_INDEXED_TERM = 3

const phrase = (term: string) => `"${term.replace(/"/g, '""')}"`
const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (m) => `\\${m}`)}%`

/** A plain date means that whole day in the station's local time; a date-time is taken as given. */
export function rangeBound(value: string, edge: 'from' | 'to'): string {
  if (value.length > 10) return new Date(value).toISOString()
  const [y, m, d] = value.split('-').map(Number)
  const local = edge === 'from' ? new Date(y, m - 1, d) : new Date(y, m - 1, d + 1, 0, 0, 0, -1)
  return local.toISOString()
}

function whereClause(q: ParsedQuery): { sql: string; params: unknown[] } {
  const clauses: string[] = []
  const params: unknown[] = []
  if (!q.includeVoided) clauses.push('voided = 0')
  for (const [column, value] of [
    ['category', q.category],
    ['status', q.status],
    ['agency', q.agency]
  ] as const) {
    if (value) {
      clauses.push(`${column} = ?`)
      params.push(value)
    }
  }
  if (q.from) {
    clauses.push('occurred_at >= ?')
    params.push(rangeBound(q.from, 'from'))
  }
  if (q.to) {
    clauses.push('occurred_at <= ?')
    params.push(rangeBound(q.to, 'to'))
  }
  const terms = (q.q ?? '').split(/\s+/u).filter(Boolean)
  const indexed = terms.filter((t) => [...t].length >= MIN_INDEXED_TERM)
  if (indexed.length) {
    clauses.push('seq IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?)')
    params.push(indexed.map(phrase).join(' AND '))
  }
  for (const short of terms.filter((t) => [...t].length < MIN_INDEXED_TERM)) {
    clauses.push("seq IN (SELECT rowid FROM cases_fts WHERE text LIKE ? ESCAPE '\\')")
    params.push(likePattern(short))
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params }
}

export function searchCases(db: Database, q: ParsedQuery): CasePage {
  const { sql: where, params } = whereClause(q)
  const dir = q.dir === 'asc' ? 'ASC' : 'DESC'
  const total = (db.prepare(`SELECT count(*) AS n FROM cases ${where}`).get(...params) as { n: number }).n
  const rows = db
    .prepare(
      `SELECT id, ref, version, status, category, agency, voided, updated_at AS updatedAt,
              data ->> '$.occurredAt' AS occurredAt, data ->> '$.location' AS location, data ->> '$.summary' AS summary,
              json_array_length(data, '$.items') AS itemCount, json_array_length(data, '$.persons') AS personCount
       FROM cases ${where}
       ORDER BY ${SORT_KEYS[q.sort].map((key) => `${key} ${dir}`).join(', ')}
       LIMIT ? OFFSET ?`
    )
    .all(...params, q.limit, q.offset) as (Omit<CaseSummary, 'voided'> & { voided: number })[]
  return { total, rows: rows.map((r) => ({ ...r, voided: r.voided === 1 })) }
}
