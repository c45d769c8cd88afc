/**
 * What every table export is made of, whatever the format: named columns with a type (so XLSX can store
 * dates as dates and quantities as numbers) and rows read lazily from SQLite, one at a time.
 */
import type { Database } from 'better-sqlite3'
import type { ExportFilters, ExportKind } from '../../../preload/api'

export type ColumnType = 'text' | 'integer' | 'number' | 'datetime'

export interface Column {
  /** Header in every format: stable snake_case names, so scripts reading the files keep working. */
  key: string
  type: ColumnType
  /** Spreadsheet column width, in characters. */
  width: number
}

/** Values in column order: strings, numbers, null; datetimes as ISO 8601 strings. */
export type Row = readonly (string | number | null)[]

export interface Sheet {
  name: string
  columns: readonly Column[]
  rows(): IterableIterator<Row>
}

export interface ExportTable {
  what: ExportKind
  /** Rows of the main sheet, counted before writing so progress has a total. */
  count(): number
  /** The first sheet is the main one (CSV and the row count use it); XLSX writes them all. */
  sheets: readonly Sheet[]
  /** JSON: one already serialised object per main row, richer than the flat columns (nested items, persons). */
  json(): IterableIterator<string>
}

export interface TableContext {
  /** A read-only connection inside a read transaction: one consistent snapshot for count and rows. */
  db: Database
  filters: ExportFilters
  /** This station's ID: it tells our documents from the counterpart's. */
  self: string
}

export const col = (key: string, type: ColumnType, width: number): Column => ({ key, type, width })

/** better-sqlite3 `.raw()` statements give rows as arrays, in SELECT order: exactly the column order. */
export function rawRows(db: Database, sql: string, params: Record<string, unknown>): IterableIterator<Row> {
  return db.prepare(sql).raw(true).iterate(params) as IterableIterator<Row>
}

export function firstColumn(db: Database, sql: string, params: Record<string, unknown>): IterableIterator<string> {
  return db.prepare(sql).pluck(true).iterate(params) as IterableIterator<string>
}

