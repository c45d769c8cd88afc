/**
 * How an audit entry is hashed, so anyone can redo it from the audit_log table alone:
 *   hash = hex(SHA-256(bytes of the previous entry's hash (64 zeros for entry 1) || UTF-8 canonical JSON of
 *          {"action", "actor", "at", "detail" (the parsed detail column), "id", "target" ({"id","label","type"} or null)}))
 * The writer and the verifier share this function.
 */
import { createHash } from 'node:crypto'
import { canonicalJson } from '../canonical-json'

/** The "previous hash" of the first entry. */
export const GENESIS_HASH = '0'.repeat(64)

/** Exactly the columns that are hashed; detail as the parsed JSON object. */
export interface HashedEntry {
  id: number
  at: string
  actor: string
  action: string
  target: { type: string; id: string; label: string } | null
  detail: Record<string, unknown>
}

export function entryHash(prevHash: string, entry: HashedEntry): string {
  return createHash('sha256')
    .update(Buffer.from(prevHash, 'hex'))
    .update(canonicalJson(entry), 'utf8')
    .digest('hex')
}
