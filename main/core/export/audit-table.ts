/**
 * The audit trail as written (table audit_log, main/core/audit): every entry with its chain hashes, so the
 * recipient can check the chain again from the file. A date range exported from the middle of the trail
 * starts at an entry whose prev_hash is the last one left out.
 */
import { ApiError } from '../api/api-error'
import { tableExists } from '../db/table-exists'
import { col, firstColumn, rawRows, type ExportTable, type TableContext } from './export-table'
import { filterWhere } from './export-filters'

const COLUMNS = [
  col('id', 'integer', 8),
  col('at', 'datetime', 18),
  col('actor', 'text', 20),
  col('action', 'text', 22),
  col('target_type', 'text', 12),
  col('target_id', 'text', 38),
  col('target_label', 'text', 24),
  col('detail', 'text', 60),
  col('prev_hash', 'text', 66),
  col('hash', 'text', 66)
]

const SELECT = 'id, at, actor, action, target_type, target_id, target_label, detail, prev_hash, hash'
const JSON_OBJECT = `json_object('id', id, 'at', at, 'actor', actor, 'action', action,
  'target', CASE WHEN target_type IS NULL THEN NULL ELSE json_object('type', target_type, 'id', target_id, 'label', target_label) END,
  'detail', CASE WHEN json_valid(detail) THEN json(detail) ELSE detail END, 'prevHash', prev_hash, 'hash', hash)`

export function auditTable({ db, filters }: TableContext): ExportTable {
  if (!tableExists(db, 'audit_log')) {
    throw new ApiError('unavailable', 'This station has no audit trail yet; it is kept from the version that adds user accounts.')
  }
  const { where, params } = filterWhere(filters, { date: 'at' }, 'the audit trail')
  const order = 'ORDER BY id'
  return {
    what: 'audit',
    count: () => db.prepare(`SELECT count(*) FROM audit_log ${where}`).pluck().get(params) as number,
    sheets: [{ name: 'Audit trail', columns: COLUMNS, rows: () => rawRows(db, `SELECT ${SELECT} FROM audit_log ${where} ${order}`, params) }],
    json: () => firstColumn(db, `SELECT ${JSON_OBJECT} FROM audit_log ${where} ${order}`, params)
  }
}
