/**
 * Transfers the peer sends in chunks, put back together. Partial transfers are kept by the link across
 * sessions, so one cut by a drop resumes where it stopped. Every chunk is answered with how much of its
 * transfer has arrived: that is what the sender's window counts.
 */
import { decodeFrame, isData, Kind, transferIdOf, type DataFrame, type Frame } from './frames'

/** A chunked transfer this side is receiving; kept by the link across sessions. */
export interface IncomingTransfer {
  total: number
  parts: Uint8Array[]
  received: number
}

/** Partial transfers kept at most; the oldest is dropped first, so a peer cannot pile them up. */
const MAX_PARTIAL_TRANSFERS = 8

export interface ReassemblyDeps {
  /** Tell the peer how much of a transfer has arrived. */
  progress(transferId: string, received: number): void
  /** A chunk or a transfer was refused. */
  refused(detail: string): void
}

export class ChunkReassembly {
  constructor(
    private readonly incoming: Map<string, IncomingTransfer>,
    private readonly deps: ReassemblyDeps
  ) {}

  /** The transfers partly received: where each resumes. */
  partials(): { transferId: string; received: number; total: number }[] {
    return [...this.incoming].map(([transferId, t]) => ({ transferId, received: t.received, total: t.total }))
  }

  /** Takes one chunk; returns the data frame it completes, once whole and intact. */
  accept(frame: Extract<Frame, { kind: typeof Kind.chunk }>): DataFrame | null {
    const { incoming } = this
    let partial = incoming.get(frame.transferId)
    if (!partial) {
      if (frame.offset !== 0) {
        this.deps.progress(frame.transferId, 0)
        return null
      }
      if (incoming.size >= MAX_PARTIAL_TRANSFERS) incoming.delete(incoming.keys().next().value!)
      partial = { total: frame.total, parts: [], received: 0 }
      incoming.set(frame.transferId, partial)
    }
    if (frame.total !== partial.total || frame.offset !== partial.received) {
      this.deps.refused(`chunk at ${frame.offset} of transfer ${frame.transferId}, expected ${partial.received}`)
      this.deps.progress(frame.transferId, partial.received)
      return null
    }
    partial.parts.push(frame.bytes)
    partial.received += frame.bytes.byteLength
    this.deps.progress(frame.transferId, partial.received)
    if (partial.received < partial.total) return null
    incoming.delete(frame.transferId)
    const whole = Buffer.concat(partial.parts)
    if (transferIdOf(whole) !== frame.transferId) {
      this.deps.refused(`transfer ${frame.transferId} does not match its content`)
      return null
    }
    const inner = decodeFrame(whole)
    if (!inner.ok || !isData(inner.frame)) {
      this.deps.refused(`transfer ${frame.transferId} holds no document update`)
      return null
    }
    return inner.frame
  }
}
