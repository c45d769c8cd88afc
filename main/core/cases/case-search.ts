import type { Database } from 'better-sqlite3'
import type { CasePage, CaseQueryParsed as ParsedQuery, CaseSummary } from '../../../preload/api'
import { rangeBound } from '../db/range-bound'
import { matchingRowids } from '../db/text-match'

/** Sort keys, each ending in a unique column so paging is stable; they follow the indexes of migration 1. */
const SORT_KEYS: Record<ParsedQuery['sort'], string[]> = {
  occurredAt: ['occurred_at', 'seq'],
  updatedAt: ['updated_at', 'seq'],
  ref: ['ref'],
  category: ['category', 'occurred_at', 'seq'],
  status: ['status', 'occurred_at', 'seq']
}

/** A text search takes at most this many matches (the most recently logged); the page says so when it did. */
export const MAX_TEXT_MATCHES = 10_000

function filterClauses(q: ParsedQuery): { clauses: string[]; params: unknown[] } {
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
  return { clauses, params }
}

/**
 * Paging asks the same question again and again: the text matches and the count of a query are kept until
 * the next write on this connection (all writes go through it).
 */
const memo = new WeakMap<Database, { changes: number; values: Map<string, unknown> }>()

function remembered<T>(db: Database, key: string, compute: () => T): T {
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number
  let cache = memo.get(db)
  if (!cache || cache.changes !== changes) {
    cache = { changes, values: new Map() }
    memo.set(db, cache)
  }
  if (!cache.values.has(key)) cache.values.set(key, compute())
  return cache.values.get(key) as T
}

type SummaryRow = Omit<CaseSummary, 'voided'> & { voided: number; seq: number }

const SUMMARY_COLUMNS = `seq, id, ref, version, status, category, agency, voided, updated_at AS updatedAt,
  data ->> '$.occurredAt' AS occurredAt, data ->> '$.location' AS location, data ->> '$.summary' AS summary,
  json_array_length(data, '$.items') AS itemCount, json_array_length(data, '$.persons') AS personCount`

export function searchCases(db: Database, q: ParsedQuery, maxMatches = MAX_TEXT_MATCHES): CasePage {
  const { clauses, params } = filterClauses(q)
  const candidates = remembered(db, `match\u0000${maxMatches}\u0000${q.q ?? ''}`, () => matchingRowids(db, 'cases_fts', q.q, maxMatches))
  if (candidates) {
    clauses.push('seq IN (SELECT value FROM json_each(?))')
    params.push(JSON.stringify(candidates.rowids))
  }
  // Text matches are looked up by seq: the narrow covering index answers filters, count and order without
  // reading the wide rows (the planner would otherwise pick the table itself). Browsing uses the partial indexes.
  const source = candidates ? 'cases INDEXED BY cases_keys' : 'cases'
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''
  const dir = q.dir === 'asc' ? 'ASC' : 'DESC'
  const countSql = `SELECT count(*) FROM ${source} ${where}`
  const total = remembered(db, `${countSql}\u0000${JSON.stringify(params)}`, () => db.prepare(countSql).pluck().get(...params) as number)
  const page = db
    .prepare(`SELECT seq FROM ${source} ${where} ORDER BY ${SORT_KEYS[q.sort].map((key) => `${key} ${dir}`).join(', ')} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...params, q.limit, q.offset) as number[]
  const bySeq = new Map(
    (db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM cases WHERE seq IN (SELECT value FROM json_each(?))`).all(JSON.stringify(page)) as SummaryRow[]).map(
      (r) => [r.seq, r]
    )
  )
  const rows = page.map((seq) => {
    const { seq: _seq, voided, ...row } = bySeq.get(seq)!
    return { ...row, voided: voided === 1 }
  })
  return { total, capped: candidates?.capped ?? false, rows }
}
