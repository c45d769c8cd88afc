import type { DocInfo } from '../docs/doc-info'
import type { DocStore } from '../docs/doc-store'
import { hasContentBeyond, sameBytes, type DocFingerprint } from './doc-fingerprint'

/** One document's pending bytes, and what they were computed from. */
interface Figure {
  change: number
  theirs: Uint8Array
  bytes: number
}

/**
 * What this station holds that a peer is not known to hold, while the link is down: the "pending" the link
 * status shows. The status is computed after every dial attempt and every status call, and a full diff of a
 * large plan takes seconds; so each document's figure is kept until the document changes (the store's change
 * count) or what the peer is known to hold does, and only those documents are computed again.
 */
export class OfflinePending {
  private readonly figures = new Map<string, Figure>()

  constructor(private readonly store: DocStore) {}

  /** Documents among `docs` with something the peer lacks, and the bytes of what it lacks. */
  total(docs: DocInfo[], peerDocs: Map<string, DocFingerprint>): { docs: number; bytes: number } {
    let count = 0
    let bytes = 0
    for (const { name } of docs) {
      const pending = this.figure(name, peerDocs.get(name)?.stateVector ?? EMPTY_STATE_VECTOR)
      if (pending === 0) continue
      count++
      bytes += pending
    }
    return { docs: count, bytes }
  }

  private figure(name: string, theirs: Uint8Array): number {
    const change = this.store.changeCount(name)
    const known = this.figures.get(name)
    if (known && known.change === change && sameBytes(known.theirs, theirs)) return known.bytes
    const bytes = hasContentBeyond(this.store.stateVector(name), theirs) ? this.store.diff(name, theirs).byteLength : 0
    this.figures.set(name, { change, theirs, bytes })
    return bytes
  }
}

/** The state vector of a peer known to hold nothing of a document: no client. */
const EMPTY_STATE_VECTOR = new Uint8Array([0])
