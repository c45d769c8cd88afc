import { rangeBound } from './range-bound'
import { textMatch } from './text-match'

/**
 * The WHERE clause of a list query and its named parameters, grown from the filters the query was given: a filter
 * left empty adds nothing, so one statement text serves every combination the screens send.
 */
export class SqlFilter {
  private readonly clauses: string[] = []
  readonly params: Record<string, unknown> = {}

  /** A clause that always applies, with the parameters it names. */
  add(clause: string, params: Record<string, unknown> = {}): this {
    this.clauses.push(clause)
    Object.assign(this.params, params)
    return this
  }

  /** `clause` with @name bound to the value, when there is one. */
  when(value: unknown, name: string, clause: string): this {
    return value === undefined || value === null || value === '' || value === false ? this : this.add(clause, { [name]: value })
  }

  /** `column = @name`, when a value is given. */
  equals(column: string, name: string, value: unknown): this {
    return this.when(value, name, `${column} = @${name}`)
  }

  /** A date or date-time range on a column; a plain date means its whole day in the station's local time. */
  dateRange(column: string, range: { from?: string; to?: string }): this {
    if (range.from) this.add(`${column} >= @from`, { from: rangeBound(range.from, 'from') })
    if (range.to) this.add(`${column} <= @to`, { to: rangeBound(range.to, 'to') })
    return this
  }

  /** Rows whose text (indexed in ftsTable by `rowid`) holds every term of q, when q has any. */
  matching(q: string | undefined, rowid: string, ftsTable: string): this {
    const match = textMatch(q, rowid, ftsTable)
    return match ? this.add(match.clause, match.params) : this
  }

  where(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : ''
  }
}
