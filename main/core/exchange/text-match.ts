/** The trigram index needs three characters; shorter terms (a two-letter Thai word, a plate prefix) are scanned. */
const MIN_INDEXED_TERM = 3

const phrase = (term: string) => `"${term.replace(/"/g, '""')}"`
const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (m) => `\\${m}`)}%`

/**
 * WHERE clauses (named parameters @match, @short0…) requiring every whitespace-separated term of q to occur
 * as a substring of the row's text in a trigram FTS5 table whose rowid is `rowid`. Thai, Lao, Khmer and
 * Burmese have no spaces between words, so only substring matching finds a word inside a sentence.
 */
export function textMatch(q: string | undefined, rowid: string, ftsTable: string): { clauses: string[]; params: Record<string, string> } {
  const terms = (q ?? '').split(/\s+/u).filter(Boolean)
  const clauses: string[] = []
  const params: Record<string, string> = {}
  const indexed = terms.filter((t) => [...t].length >= MIN_INDEXED_TERM)
  if (indexed.length) {
    clauses.push(`${rowid} IN (SELECT rowid FROM ${ftsTable} WHERE ${ftsTable} MATCH @match)`)
    params.match = indexed.map(phrase).join(' AND ')
  }
  terms
    .filter((t) => [...t].length < MIN_INDEXED_TERM)
    .forEach((short, i) => {
      clauses.push(`${rowid} IN (SELECT rowid FROM ${ftsTable} WHERE text LIKE @short${i} ESCAPE '\\')`)
      params[`short${i}`] = likePattern(short)
    })
  return { clauses, params }
}
