/**
 * What SQLite does for a search: runs the station's own search function against a connection that records
 * each statement and its parameters, then asks SQLite for the plan and times each statement on its own.
 */
import Database from 'better-sqlite3'
import { searchCases } from '../../main/core/cases/case-search'
import { CaseQuery, type CaseQuery as CaseQueryInput } from '../../preload/schemas/cases'

export interface StatementReport {
  sql: string
  params: unknown[]
  plan: string[]
  ms: number
}

interface Recorded {
  sql: string
  params: unknown[]
}

function recording(db: Database.Database, log: Recorded[]): Database.Database {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') {
        return (sql: string) => {
          const statement = target.prepare(sql)
          const proxy: Database.Statement = new Proxy(statement, {
            get(s, p) {
              if (p === 'get' || p === 'all') {
                return (...params: unknown[]) => {
                  log.push({ sql, params })
                  return (s[p] as (...a: unknown[]) => unknown)(...params)
                }
              }
              const value = Reflect.get(s, p) as unknown
              if (typeof value !== 'function') return value
              // pluck(), raw() and friends return the statement itself: keep returning the recording one.
              return (...args: unknown[]) => {
                const result = (value as (...a: unknown[]) => unknown).apply(s, args)
                return result === s ? proxy : result
              }
            }
          })
          return proxy
        }
      }
      const value = Reflect.get(target, prop) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    }
  })
}

/** Indents plan rows by their parent links, as the sqlite3 shell does. */
function planTree(rows: { id: number; parent: number; detail: string }[]): string[] {
  const depth = new Map<number, number>([[0, -1]])
  return rows.map((r) => {
    const d = (depth.get(r.parent) ?? -1) + 1
    depth.set(r.id, d)
    return `${'  '.repeat(d)}${r.detail}`
  })
}

export function explainSearch(file: string, query: CaseQueryInput): StatementReport[] {
  const db = new Database(file, { readonly: true })
  try {
    const log: Recorded[] = []
    searchCases(recording(db, log), CaseQuery.parse(query))
    // Reads of the station's own bookkeeping (total_changes()) touch no table: nothing to explain.
    return log.filter(({ sql }) => /\bFROM\b/i.test(sql)).map(({ sql, params }) => {
      const plan = planTree(db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { id: number; parent: number; detail: string }[])
      const statement = db.prepare(sql)
      const start = performance.now()
      if (statement.reader) statement.all(...params)
      return { sql: sql.replace(/\s+/g, ' ').trim(), params, plan, ms: performance.now() - start }
    })
  } finally {
    db.close()
  }
}
