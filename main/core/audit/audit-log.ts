import type { Database, Statement } from 'better-sqlite3'
import type { AuditEntry, AuditPage, AuditQueryParsed, AuditTarget } from '../../../preload/api'
import { SqlFilter } from '../db/sql-filter'
import type { AuditAction } from './audit-actions'
import { entryHash, GENESIS_HASH } from './audit-hash'
import { canonicalJson } from '../canonical-json'

/** What a change's code hands the trail; the log adds the number, the time and the hashes. */
export interface AuditRecord {
  /** A username, `cli:<os user>`, or `peer:<station ID>`. */
  actor: string
  action: AuditAction
  target?: AuditTarget | null
  /** Before/after summary and particulars: plain JSON values only. */
  detail?: Record<string, unknown>
}

export interface AuditRow {
  id: number
  at: string
  actor: string
  action: string
  target_type: string | null
  target_id: string | null
  target_label: string | null
  detail: string
  prev_hash: string
  hash: string
}

export const AUDIT_COLUMNS = 'id, at, actor, action, target_type, target_id, target_label, detail, prev_hash, hash'

export function targetOf(row: AuditRow): AuditTarget | null {
  return row.target_type === null ? null : { type: row.target_type, id: row.target_id ?? '', label: row.target_label ?? '' }
}

/** An entry as the API shows it; a detail that no longer parses (a hand-edited row) is shown as its raw text. */
export function toEntry(row: AuditRow): AuditEntry {
  let detail: Record<string, unknown>
  try {
    detail = JSON.parse(row.detail) as Record<string, unknown>
  } catch {
    detail = { unreadable: row.detail }
  }
  return { id: row.id, at: row.at, actor: row.actor, action: row.action, target: targetOf(row), detail, prevHash: row.prev_hash, hash: row.hash }
}

/**
 * The hash-chained audit trail. record() is called by each repository inside the transaction of the change
 * it describes, so the change and its entry commit together or not at all. Nothing here updates or deletes
 * (the table's triggers refuse it too); audit_head keeps the last entry so a cut-off tail shows.
 */
export class AuditLog {
  private readonly lastEntry: Statement
  private readonly insert: Statement
  private readonly setHead: Statement

  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date()
  ) {
    this.lastEntry = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1')
    this.insert = db.prepare(`
      INSERT INTO audit_log (id, at, actor, action, target_type, target_id, target_label, detail, prev_hash, hash)
      VALUES (@id, @at, @actor, @action, @targetType, @targetId, @targetLabel, @detail, @prevHash, @hash)`)
    this.setHead = db.prepare(`
      INSERT INTO audit_head (only, last_id, last_hash) VALUES (1, @id, @hash)
      ON CONFLICT (only) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash`)
  }

  /** Appends one entry. Inside a transaction it joins it (as a savepoint); outside, it commits on its own. */
  record(entry: AuditRecord): AuditEntry {
    return this.db.transaction(() => {
      const last = this.lastEntry.get() as { id: number; hash: string } | undefined
      const target = entry.target ?? null
      const hashed = {
        id: (last?.id ?? 0) + 1,
        at: this.now().toISOString(),
        actor: entry.actor,
        action: entry.action,
        target,
        // Through canonical JSON and back, so what is hashed is exactly what a verifier will read from the row.
        detail: JSON.parse(canonicalJson(entry.detail ?? {})) as Record<string, unknown>
      }
      const prevHash = last?.hash ?? GENESIS_HASH
      const hash = entryHash(prevHash, hashed)
      this.insert.run({
        id: hashed.id,
        at: hashed.at,
        actor: hashed.actor,
        action: hashed.action,
        targetType: target?.type ?? null,
        targetId: target?.id ?? null,
        targetLabel: target?.label ?? null,
        detail: canonicalJson(hashed.detail),
        prevHash,
        hash
      })
      this.setHead.run({ id: hashed.id, hash })
      return { ...hashed, prevHash, hash }
    })()
  }

  /** Newest first, filtered, paged by id. */
  list(query: AuditQueryParsed): AuditPage {
    const filter = new SqlFilter()
      .equals('actor', 'actor', query.actor)
      // "case" means the family case.*; '/' sorts right after '.', so the range stays on the index.
      .when(query.action, 'action', "(action = @action OR (action > @action || '.' AND action < @action || '/'))")
      .equals('target_type', 'targetType', query.targetType)
      .equals('target_id', 'targetId', query.targetId)
      .dateRange('at', query)
      .when(query.before, 'before', 'id < @before')
    const rows = this.db
      .prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_log ${filter.where()} ORDER BY id DESC LIMIT @limit`)
      .all({ ...filter.params, limit: query.limit + 1 }) as AuditRow[]
    const more = rows.length > query.limit
    const page = more ? rows.slice(0, query.limit) : rows
    return { rows: page.map(toEntry), nextBefore: more ? page[page.length - 1].id : null }
  }
}
