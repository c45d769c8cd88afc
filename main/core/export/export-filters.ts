import type { ExportFilters } from '../../../preload/api'
import { ApiError } from '../api/api-error'
import { SqlFilter } from '../db/sql-filter'

/** The SQL expression each filter compares against, for one kind of row; a filter left out does not apply to it. */
export interface FilterColumns {
  /** ISO 8601 UTC text: when it happened, was sent or was recorded. */
  date: string
  category?: string
  status?: string
  agency?: string
  /** 0/1 column: rows with 1 are left out unless includeVoided. */
  voided?: string
  /** A condition on @counterpart: the row was sent by that counterpart, or to it. */
  counterpart?: string
}

const EQUALITY = ['category', 'status', 'agency'] as const

/**
 * WHERE clause for the filters, with the same day semantics as the case log search (a plain date is that
 * whole day in the station's local time). A filter that cannot apply is refused by name, not ignored: an
 * export silently wider than asked would be handed on as if it were filtered.
 */
export function filterWhere(filters: ExportFilters, columns: FilterColumns, rowsName: string): { where: string; params: Record<string, unknown> } {
  const filter = new SqlFilter()
  for (const key of EQUALITY) {
    const value = filters[key]
    if (value === undefined) continue
    const column = columns[key]
    if (!column) throw notApplicable(key, rowsName)
    filter.equals(column, key, value)
  }
  if (filters.includeVoided !== undefined && !columns.voided) throw notApplicable('includeVoided', rowsName)
  if (columns.voided && !filters.includeVoided) filter.add(`${columns.voided} = 0`)
  if (filters.counterpart !== undefined) {
    if (!columns.counterpart) throw notApplicable('counterpart', rowsName)
    filter.add(`(${columns.counterpart})`, { counterpart: filters.counterpart })
  }
  filter.dateRange(columns.date, filters)
  const { params } = filter
  if (params.from !== undefined && params.to !== undefined && (params.from as string) > (params.to as string)) {
    throw new ApiError('invalid_input', 'Invalid export filters — filters.to: the end of the range is before its start', [
      { path: 'filters.to', message: 'the end of the range is before its start' }
    ])
  }
  return { where: filter.where(), params }
}

function notApplicable(key: string, rowsName: string): ApiError {
  const message = `${key} does not apply to ${rowsName}`
  return new ApiError('invalid_input', `Invalid export filters — filters.${key}: ${message}`, [{ path: `filters.${key}`, message }])
}
