/**
 * One live session with a paired station over an authenticated channel: exchanges what each side's
 * shared documents lack, forwards live edits, and keeps a slow link usable. Data frames are flow
 * controlled (a window of unacknowledged bytes), large ones are cut into chunks of a few seconds of link
 * time that resume after a drop, and documents with alerts and requests go ahead of bulk records.
 * Frames from the peer are handled in turns (inbound-queue.ts), pings answered the moment they are read:
 * a peer that floods the link holds back its own frames, not the station.
 */
import { createHash } from 'node:crypto'
import { COMPRESS_OFF_THREAD_ABOVE, compressUpdate, compressUpdateOffThread, decompressUpdate, type PackedUpdate } from './update-compression'
import * as Y from 'yjs'
import { BoundedUpdateDecoderV2 } from '../docs/bounded-update-decoder'
import type { DocInfo, DocStore } from '../docs/doc-store'
import { docPriority } from '../docs/doc-names'
import { decodeFrame, encodeFrame, Kind, PROTOCOL_VERSION, type Frame } from './frames'
import { digestOf, fingerprint, hasContentBeyond, isEmptyFingerprint, sameBytes, type DocFingerprint } from './doc-fingerprint'
import { DEFAULT_INBOUND_LIMITS, InboundQueue, type InboundLimits } from './inbound-queue'

/** The authenticated byte channel under a session (a WebSocket in production). */
export interface FrameChannel {
  send(frame: Uint8Array): void
  close(reason: string): void
  /** Stop reading from the peer (TCP then holds it back) until resume(); a channel without them buffers. */
  pause?(): void
  resume?(): void
}

/** A chunked transfer this side is sending; kept by the link across sessions so a drop can resume it. */
export interface OutgoingTransfer {
  id: string
  doc: string
  frame: Uint8Array
  /** The peer's fingerprint it was computed against and ours at the time: reusable only if both still hold. */
  base: DocFingerprint
  ours: DocFingerprint
}

/** A chunked transfer this side is receiving; kept by the link across sessions. */
export interface IncomingTransfer {
  total: number
  parts: Uint8Array[]
  received: number
}

export interface LinkMemory {
  outgoing: Map<string, OutgoingTransfer>
  incoming: Map<string, IncomingTransfer>
  /** What the peer is known to hold, per document. */
  peerDocs: Map<string, DocFingerprint>
}

export type LinkEventKind = 'refused-frame' | 'refused-foreign-write' | 'refused-update' | 'protocol'

export interface SessionOptions {
  /** Silence after which the peer is taken as gone. Must exceed the link time of one chunk by far. */
  livenessMs: number
  pingEveryMs: number
  /** Each chunk should take about this long on the measured link. */
  chunkSeconds: number
  minChunkBytes: number
  maxChunkBytes: number
  initialChunkBytes: number
  /** How many of the peer's frames may wait to be handled, and how long one turn of handling them lasts. */
  inbound: InboundLimits
}

export const DEFAULT_SESSION_OPTIONS: SessionOptions = {
  livenessMs: 60_000,
  pingEveryMs: 15_000,
  chunkSeconds: 2,
  minChunkBytes: 4 * 1024,
  maxChunkBytes: 256 * 1024,
  initialChunkBytes: 16 * 1024,
  inbound: DEFAULT_INBOUND_LIMITS
}

export interface SessionDeps {
  store: DocStore
  memory: LinkMemory
  /** Documents this peer may read (and be told about). */
  sharedDocs(): DocInfo[]
  /** The document's identity if this peer may write it, else null (refused as a whole). */
  writableByPeer(name: string): DocInfo | null
  log(kind: LinkEventKind, detail: string): void
  onChange(): void
  /** Presence from the peer for a shared document (cursors, who is viewing); never stored. */
  onAwareness?(doc: string, update: Uint8Array): void
  options?: Partial<SessionOptions>
}

export interface TransferProgress {
  doc: string
  direction: 'send' | 'receive'
  done: number
  total: number
}

export interface SessionStatus {
  /** True once both sides have confirmed identical documents since the last change. */
  inSync: boolean
  lastContact: number
  queuedDocs: string[]
  queuedBytes: number
  bytesSent: number
  bytesReceived: number
  /** The largest single frame sent: on a slow link, how long one message holds the line. */
  largestFrameSent: number
  transfers: TransferProgress[]
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

const MAX_PARTIAL_TRANSFERS = 8

type DataFrame = Extract<Frame, { kind: typeof Kind.step2 | typeof Kind.update }>
const isData = (frame: Frame): frame is DataFrame => frame.kind === Kind.step2 || frame.kind === Kind.update

/** What a peer holding nothing of a document holds (computed once: every session asks for it). */
const EMPTY_FINGERPRINT = fingerprint(new Y.Doc())

const transferIdOf = (frame: Uint8Array) => createHash('sha256').update(frame).digest('hex').slice(0, 32)

export class PeerSession {
  private readonly options: SessionOptions
  private readonly queue = new Map<string, QueuedWork>()
  private readonly sending: Sending[] = []
  /** Per document, the byte counts of whole data frames awaiting the peer's ack, in order. */
  private readonly unacked = new Map<string, number[]>()
  /** Documents whose next frame is being compressed on the thread pool; nothing else of them goes meanwhile. */
  private readonly compressing = new Set<string>()
  private inFlight = 0
  private chunkBytes: number
  private rate: { at: number; bytes: number }[] = []
  private peerListed: Set<string> | null = new Set()
  private resumeOffsets = new Map<string, number>()
  /** Per document, the peer state the last catch-up (step 2) sent was computed against, and whether it was refused. */
  private readonly catchUps = new Map<string, { base: DocFingerprint; refused: boolean }>()
  /** The peer's frames waiting to be handled; updates to one document waiting together form one batch. */
  private readonly inbound: InboundQueue<Frame[]>
  /** Per document, its fingerprint while it has not changed: every ack, listing and digest needs them. */
  private readonly fingerprints = new Map<string, DocFingerprint>()
  private helloReceived = false
  private readonly timer: NodeJS.Timeout
  private lastReceived = Date.now()
  private lastSent = Date.now()
  private lastSyncedDigest: Uint8Array | null = null
  private inSync = false
  private closed = false
  private pingNonce = 0
  private bytesSent = 0
  private bytesReceived = 0
  private largestFrameSent = 0
  private readonly unsubscribe: () => void

  constructor(
    private readonly channel: FrameChannel,
    private readonly deps: SessionDeps
  ) {
    this.options = { ...DEFAULT_SESSION_OPTIONS, ...deps.options }
    this.chunkBytes = this.options.initialChunkBytes
    this.inbound = new InboundQueue<Frame[]>(
      {
        handle: (frames) => this.guarded(`frame kind ${frames[0].kind}`, () => this.handle(frames)),
        keyOf: ([frame]) => (isData(frame) ? frame.doc : null),
        merge: (into, next) => into.push(...next),
        afterTurn: () =>
          this.guarded('sending', () => {
            this.pump()
            this.deps.onChange()
          }),
        pause: () => channel.pause?.(),
        resume: () => channel.resume?.()
      },
      this.options.inbound
    )
    this.unsubscribe = deps.store.onUpdate((doc, update, origin) => this.onLocalUpdate(doc, update, origin))
    this.timer = setInterval(() => this.tick(), Math.min(this.options.pingEveryMs, 1000))
    this.timer.unref()
  }

  start(): void {
    this.send({ kind: Kind.hello, version: PROTOCOL_VERSION, digest: this.digest() })
    const partials = [...this.deps.memory.incoming].map(([transferId, t]) => ({ transferId, received: t.received }))
    if (partials.length) this.send({ kind: Kind.resume, partials })
  }

  receive(data: Uint8Array): void {
    if (this.closed) return
    this.lastReceived = Date.now()
    this.bytesReceived += data.byteLength
    const decoded = decodeFrame(data)
    if (!decoded.ok) {
      this.deps.log('refused-frame', decoded.reason)
      return
    }
    const { frame } = decoded
    // Liveness is answered at once, ahead of whatever the peer sent before: it costs nothing, and a peer
    // must not lose the link because its own earlier frames are still being worked off.
    if (frame.kind === Kind.ping) return this.send({ kind: Kind.pong, nonce: frame.nonce })
    if (frame.kind === Kind.pong) return
    this.inbound.push([frame], data.byteLength)
  }

  close(reason: string): void {
    if (this.closed) return
    this.closed = true
    this.inbound.stop()
    clearInterval(this.timer)
    this.unsubscribe()
    // Whatever was mid-way stays in link memory, so the next session resumes it instead of starting over.
    for (const s of this.sending) this.deps.memory.outgoing.set(s.transfer.doc, s.transfer)
    this.channel.close(reason)
  }

  /** Relays presence (cursors, who is typing) for a shared document; never stored. */
  sendAwareness(doc: string, update: Uint8Array): void {
    this.send({ kind: Kind.awareness, doc, update })
  }

  status(): SessionStatus {
    const transfers: TransferProgress[] = [
      ...this.sending.map((s) => ({ doc: s.transfer.doc, direction: 'send' as const, done: s.acked, total: s.transfer.frame.byteLength })),
      ...[...this.deps.memory.incoming].map(([id, t]) => ({ doc: id, direction: 'receive' as const, done: t.received, total: t.total }))
    ]
    return {
      inSync: this.inSync,
      lastContact: this.lastReceived,
      queuedDocs: [...new Set([...this.queue.keys(), ...this.compressing, ...this.sending.map((s) => s.transfer.doc), ...this.unacked.keys()])],
      queuedBytes:
        [...this.queue.values()].reduce((n, w) => n + w.updates.reduce((m, u) => m + u.byteLength, 0), 0) +
        this.sending.reduce((n, s) => n + s.transfer.frame.byteLength - s.acked, 0),
      bytesSent: this.bytesSent,
      bytesReceived: this.bytesReceived,
      largestFrameSent: this.largestFrameSent,
      transfers
    }
  }

  // ---- receiving -------------------------------------------------------------------------------------

  private guarded(what: string, fn: () => void): void {
    if (this.closed) return
    try {
      fn()
    } catch (error) {
      this.deps.log('protocol', `${what} failed: ${(error as Error).message}`)
    }
  }

  /** One frame from the peer, or several updates to one document that waited together. */
  private handle(frames: Frame[]): void {
    const [frame] = frames
    switch (frame.kind) {
      case Kind.hello:
        // Each hello costs a listing of every shared document: one per session is all the protocol has.
        if (this.helloReceived) return this.deps.log('protocol', 'the peer said hello again in the same session; ignored')
        this.helloReceived = true
        if (frame.version !== PROTOCOL_VERSION) {
          this.deps.log('protocol', `peer speaks protocol ${frame.version}, this station ${PROTOCOL_VERSION}; update both stations to the same version`)
          this.close('protocol version mismatch')
          return
        }
        if (sameBytes(frame.digest, this.digest())) {
          this.inSync = true
          return
        }
        for (const info of this.deps.sharedDocs()) {
          const f = this.fingerprintOf(info.name)
          if (!isEmptyFingerprint(f)) this.send({ kind: Kind.step1, doc: info.name, ...f })
        }
        this.send({ kind: Kind.step1Done })
        return
      case Kind.step1:
        // Outside its listing a step 1 would make this station compute and send a whole diff on demand.
        if (!this.peerListed) return this.deps.log('protocol', `listing of ${frame.doc} after the peer's listing ended; ignored`)
        return this.onPeerState(frame.doc, frame, true)
      case Kind.step1Done:
        // Once more, it would have every document the peer did not list diffed and sent again, in full.
        if (!this.peerListed) return this.deps.log('protocol', "the peer ended its listing again in the same session; ignored")
        return this.onPeerListed()
      case Kind.step2:
      case Kind.update:
        return this.onData(frame.doc, frames as DataFrame[])
      case Kind.chunk:
        return this.onChunk(frame)
      case Kind.progress:
        return this.onProgress(frame.transferId, frame.received)
      case Kind.resume:
        for (const p of frame.partials) this.resumeOffsets.set(p.transferId, p.received)
        return
      case Kind.ack:
        return this.onAck(frame.doc, frame)
      case Kind.synced:
        // Confirm a match once, so both sides learn it; a side already in sync does not answer again.
        if (!this.inSync && sameBytes(frame.digest, this.digest())) {
          this.inSync = true
          this.lastSyncedDigest = frame.digest
          this.send({ kind: Kind.synced, digest: frame.digest })
        }
        return
      case Kind.awareness:
        if (this.deps.sharedDocs().some((d) => d.name === frame.doc)) this.deps.onAwareness?.(frame.doc, frame.update)
        return
    }
  }

  /** The peer told us what it holds of a document (step 1), or acknowledged what we sent (ack). */
  private onPeerState(doc: string, peer: DocFingerprint, listing: boolean): void {
    const info = this.deps.sharedDocs().find((d) => d.name === doc)
    if (listing) this.peerListed?.add(doc)
    // A document we lack comes whole after the peer's listing (onPeerListed on its side).
    if (!info) return
    this.deps.memory.peerDocs.set(doc, peer)
    const ours = this.fingerprintOf(doc)
    const behind = hasContentBeyond(ours.stateVector, peer.stateVector)
    // Deletions do not show in state vectors: the listing compares delete sets too. After an ack only
    // inserted content counts, or two writers of one plan would trade their delete sets forever.
    if (listing ? behind || !sameBytes(ours.deleteHash, peer.deleteHash) : behind && !this.catchUpRefused(doc, peer)) this.queueCatchUp(doc, peer)
  }

  /**
   * A catch-up acknowledged with the very state it was computed against was not taken: the peer refused it (and
   * logged why, e.g. a document at its size limit there). Sent again, it would be refused again, without end.
   */
  private catchUpRefused(doc: string, peer: DocFingerprint): boolean {
    const sent = this.catchUps.get(doc)
    if (!sent || !sameBytes(sent.base.stateVector, peer.stateVector) || !sameBytes(sent.base.deleteHash, peer.deleteHash)) return false
    if (!sent.refused) {
      sent.refused = true
      this.deps.log('protocol', `${doc}: the peer did not take what it lacks of this document (its link log says why); sent again once the peer's copy changes or the link reconnects`)
    }
    return true
  }

  /** After the peer's full listing, documents it never mentioned are sent whole. */
  private onPeerListed(): void {
    const listed = this.peerListed!
    this.peerListed = null
    for (const info of this.deps.sharedDocs()) {
      if (listed.has(info.name)) continue
      const ours = this.fingerprintOf(info.name)
      if (!isEmptyFingerprint(ours)) this.queueCatchUp(info.name, EMPTY_FINGERPRINT)
    }
  }

  /** Updates from the peer to one document, in the order sent; each is acknowledged. */
  private onData(doc: string, frames: Pick<DataFrame, 'flags' | 'update'>[]): void {
    this.inSync = false
    const info = this.deps.writableByPeer(doc)
    if (!info) {
      for (let i = 0; i < frames.length; i++) {
        this.deps.log('refused-foreign-write', `update to ${doc}, which this peer does not own; nothing of it was applied`)
      }
    } else {
      const refuse = (error: unknown) => this.deps.log('refused-update', `${doc}: ${(error as Error).message}; the document was left as it was`)
      const updates: Uint8Array[] = []
      for (const { flags, update } of frames) {
        try {
          updates.push(decompressUpdate(flags, update))
        } catch (error) {
          refuse(error)
        }
      }
      this.apply(info, updates, refuse)
    }
    // Acknowledge even a refusal, so an honest peer's window does not stall; the state says what we hold.
    const state = this.deps.store.info(doc) ? this.fingerprintOf(doc) : EMPTY_FINGERPRINT
    for (let i = 0; i < frames.length; i++) this.send({ kind: Kind.ack, doc, ...state })
  }

  /**
   * Updates that waited together go in as one: one transaction, and one pass of whatever derives views from the
   * document, instead of one per update. If the merge is refused, they go in one by one, so that each refusal
   * is its own and nothing acceptable is lost with it.
   */
  private apply(info: DocInfo, updates: Uint8Array[], refuse: (error: unknown) => void): void {
    if (updates.length > 1) {
      try {
        this.deps.store.receive(info, Y.mergeUpdatesV2(updates, BoundedUpdateDecoderV2), this)
        return
      } catch {
        // one by one below
      }
    }
    for (const update of updates) {
      try {
        this.deps.store.receive(info, update, this)
      } catch (error) {
        refuse(error)
      }
    }
  }

  private onChunk(frame: Extract<Frame, { kind: typeof Kind.chunk }>): void {
    const { incoming } = this.deps.memory
    let partial = incoming.get(frame.transferId)
    if (!partial) {
      if (frame.offset !== 0) return this.send({ kind: Kind.progress, transferId: frame.transferId, received: 0 })
      if (incoming.size >= MAX_PARTIAL_TRANSFERS) incoming.delete(incoming.keys().next().value!)
      partial = { total: frame.total, parts: [], received: 0 }
      incoming.set(frame.transferId, partial)
    }
    if (frame.total !== partial.total || frame.offset !== partial.received) {
      this.deps.log('refused-frame', `chunk at ${frame.offset} of transfer ${frame.transferId}, expected ${partial.received}`)
      return this.send({ kind: Kind.progress, transferId: frame.transferId, received: partial.received })
    }
    partial.parts.push(frame.bytes)
    partial.received += frame.bytes.byteLength
    this.send({ kind: Kind.progress, transferId: frame.transferId, received: partial.received })
    if (partial.received < partial.total) return
    incoming.delete(frame.transferId)
    const whole = Buffer.concat(partial.parts)
    if (transferIdOf(whole) !== frame.transferId) {
      this.deps.log('refused-frame', `transfer ${frame.transferId} does not match its content`)
      return
    }
    const inner = decodeFrame(whole)
    if (!inner.ok || (inner.frame.kind !== Kind.step2 && inner.frame.kind !== Kind.update)) {
      this.deps.log('refused-frame', `transfer ${frame.transferId} holds no document update`)
      return
    }
    this.onData(inner.frame.doc, [inner.frame])
  }

  private onProgress(transferId: string, received: number): void {
    const s = this.sending.find((x) => x.transfer.id === transferId)
    if (!s || received <= s.acked) return
    const delta = Math.min(received, s.offset) - s.acked
    s.acked += delta
    this.inFlight -= delta
    this.measure(delta)
    if (s.acked >= s.transfer.frame.byteLength) {
      this.sending.splice(this.sending.indexOf(s), 1)
      this.deps.memory.outgoing.delete(s.transfer.doc)
    }
  }

  private onAck(doc: string, peer: DocFingerprint): void {
    const pending = this.unacked.get(doc)
    // Each ack answers a data frame this side sent; one for nothing in flight would have it diff on demand.
    if (!pending) return this.deps.log('protocol', `acknowledgement for ${doc}, of which nothing was sent; ignored`)
    const bytes = pending.shift()!
    this.inFlight -= bytes
    this.measure(bytes)
    if (pending.length === 0) this.unacked.delete(doc)
    this.onPeerState(doc, peer, false)
  }

  // ---- sending ---------------------------------------------------------------------------------------

  private onLocalUpdate(doc: string, update: Uint8Array, origin: unknown): void {
    this.fingerprints.delete(doc)
    if (this.closed || origin === this || !this.deps.sharedDocs().some((d) => d.name === doc)) return
    const queued = this.queue.get(doc)
    if (queued) queued.updates.push(update)
    else this.queue.set(doc, { doc, kind: Kind.update, updates: [update] })
    this.inSync = false
    this.pump()
    this.deps.onChange()
  }

  private queueCatchUp(doc: string, peer: DocFingerprint): void {
    if (this.unacked.has(doc) || this.compressing.has(doc)) return // the ack of what is in flight will tell what is still missing
    this.inSync = false
    // A diff computed now covers every live update queued for this document.
    this.queue.set(doc, { doc, kind: Kind.step2, updates: [], base: peer })
  }

  private pump(): void {
    while (!this.closed && this.inFlight < this.window()) {
      const work = this.nextWork()
      if (!work) break
      if ('transfer' in work) this.sendChunk(work)
      else this.sendWork(work)
    }
    if (!this.closed && this.queue.size === 0 && this.compressing.size === 0 && this.sending.length === 0 && this.unacked.size === 0) {
      this.maybeSendSynced()
    }
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
      const p = docPriority(this.deps.store.info(w.doc)?.kind ?? 'records')
      if (p < bestPriority) {
        best = w
        bestPriority = p
      }
    }
    return best
  }

  private sendWork(work: QueuedWork): void {
    this.queue.delete(work.doc)
    if (work.kind === Kind.step2 && work.base) this.catchUps.set(work.doc, { base: work.base, refused: false })
    const ours = this.fingerprintOf(work.doc)
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
        this.guarded('sending', () => {
          this.sendUpdate(work, ours, packed)
          this.pump()
        })
      },
      (error: unknown) => {
        this.compressing.delete(work.doc)
        this.deps.log('protocol', `${work.doc}: could not compress ${update.byteLength} bytes to send (${(error as Error).message}); sent again on the next sync`)
      }
    )
  }

  private sendUpdate(work: QueuedWork, ours: DocFingerprint, packed: PackedUpdate): void {
    const frame = encodeFrame({ kind: work.kind, doc: work.doc, ...packed })
    if (frame.byteLength <= this.chunkBytes) return this.sendData(work.doc, frame)
    this.startTransfer({ id: transferIdOf(frame), doc: work.doc, frame, base: work.base ?? EMPTY_FINGERPRINT, ours })
  }

  /** A transfer cut by a drop is resumed only if it is still exactly what the peer needs. */
  private reusableTransfer(doc: string, peer: DocFingerprint, ours: DocFingerprint): OutgoingTransfer | null {
    const previous = this.deps.memory.outgoing.get(doc)
    if (!previous) return null
    const same = (a: DocFingerprint, b: DocFingerprint) => sameBytes(a.stateVector, b.stateVector) && sameBytes(a.deleteHash, b.deleteHash)
    return same(previous.base, peer) && same(previous.ours, ours) ? previous : null
  }

  private startTransfer(transfer: OutgoingTransfer): void {
    this.deps.memory.outgoing.set(transfer.doc, transfer)
    const offset = Math.min(this.resumeOffsets.get(transfer.id) ?? 0, transfer.frame.byteLength)
    const priority = docPriority(this.deps.store.info(transfer.doc)?.kind ?? 'records')
    this.sending.push({ transfer, offset, acked: offset, priority })
    this.unacked.set(transfer.doc, [...(this.unacked.get(transfer.doc) ?? []), 0])
  }

  private sendChunk(s: Sending): void {
    const { transfer } = s
    const bytes = transfer.frame.subarray(s.offset, s.offset + this.chunkBytes)
    this.send({ kind: Kind.chunk, transferId: transfer.id, offset: s.offset, total: transfer.frame.byteLength, bytes })
    s.offset += bytes.byteLength
    this.inFlight += bytes.byteLength
  }

  private sendData(doc: string, frame: Uint8Array): void {
    this.unacked.set(doc, [...(this.unacked.get(doc) ?? []), frame.byteLength])
    this.inFlight += frame.byteLength
    this.sendRaw(frame)
  }

  private maybeSendSynced(): void {
    const digest = this.digest()
    if (this.lastSyncedDigest && sameBytes(this.lastSyncedDigest, digest)) return
    this.lastSyncedDigest = digest
    this.send({ kind: Kind.synced, digest })
  }

  private send(frame: Frame): void {
    this.sendRaw(encodeFrame(frame))
  }

  private sendRaw(bytes: Uint8Array): void {
    if (this.closed) return
    this.lastSent = Date.now()
    this.bytesSent += bytes.byteLength
    this.largestFrameSent = Math.max(this.largestFrameSent, bytes.byteLength)
    this.channel.send(bytes)
  }

  // ---- link health -----------------------------------------------------------------------------------

  private tick(): void {
    const now = Date.now()
    // Frames still waiting to be handled are word from the peer too (while they wait, reading may be paused).
    if (now - this.lastReceived > this.options.livenessMs && this.inbound.size === 0) {
      this.deps.log('protocol', `no word from the peer for ${Math.round((now - this.lastReceived) / 1000)} s; reconnecting`)
      this.close('peer silent')
      this.deps.onChange()
      return
    }
    if (now - this.lastSent >= this.options.pingEveryMs) this.send({ kind: Kind.ping, nonce: ++this.pingNonce })
  }

  /** Chunks are sized to the measured link so that none holds the line for more than a few seconds. */
  private measure(bytes: number): void {
    const now = Date.now()
    this.rate.push({ at: now, bytes })
    this.rate = this.rate.filter((r) => now - r.at <= 10_000)
    const span = (now - this.rate[0].at) / 1000
    if (this.rate.length < 3 || span < 1) return
    const bytesPerSecond = this.rate.slice(1).reduce((n, r) => n + r.bytes, 0) / span
    const { minChunkBytes, maxChunkBytes, chunkSeconds } = this.options
    this.chunkBytes = Math.round(Math.min(maxChunkBytes, Math.max(minChunkBytes, bytesPerSecond * chunkSeconds)))
  }

  private window(): number {
    return 2 * this.chunkBytes
  }

  // ---- document state --------------------------------------------------------------------------------

  /**
   * Every stored change is announced (onLocalUpdate), so a fingerprint stays right until then; a change rolled
   * back is never announced, but its document is reloaded as it was, which the fingerprint still describes.
   */
  private fingerprintOf(doc: string): DocFingerprint {
    let f = this.fingerprints.get(doc)
    if (!f) {
      f = fingerprint(this.deps.store.get(doc))
      this.fingerprints.set(doc, f)
    }
    return f
  }

  private digest(): Uint8Array {
    const entries: [string, DocFingerprint][] = []
    for (const info of this.deps.sharedDocs()) {
      const f = this.fingerprintOf(info.name)
      if (!isEmptyFingerprint(f)) entries.push([info.name, f])
    }
    return digestOf(entries)
  }
}
