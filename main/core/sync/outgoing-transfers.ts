/**
 * What this side owes the peer, and the sending of it within the flow-control window. Live edits and
 * catch-ups wait per document; documents with alerts and requests go ahead of bulk records; one whole frame
 * per document is in flight at a time, acknowledged before the next; a frame larger than a chunk goes as a
 * chunked transfer, which the link keeps across sessions so that a drop resumes it instead of starting over.
 */
import * as Y from 'yjs'
import { docPriority } from '../docs/doc-names'
import type { DocStore } from '../docs/doc-store'
import { EMPTY_FINGERPRINT, sameFingerprint, type DocFingerprint } from './doc-fingerprint'
import type { FlowControl } from './flow-control'
import { encodeFrame, Kind, transferIdOf } from './frames'
import { COMPRESS_OFF_THREAD_ABOVE, compressUpdate, compressUpdateOffThread, type PackedUpdate } from './update-compression'

/** A chunked transfer this side is sending; kept by the link across sessions so a drop can resume it. */
export interface OutgoingTransfer {
  id: string
  doc: string
  frame: Uint8Array
  /** The peer's fingerprint it was computed against and ours at the time: reusable only if both still hold. */
  base: DocFingerprint
  ours: DocFingerprint
}

export interface OutgoingDeps {
  store: DocStore
  /** Transfers cut by a drop, by document (link memory). */
  saved: Map<string, OutgoingTransfer>
  flow: FlowControl
  fingerprintOf(doc: string): DocFingerprint
  send(bytes: Uint8Array): void
  log(detail: string): void
  /** Runs fn unless the session is over, logging what it throws (for work that resumes from the thread pool). */
  guard(what: string, fn: () => void): void
  /** Nothing is queued, compressing, being sent or awaiting an ack. */
  onIdle(): void
}

interface QueuedWork {
  doc: string
  kind: typeof Kind.step2 | typeof Kind.update
  updates: Uint8Array[]
  /** Peer fingerprint a step 2 was computed against (for resuming it as a chunked transfer). */
  base?: DocFingerprint
}

interface Sending {
  transfer: OutgoingTransfer
  offset: number
  acked: number
  priority: number
}

export class OutgoingTransfers {
  private readonly queue = new Map<string, QueuedWork>()
  private readonly sending: Sending[] = []
  /** Per document, the byte counts of whole data frames awaiting the peer's ack, in order. */
  private readonly unacked = new Map<string, number[]>()
  /** Documents whose next frame is being compressed on the thread pool; nothing else of them goes meanwhile. */
  private readonly compressing = new Set<string>()
  private readonly resumeOffsets = new Map<string, number>()
  /** Per document, the peer state the last catch-up (step 2) sent was computed against, and whether it was refused. */
  private readonly catchUps = new Map<string, { base: DocFingerprint; refused: boolean }>()
  private stopped = false

  constructor(private readonly deps: OutgoingDeps) {}

  queueUpdate(doc: string, update: Uint8Array): void {
    const queued = this.queue.get(doc)
    if (queued) queued.updates.push(update)
    else this.queue.set(doc, { doc, kind: Kind.update, updates: [update] })
  }

  /** Queues what the peer lacks of `doc`; false while a frame of it is in flight, whose ack will tell what is still missing. */
  queueCatchUp(doc: string, peer: DocFingerprint): boolean {
    if (this.unacked.has(doc) || this.compressing.has(doc)) return false
    // A diff computed now covers every live update queued for this document.
    this.queue.set(doc, { doc, kind: Kind.step2, updates: [], base: peer })
    return true
  }

  /** How much of each partly received transfer the peer holds (its resume frame): those go on from there. */
  resumeAt(partials: { transferId: string; received: number }[]): void {
    for (const p of partials) this.resumeOffsets.set(p.transferId, p.received)
  }

  onProgress(transferId: string, received: number): void {
    const s = this.sending.find((x) => x.transfer.id === transferId)
    if (!s || received <= s.acked) return
    const delta = Math.min(received, s.offset) - s.acked
    s.acked += delta
    this.deps.flow.delivered(delta)
    if (s.acked >= s.transfer.frame.byteLength) {
      this.sending.splice(this.sending.indexOf(s), 1)
      this.deps.saved.delete(s.transfer.doc)
    }
  }

  /** The peer acknowledged the oldest whole frame of `doc` in flight; false if there was none. */
  acknowledged(doc: string): boolean {
    const pending = this.unacked.get(doc)
    if (!pending) return false
    this.deps.flow.delivered(pending.shift()!)
    if (pending.length === 0) this.unacked.delete(doc)
    return true
  }

  /**
   * A catch-up acknowledged with the very state it was computed against was not taken: the peer refused it (and
   * logged why, e.g. a document at its size limit there). Sent again, it would be refused again, without end.
   */
  catchUpRefused(doc: string, peer: DocFingerprint): boolean {
    const sent = this.catchUps.get(doc)
    if (!sent || !sameFingerprint(sent.base, peer)) return false
    if (!sent.refused) {
      sent.refused = true
      this.deps.log(`${doc}: the peer did not take what it lacks of this document (its link log says why); sent again once the peer's copy changes or the link reconnects`)
    }
    return true
  }

  pump(): void {
    while (!this.stopped && this.deps.flow.open) {
      const work = this.nextWork()
      if (!work) break
      if ('transfer' in work) this.sendChunk(work)
      else this.sendWork(work)
    }
    if (!this.stopped && this.queue.size === 0 && this.compressing.size === 0 && this.sending.length === 0 && this.unacked.size === 0) {
      this.deps.onIdle()
    }
  }

  /** Whatever was mid-way stays in link memory, so the next session resumes it instead of starting over. */
  stop(): void {
    this.stopped = true
    for (const s of this.sending) this.deps.saved.set(s.transfer.doc, s.transfer)
  }

  queuedDocs(): string[] {
    return [...new Set([...this.queue.keys(), ...this.compressing, ...this.sending.map((s) => s.transfer.doc), ...this.unacked.keys()])]
  }

  queuedBytes(): number {
    return (
      [...this.queue.values()].reduce((n, w) => n + w.updates.reduce((m, u) => m + u.byteLength, 0), 0) +
      this.sending.reduce((n, s) => n + s.transfer.frame.byteLength - s.acked, 0)
    )
  }

  transfers(): { doc: string; done: number; total: number }[] {
    return this.sending.map((s) => ({ doc: s.transfer.doc, done: s.acked, total: s.transfer.frame.byteLength }))
  }

  private nextWork(): QueuedWork | Sending | null {
    let best: QueuedWork | Sending | null = null
    let bestPriority = Infinity
    for (const s of this.sending) {
      if (s.offset < s.transfer.frame.byteLength && s.priority < bestPriority) {
        best = s
        bestPriority = s.priority
      }
    }
    for (const w of this.queue.values()) {
      if (this.unacked.has(w.doc) || this.compressing.has(w.doc)) continue // one whole frame per document in flight keeps ordering simple
      const p = this.priorityOf(w.doc)
      if (p < bestPriority) {
        best = w
        bestPriority = p
      }
    }
    return best
  }

  private priorityOf(doc: string): number {
    return docPriority(this.deps.store.info(doc)?.kind ?? 'records')
  }

  private sendWork(work: QueuedWork): void {
    this.queue.delete(work.doc)
    if (work.kind === Kind.step2 && work.base) this.catchUps.set(work.doc, { base: work.base, refused: false })
    const ours = this.deps.fingerprintOf(work.doc)
    const reusable = work.kind === Kind.step2 && work.base ? this.reusableTransfer(work.doc, work.base, ours) : null
    if (reusable) return this.startTransfer(reusable)

    const update =
      work.kind === Kind.step2
        ? this.deps.store.diff(work.doc, work.base?.stateVector)
        : work.updates.length === 1
          ? work.updates[0]
          : Y.mergeUpdatesV2(work.updates)
    if (update.byteLength <= COMPRESS_OFF_THREAD_ABOVE) return this.sendUpdate(work, ours, compressUpdate(update))
    this.compressing.add(work.doc)
    compressUpdateOffThread(update).then(
      (packed) => {
        this.compressing.delete(work.doc)
        this.deps.guard('sending', () => {
          this.sendUpdate(work, ours, packed)
          this.pump()
        })
      },
      (error: unknown) => {
        this.compressing.delete(work.doc)
        this.deps.log(`${work.doc}: could not compress ${update.byteLength} bytes to send (${(error as Error).message}); sent again on the next sync`)
      }
    )
  }

  private sendUpdate(work: QueuedWork, ours: DocFingerprint, packed: PackedUpdate): void {
    const frame = encodeFrame({ kind: work.kind, doc: work.doc, ...packed })
    if (frame.byteLength <= this.deps.flow.chunkBytes) return this.sendData(work.doc, frame)
    this.startTransfer({ id: transferIdOf(frame), doc: work.doc, frame, base: work.base ?? EMPTY_FINGERPRINT, ours })
  }

  /** A transfer cut by a drop is resumed only if it is still exactly what the peer needs. */
  private reusableTransfer(doc: string, peer: DocFingerprint, ours: DocFingerprint): OutgoingTransfer | null {
    const previous = this.deps.saved.get(doc)
    if (!previous) return null
    return sameFingerprint(previous.base, peer) && sameFingerprint(previous.ours, ours) ? previous : null
  }

  private startTransfer(transfer: OutgoingTransfer): void {
    this.deps.saved.set(transfer.doc, transfer)
    const offset = Math.min(this.resumeOffsets.get(transfer.id) ?? 0, transfer.frame.byteLength)
    this.sending.push({ transfer, offset, acked: offset, priority: this.priorityOf(transfer.doc) })
    this.unacked.set(transfer.doc, [...(this.unacked.get(transfer.doc) ?? []), 0])
  }

  private sendChunk(s: Sending): void {
    const { transfer } = s
    const bytes = transfer.frame.subarray(s.offset, s.offset + this.deps.flow.chunkBytes)
    this.deps.send(encodeFrame({ kind: Kind.chunk, transferId: transfer.id, offset: s.offset, total: transfer.frame.byteLength, bytes }))
    s.offset += bytes.byteLength
    this.deps.flow.sent(bytes.byteLength)
  }

  private sendData(doc: string, frame: Uint8Array): void {
    this.unacked.set(doc, [...(this.unacked.get(doc) ?? []), frame.byteLength])
    this.deps.flow.sent(frame.byteLength)
    this.deps.send(frame)
  }
}
