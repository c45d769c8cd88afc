import type { Database } from 'better-sqlite3'

/** The trigram index needs three characters; shorter terms (a two-letter Thai word, a plate prefix) are scanned. */
const MIN_INDEXED_TERM = 3

const phrase = (term: string) => `"${term.replace(/"/g, '""')}"`
const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (m) => `\\${m}`)}%`

/**
 * Conditions on a trigram FTS5 table (columns: rowid, text) requiring every whitespace-separated term of q to
 * occur as a substring of the text. Thai, Lao, Khmer and Burmese have no spaces between words, so only
 * substring matching finds a word inside a sentence.
 */
function termConditions(q: string | undefined, ftsTable: string): { conditions: string[]; params: Record<string, string> } {
  const terms = (q ?? '').split(/\s+/u).filter(Boolean)
  const conditions: string[] = []
  const params: Record<string, string> = {}
  const indexed = terms.filter((t) => [...t].length >= MIN_INDEXED_TERM)
  if (indexed.length) {
    conditions.push(`${ftsTable} MATCH @match`)
    params.match = indexed.map(phrase).join(' AND ')
  }
  terms
    .filter((t) => [...t].length < MIN_INDEXED_TERM)
    .forEach((short, i) => {
      conditions.push(`text LIKE @short${i} ESCAPE '\\'`)
      params[`short${i}`] = likePattern(short)
    })
  return { conditions, params }
}

/** A WHERE clause (named parameters) restricting `rowid` of another table to the rows whose text matches q; null when q has no terms. */
export function textMatch(q: string | undefined, rowid: string, ftsTable: string): { clause: string; params: Record<string, string> } | null {
  const { conditions, params } = termConditions(q, ftsTable)
  if (conditions.length === 0) return null
  return { clause: `${rowid} IN (SELECT rowid FROM ${ftsTable} WHERE ${conditions.join(' AND ')})`, params }
}

export interface Candidates {
  rowids: number[]
  /** More rows matched than were taken: the newest ones (by rowid) were kept. */
  capped: boolean
}

/**
 * The rows whose text holds every term, newest entries first, at most `cap` of them. A common word can match
 * a tenth of a million-case log; nobody pages through that, and stopping early keeps every search fast. The
 * caller says "cap+ matches — narrow the search" when capped.
 */
export function matchingRowids(db: Database, ftsTable: string, q: string | undefined, cap: number): Candidates | null {
  const { conditions, params } = termConditions(q, ftsTable)
  if (conditions.length === 0) return null
  const rowids = db
    .prepare(`SELECT rowid FROM ${ftsTable} WHERE ${conditions.join(' AND ')} ORDER BY rowid DESC LIMIT ${cap + 1}`)
    .pluck()
    .all(params) as number[]
  return { rowids: rowids.slice(0, cap), capped: rowids.length > cap }
}
