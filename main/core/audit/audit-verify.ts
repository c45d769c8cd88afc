import type { Database } from 'better-sqlite3'
import type { AuditFailureReason, AuditVerification } from '../../../preload/api'
import { entryHash, GENESIS_HASH } from './audit-hash'
import { AUDIT_COLUMNS, targetOf, type AuditRow } from './audit-log'

interface Link {
  id: number
  hash: string
}

function recomputed(row: AuditRow): string | null {
  let detail: Record<string, unknown>
  try {
    detail = JSON.parse(row.detail) as Record<string, unknown>
  } catch {
    return null
  }
  if (detail === null || typeof detail !== 'object' || Array.isArray(detail)) return null
  return entryHash(row.prev_hash, { id: row.id, at: row.at, actor: row.actor, action: row.action, target: targetOf(row), detail })
}

/**
 * Walks the whole trail in order and names the first entry that does not verify: one missing from the
 * numbering, one whose "previous hash" is not its predecessor's hash, or one whose content no longer gives
 * its own hash. The stored head (the last entry the station wrote) catches a cut-off or extended tail.
 * Read-only: safe on a copy of a data folder handed to an inspector.
 */
export function verifyAuditTrail(db: Database): AuditVerification {
  const head = (db.prepare('SELECT last_id AS id, last_hash AS hash FROM audit_head WHERE only = 1').get() as Link | undefined) ?? null
  let previous: Link = { id: 0, hash: GENESIS_HASH }
  let verified = 0
  const fail = (entryId: number, reason: AuditFailureReason, message: string): AuditVerification => ({
    intact: false,
    verified,
    head,
    failure: { entryId, reason, message }
  })

  for (const row of db.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_log ORDER BY id`).iterate() as IterableIterator<AuditRow>) {
    const expected = previous.id + 1
    if (row.id !== expected) {
      const gap = row.id - 1 === expected ? `entry ${expected} was` : `entries ${expected}–${row.id - 1} were`
      const where = previous.id === 0 ? `the trail starts at entry ${row.id}` : `the trail goes from entry ${previous.id} to entry ${row.id}`
      return fail(expected, 'entry_missing', `Audit entry ${expected} is missing: ${gap} removed (${where}).`)
    }
    if (row.prev_hash !== previous.hash) {
      const before = previous.id === 0 ? 'the start of the trail' : `entry ${previous.id}`
      return fail(row.id, 'chain_broken', `Audit entry ${row.id} does not follow from ${before}: the previous hash it holds is not ${before}'s hash, so one of them was rewritten or replaced.`)
    }
    if (recomputed(row) !== row.hash) {
      return fail(row.id, 'content_changed', `Audit entry ${row.id} (${row.action.slice(0, 60)} by ${row.actor.slice(0, 60)}) was changed after it was written: its content no longer matches its hash.`)
    }
    previous = { id: row.id, hash: row.hash }
    verified++
  }

  if (!head) {
    if (previous.id === 0) return { intact: true, verified, head, failure: null }
    return fail(previous.id, 'chain_broken', `The station's record of its last audit entry was removed, so the end of the trail (entry ${previous.id}) cannot be confirmed.`)
  }
  if (previous.id < head.id) {
    const first = previous.id + 1
    const span = first === head.id ? `entry ${first} is` : `entries ${first}–${head.id} are`
    return fail(first, 'entry_missing', `Audit ${span} missing: the station wrote ${head.id} entries, the trail ends at entry ${previous.id}.`)
  }
  if (previous.id > head.id) {
    return fail(head.id + 1, 'entry_added', `Audit entry ${head.id + 1} was added outside the station: the last entry the station wrote is ${head.id}.`)
  }
  if (previous.hash !== head.hash) {
    return fail(head.id, 'content_changed', `Audit entry ${head.id} is not the entry the station wrote last: it was rewritten (with recomputed hashes).`)
  }
  return { intact: true, verified, head, failure: null }
}
