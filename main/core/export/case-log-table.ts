/**
 * The case log as a table: one row per case, oldest first, plus (in XLSX) one row per seized item so that
 * quantities are numbers a spreadsheet can add up.
 */
import type { Case as CaseRecord } from '../../../preload/api'
import { col, firstColumn, type ExportTable, type Row, type TableContext } from './export-table'
import { filterWhere } from './export-filters'

const CASE_COLUMNS = [
  col('ref', 'text', 16),
  col('occurred_at', 'datetime', 18),
  col('category', 'text', 18),
  col('agency', 'text', 12),
  col('status', 'text', 13),
  col('location', 'text', 32),
  col('location_kind', 'text', 12),
  col('latitude', 'number', 10),
  col('longitude', 'number', 10),
  col('officer', 'text', 24),
  col('summary', 'text', 60),
  col('items', 'text', 50),
  col('item_count', 'integer', 10),
  col('person_count', 'integer', 12),
  col('nationalities', 'text', 16),
  col('plates', 'text', 18),
  col('narrative', 'text', 60),
  col('recorded_at', 'datetime', 18),
  col('recorded_by', 'text', 20),
  col('updated_at', 'datetime', 18),
  col('updated_by', 'text', 20),
  col('version', 'integer', 8),
  col('voided', 'integer', 8),
  col('void_reason', 'text', 30),
  col('case_id', 'text', 38)
]

/** The stored case, as the API returns it (preload/schemas/cases.ts); parsed once per row. */
type StoredCase = CaseRecord

const itemsText = (c: StoredCase) => c.items.map((i) => `${i.commodity} ${i.quantity} ${i.unit}`).join('; ') || null

function nationalities(c: StoredCase): string | null {
  const counts = new Map<string, number>()
  for (const p of c.persons) if (p.nationality) counts.set(p.nationality, (counts.get(p.nationality) ?? 0) + 1)
  if (!counts.size) return null
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))
    .map(([code, n]) => `${code} ×${n}`)
    .join(', ')
}

const plates = (c: StoredCase) =>
  c.conveyances
    .map((v) => v.plate)
    .filter(Boolean)
    .join(', ') || null

function caseRow(c: StoredCase): Row {
  return [
    c.ref, c.occurredAt, c.category, c.agency, c.status, c.location, c.locationKind, c.lat ?? null, c.lon ?? null, c.officer,
    c.summary, itemsText(c), c.items.length, c.persons.length, nationalities(c), plates(c), c.narrative,
    c.createdAt, c.createdBy, c.updatedAt, c.updatedBy, c.version, c.voided ? 1 : 0, c.voided?.reason ?? null, c.id
  ]
}

/** Reading the JSON once in JavaScript is several times faster than many json_extract calls per row in SQL. */
function* caseRows(json: IterableIterator<string>): IterableIterator<Row> {
  for (const text of json) yield caseRow(JSON.parse(text) as StoredCase)
}

const ITEM_COLUMNS = [
  col('ref', 'text', 16),
  col('occurred_at', 'datetime', 18),
  col('category', 'text', 18),
  col('agency', 'text', 12),
  col('commodity', 'text', 36),
  col('quantity', 'number', 14),
  col('unit', 'text', 10),
  col('species', 'text', 24),
  col('chemical', 'text', 24)
]

function* itemRows(json: IterableIterator<string>): IterableIterator<Row> {
  for (const text of json) {
    const c = JSON.parse(text) as StoredCase
    for (const i of c.items) yield [c.ref, c.occurredAt, c.category, c.agency, i.commodity, i.quantity, i.unit, i.species ?? null, i.chemical ?? null]
  }
}

export function caseLogTable({ db, filters }: TableContext): ExportTable {
  const { where, params } = filterWhere(
    filters,
    { date: 'c.occurred_at', category: 'c.category', status: 'c.status', agency: 'c.agency', voided: 'c.voided' },
    'the case log'
  )
  // Same order as the partial index cases_by_occurred (migration 1): no sort step, whatever the size.
  const order = 'ORDER BY c.occurred_at, c.seq'
  return {
    what: 'cases',
    count: () => db.prepare(`SELECT count(*) FROM cases c ${where}`).pluck().get(params) as number,
    sheets: [
      { name: 'Cases', columns: CASE_COLUMNS, rows: () => caseRows(firstColumn(db, `SELECT c.data FROM cases c ${where} ${order}`, params)) },
      {
        name: 'Items',
        columns: ITEM_COLUMNS,
        rows: () => itemRows(firstColumn(db, `SELECT c.data FROM cases c ${where} ${order}`, params))
      }
    ],
    json: () => firstColumn(db, `SELECT c.data FROM cases c ${where} ${order}`, params)
  }
}
