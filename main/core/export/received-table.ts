/**
 * Records the counterpart shared with this station, as the exchange views hold them (withdrawn ones keep
 * their row, with the withdrawal and no case). Only the field groups the counterpart chose to send are there.
 */
import { col, firstColumn, rawRows, type ExportTable, type TableContext } from './export-table'
import { filterWhere } from './export-filters'

const COLUMNS = [
  col('origin_station', 'text', 34),
  col('record_id', 'text', 38),
  col('case_ref', 'text', 16),
  col('revision', 'integer', 9),
  col('occurred_at', 'datetime', 18),
  col('category', 'text', 18),
  col('agency', 'text', 12),
  col('location', 'text', 32),
  col('summary', 'text', 60),
  col('items', 'text', 50),
  col('person_count', 'integer', 12),
  col('fields_shared', 'text', 30),
  col('shared_at', 'datetime', 18),
  col('shared_by', 'text', 20),
  col('updated_at', 'datetime', 18),
  col('withdrawn_at', 'datetime', 18),
  col('withdrawal_reason', 'text', 30),
  col('read_here_at', 'datetime', 18)
]

const SELECT = `
  r.origin, r.record_id, r.case_ref, r.revision, r.data ->> '$.case.occurredAt', r.category, r.data ->> '$.case.agency',
  r.location, r.summary,
  (SELECT group_concat((i.value ->> 'commodity') || ' ' || (i.value ->> 'quantity') || ' ' || (i.value ->> 'unit'), '; ')
     FROM json_each(r.data, '$.case.items') i),
  json_array_length(r.data, '$.case.persons'),
  (SELECT group_concat(f.value, ', ') FROM json_each(r.fields) f),
  r.shared_at, r.data ->> '$.sharedBy', r.updated_at, r.withdrawn_at, r.data ->> '$.withdrawn.reason',
  (SELECT min(x.sent_at) FROM exchange_messages x WHERE x.kind = 'read' AND x.target_type = 'record'
     AND x.target_origin = r.origin AND x.target_id = r.record_id AND x.origin = @self AND x.target_revision >= r.revision)`

export function receivedTable({ db, filters, self }: TableContext): ExportTable {
  const filtered = filterWhere(
    filters,
    { date: 'r.occurred_at', category: 'r.category', agency: "r.data ->> '$.case.agency'", counterpart: 'r.origin = @counterpart' },
    'received records'
  )
  const where = `${filtered.where ? `${filtered.where} AND` : 'WHERE'} r.origin <> @self`
  const params = { ...filtered.params, self }
  const order = 'ORDER BY r.occurred_at, r.seq'
  return {
    what: 'received',
    count: () => db.prepare(`SELECT count(*) FROM exchange_records r ${where}`).pluck().get(params) as number,
    sheets: [{ name: 'Received records', columns: COLUMNS, rows: () => rawRows(db, `SELECT ${SELECT} FROM exchange_records r ${where} ${order}`, params) }],
    json: () =>
      firstColumn(
        db,
        `SELECT json_object('origin', r.origin, 'doc', r.doc, 'record', json(r.data)) FROM exchange_records r ${where} ${order}`,
        params
      )
  }
}
