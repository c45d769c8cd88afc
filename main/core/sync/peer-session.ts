/**
 * One live session with a paired station over a FrameChannel: exchanges what each side's shared documents
 * lack, forwards live edits, and keeps a slow link usable. Data frames are flow controlled (flow-control.ts),
 * large ones are cut into chunks of a few seconds of link time that resume after a drop, and documents with
 * alerts and requests go ahead of bulk records (outgoing-transfers.ts, chunk-reassembly.ts). Frames from the
 * peer are handled in turns (inbound-queue.ts), pings answered the moment they are read: a peer that floods
 * the link holds back its own frames, not the station.
 */
import * as Y from 'yjs'
import { BoundedUpdateDecoderV2 } from '../docs/bounded-update-decoder'
import type { DocInfo } from '../docs/doc-info'
import type { DocStore } from '../docs/doc-store'
import { ChunkReassembly, type IncomingTransfer } from './chunk-reassembly'
import { EMPTY_FINGERPRINT, hasContentBeyond, isEmptyFingerprint, sameBytes, type DocFingerprint } from './doc-fingerprint'
import { FingerprintCache } from './fingerprint-cache'
import { FlowControl, type PacingOptions } from './flow-control'
import type { FrameChannel } from './frame-channel'
import { batchKeyOf, dispatchFrames, handledOnArrival, type FrameHandlers } from './frame-dispatch'
import { decodeFrame, encodeFrame, Kind, PROTOCOL_VERSION, type DataFrame, type Frame } from './frames'
import { DEFAULT_INBOUND_LIMITS, InboundQueue, type InboundLimits } from './inbound-queue'
import { Liveness, type LivenessOptions } from './liveness'
import { OutgoingTransfers, type OutgoingTransfer } from './outgoing-transfers'
import { decompressUpdate } from './update-compression'

export interface LinkMemory {
  outgoing: Map<string, OutgoingTransfer>
  incoming: Map<string, IncomingTransfer>
  /** What the peer is known to hold, per document. */
  peerDocs: Map<string, DocFingerprint>
}

export type LinkEventKind = 'refused-frame' | 'refused-foreign-write' | 'refused-update' | 'protocol'

export interface SessionOptions extends LivenessOptions, PacingOptions {
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
  /** One of those by name, or null: what each frame and each local change is checked against. */
  sharedDoc(name: string): DocInfo | null
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

export class PeerSession {
  private readonly outgoing: OutgoingTransfers
  private readonly reassembly: ChunkReassembly
  private readonly liveness: Liveness
  /** The peer's frames waiting to be handled; updates to one document waiting together form one batch. */
  private readonly inbound: InboundQueue<Frame[]>
  private readonly fingerprints: FingerprintCache
  private peerListed: Set<string> | null = new Set()
  private helloReceived = false
  private lastSyncedDigest: Uint8Array | null = null
  private inSync = false
  private closed = false
  private bytesSent = 0
  private bytesReceived = 0
  private largestFrameSent = 0
  private readonly unsubscribe: () => void

  private readonly handlers: FrameHandlers = {
    [Kind.hello]: ([frame]) => this.onHello(frame.version, frame.digest),
    [Kind.step1]: ([frame]) => {
      // Outside its listing a step 1 would make this station compute and send a whole diff on demand.
      if (!this.peerListed) return this.deps.log('protocol', `listing of ${frame.doc} after the peer's listing ended; ignored`)
      this.onPeerState(frame.doc, frame, true)
    },
    [Kind.step1Done]: () => {
      // Once more, it would have every document the peer did not list diffed and sent again, in full.
      if (!this.peerListed) return this.deps.log('protocol', 'the peer ended its listing again in the same session; ignored')
      this.onPeerListed()
    },
    [Kind.step2]: (frames) => this.onData(frames[0].doc, frames),
    [Kind.update]: (frames) => this.onData(frames[0].doc, frames),
    [Kind.chunk]: ([frame]) => {
      const whole = this.reassembly.accept(frame)
      if (whole) this.onData(whole.doc, [whole])
    },
    [Kind.progress]: ([frame]) => this.outgoing.onProgress(frame.transferId, frame.received),
    [Kind.resume]: ([frame]) => this.outgoing.resumeAt(frame.partials),
    [Kind.ack]: ([frame]) => this.onAck(frame.doc, frame),
    [Kind.synced]: ([frame]) => this.onSynced(frame.digest),
    [Kind.ping]: ([frame]) => this.send({ kind: Kind.pong, nonce: frame.nonce }),
    [Kind.pong]: () => undefined,
    [Kind.awareness]: ([frame]) => {
      if (this.deps.sharedDoc(frame.doc)) this.deps.onAwareness?.(frame.doc, frame.update)
    }
  }

  constructor(
    private readonly channel: FrameChannel,
    private readonly deps: SessionDeps
  ) {
    const options = { ...DEFAULT_SESSION_OPTIONS, ...deps.options }
    this.fingerprints = new FingerprintCache(deps.store)
    this.outgoing = new OutgoingTransfers({
      store: deps.store,
      saved: deps.memory.outgoing,
      flow: new FlowControl(options),
      fingerprintOf: (doc) => this.fingerprints.of(doc),
      send: (bytes) => this.sendRaw(bytes),
      log: (detail) => deps.log('protocol', detail),
      guard: (what, fn) => this.guarded(what, fn),
      onIdle: () => this.maybeSendSynced()
    })
    this.reassembly = new ChunkReassembly(deps.memory.incoming, {
      progress: (transferId, received) => this.send({ kind: Kind.progress, transferId, received }),
      refused: (detail) => deps.log('refused-frame', detail)
    })
    this.inbound = new InboundQueue<Frame[]>(
      {
        handle: (frames) => this.guarded(`frame kind ${frames[0].kind}`, () => dispatchFrames(this.handlers, frames)),
        keyOf: batchKeyOf,
        merge: (into, next) => into.push(...next),
        afterTurn: () =>
          this.guarded('sending', () => {
            this.outgoing.pump()
            this.deps.onChange()
          }),
        pause: () => channel.pause?.(),
        resume: () => channel.resume?.()
      },
      options.inbound
    )
    this.unsubscribe = deps.store.onUpdate((doc, update, origin) => this.onLocalUpdate(doc, update, origin))
    this.liveness = new Liveness(options, {
      ping: (nonce) => this.send({ kind: Kind.ping, nonce }),
      waiting: () => this.inbound.size,
      silent: (forMs) => {
        this.deps.log('protocol', `no word from the peer for ${Math.round(forMs / 1000)} s; reconnecting`)
        this.close('peer silent')
        this.deps.onChange()
      }
    })
  }

  start(): void {
    this.send({ kind: Kind.hello, version: PROTOCOL_VERSION, digest: this.digest() })
    const partials = this.reassembly.partials().map(({ transferId, received }) => ({ transferId, received }))
    if (partials.length) this.send({ kind: Kind.resume, partials })
  }

  receive(data: Uint8Array): void {
    if (this.closed) return
    this.liveness.heard()
    this.bytesReceived += data.byteLength
    const decoded = decodeFrame(data)
    if (!decoded.ok) {
      this.deps.log('refused-frame', decoded.reason)
      return
    }
    if (handledOnArrival(decoded.frame)) return dispatchFrames(this.handlers, [decoded.frame])
    this.inbound.push([decoded.frame], data.byteLength)
  }

  close(reason: string): void {
    if (this.closed) return
    this.closed = true
    this.inbound.stop()
    this.liveness.stop()
    this.unsubscribe()
    this.outgoing.stop()
    this.channel.close(reason)
  }

  /** Relays presence (cursors, who is typing) for a shared document; never stored. */
  sendAwareness(doc: string, update: Uint8Array): void {
    this.send({ kind: Kind.awareness, doc, update })
  }

  status(): SessionStatus {
    const transfers: TransferProgress[] = [
      ...this.outgoing.transfers().map(({ doc, done, total }) => ({ doc, direction: 'send' as const, done, total })),
      // A transfer being received is known by its ID only: the document is named inside the frame it carries.
      ...this.reassembly.partials().map((t) => ({ doc: t.transferId, direction: 'receive' as const, done: t.received, total: t.total }))
    ]
    return {
      inSync: this.inSync,
      lastContact: this.liveness.lastContact,
      queuedDocs: this.outgoing.queuedDocs(),
      queuedBytes: this.outgoing.queuedBytes(),
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

  private onHello(version: number, digest: Uint8Array): void {
    // Each hello costs a listing of every shared document: one per session is all the protocol has.
    if (this.helloReceived) return this.deps.log('protocol', 'the peer said hello again in the same session; ignored')
    this.helloReceived = true
    if (version !== PROTOCOL_VERSION) {
      this.deps.log('protocol', `peer speaks protocol ${version}, this station ${PROTOCOL_VERSION}; update both stations to the same version`)
      this.close('protocol version mismatch')
      return
    }
    if (sameBytes(digest, this.digest())) {
      this.becomeInSync()
      return
    }
    for (const info of this.deps.sharedDocs()) {
      const f = this.fingerprints.of(info.name)
      if (!isEmptyFingerprint(f)) this.send({ kind: Kind.step1, doc: info.name, ...f })
    }
    this.send({ kind: Kind.step1Done })
  }

  /** The peer told us what it holds of a document (step 1), or acknowledged what we sent (ack). */
  private onPeerState(doc: string, peer: DocFingerprint, listing: boolean): void {
    const info = this.deps.sharedDoc(doc)
    if (listing) this.peerListed?.add(doc)
    // A document we lack comes whole after the peer's listing (onPeerListed on its side).
    if (!info) return
    this.deps.memory.peerDocs.set(doc, peer)
    const ours = this.fingerprints.of(doc)
    const behind = hasContentBeyond(ours.stateVector, peer.stateVector)
    // Deletions do not show in state vectors: the listing compares delete sets too. After an ack only
    // inserted content counts, or two writers of one plan would trade their delete sets forever.
    if (listing ? behind || !sameBytes(ours.deleteHash, peer.deleteHash) : behind && !this.outgoing.catchUpRefused(doc, peer)) {
      this.queueCatchUp(doc, peer)
    }
  }

  /** After the peer's full listing, documents it never mentioned are sent whole. */
  private onPeerListed(): void {
    const listed = this.peerListed!
    this.peerListed = null
    for (const info of this.deps.sharedDocs()) {
      if (listed.has(info.name)) continue
      const ours = this.fingerprints.of(info.name)
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
    const state = this.deps.store.info(doc) ? this.fingerprints.of(doc) : EMPTY_FINGERPRINT
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

  private onAck(doc: string, peer: DocFingerprint): void {
    // Each ack answers a data frame this side sent; one for nothing in flight would have it diff on demand.
    if (!this.outgoing.acknowledged(doc)) return this.deps.log('protocol', `acknowledgement for ${doc}, of which nothing was sent; ignored`)
    this.onPeerState(doc, peer, false)
  }

  private onSynced(digest: Uint8Array): void {
    // Confirm a match once, so both sides learn it; a side already in sync does not answer again.
    if (!this.inSync && sameBytes(digest, this.digest())) {
      this.becomeInSync()
      this.lastSyncedDigest = digest
      this.send({ kind: Kind.synced, digest })
    }
  }

  // ---- sending ---------------------------------------------------------------------------------------

  /**
   * Equal digests mean the peer holds exactly what this station holds of every shared document: remember that,
   * so a bundle written later, or the pending figure while offline, starts from it (the peer's own live edits
   * are otherwise known only from its next listing).
   */
  private becomeInSync(): void {
    this.inSync = true
    for (const info of this.deps.sharedDocs()) this.deps.memory.peerDocs.set(info.name, this.fingerprints.of(info.name))
  }

  private onLocalUpdate(doc: string, update: Uint8Array, origin: unknown): void {
    this.fingerprints.forget(doc)
    if (this.closed || origin === this || !this.deps.sharedDoc(doc)) return
    this.outgoing.queueUpdate(doc, update)
    this.inSync = false
    this.outgoing.pump()
    this.deps.onChange()
  }

  private queueCatchUp(doc: string, peer: DocFingerprint): void {
    if (this.outgoing.queueCatchUp(doc, peer)) this.inSync = false
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
    this.liveness.spoke()
    this.bytesSent += bytes.byteLength
    this.largestFrameSent = Math.max(this.largestFrameSent, bytes.byteLength)
    this.channel.send(bytes)
  }

  private digest(): Uint8Array {
    return this.fingerprints.digest(this.deps.sharedDocs())
  }
}
