import { createHash } from 'node:crypto'
import * as Y from 'yjs'

/**
 * What a peer needs to know to decide whether a document differs: its state vector (inserted content)
 * and a hash of its delete set. Deletions do not advance the state vector, so comparing state vectors
 * alone would miss text an officer deleted while the link was down.
 */
export interface DocFingerprint {
  stateVector: Uint8Array
  deleteHash: Uint8Array
}

export function fingerprint(doc: Y.Doc): DocFingerprint {
  const stateVector = Y.encodeStateVector(doc)
  // An update against our own state vector carries no content, only the (sorted, merged) delete set.
  const deletesOnly = Y.encodeStateAsUpdateV2(doc, stateVector)
  return { stateVector, deleteHash: createHash('sha256').update(deletesOnly).digest().subarray(0, 8) }
}

/** What a peer holding nothing of a document holds (computed once: every session asks for it). */
export const EMPTY_FINGERPRINT = fingerprint(new Y.Doc())

/** True when a holder of `theirs` is missing inserted content we have. */
export function hasContentBeyond(ours: Uint8Array, theirs: Uint8Array): boolean {
  const mine = Y.decodeStateVector(ours)
  const other = Y.decodeStateVector(theirs)
  for (const [client, clock] of mine) if ((other.get(client) ?? 0) < clock) return true
  return false
}

export const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b))

export const sameFingerprint = (a: DocFingerprint, b: DocFingerprint) => sameBytes(a.stateVector, b.stateVector) && sameBytes(a.deleteHash, b.deleteHash)

export function isEmptyFingerprint(f: DocFingerprint): boolean {
  return Y.decodeStateVector(f.stateVector).size === 0
}

/** One hash over every shared document's fingerprint: equal digests mean there is nothing to exchange. */
export function digestOf(entries: Iterable<[string, DocFingerprint]>): Uint8Array {
  const hash = createHash('sha256')
  for (const [name, f] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    hash.update(name).update('\0').update(f.stateVector).update(f.deleteHash)
  }
  return hash.digest()
}
