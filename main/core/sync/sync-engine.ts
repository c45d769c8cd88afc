/**
 * Runs a session with every paired station it is connected to (peer-connections.ts keeps the connections),
 * and remembers across restarts what the peer holds, so the link status ("last synced", "pending") stays
 * honest while offline.
 */
import type { Database } from 'better-sqlite3'
import type { DocStore } from '../docs/doc-store'
import type { Counterpart } from '../identity/counterpart-registry'
import type { DocAtLimit } from '../docs/doc-limits'
import * as Y from 'yjs'
import { hasContentBeyond, type DocFingerprint } from './doc-fingerprint'
import type { FrameChannel } from './frame-channel'
import { OfflinePending } from './offline-pending'
import { RemoteOrigin } from './remote-origin'
import type { Scope } from './scope'
import { PeerConnections, type Attached, type ConnectionDeps, type ConnectionOptions, type LinkState } from './peer-connections'
import { PeerSession, type LinkMemory, type SessionOptions, type SessionStatus, type TransferProgress } from './peer-session'

export interface PeerLinkStatus {
  stationId: string
  name: string
  address: string
  state: LinkState
  lastContact: string | null
  lastCompleteSync: string | null
  pendingDocs: number
  pendingBytes: number
  transfers: TransferProgress[]
  lastError: string | null
  nextAttemptAt: string | null
  /** Documents that refuse this peer's updates for being at their size limit: an administrator's cue to act. */
  docsAtLimit: DocAtLimit[]
}

export interface SyncEngineOptions extends ConnectionOptions {
  session?: Partial<SessionOptions>
}

/** The connections' needs (this station, its transport identity, the paired stations, log, status) and the sessions'. */
export interface SyncEngineDeps extends Pick<ConnectionDeps, 'self' | 'identity' | 'peers' | 'log' | 'onStatus' | 'onCertificate'> {
  db: Database
  store: DocStore
  /** Who may read and write which document: every frame in or out is checked against it. */
  scope: Scope
  /** Presence a peer sent for a shared document. */
  onAwareness?(peer: string, doc: string, update: Uint8Array): void
  options?: SyncEngineOptions
}

interface PeerLink {
  peer: Counterpart
  memory: LinkMemory
  pending: OfflinePending
  session: PeerSession | null
  lastContact: string | null
  lastCompleteSync: string | null
  persistedContactAt: number
  /** The live session's last reported sync state, to stamp lastCompleteSync once per convergence. */
  inSync: boolean
}

export class SyncEngine {
  private readonly links = new Map<string, PeerLink>()
  private readonly connections: PeerConnections
  private stopped = false
  private started = false

  constructor(private readonly deps: SyncEngineDeps) {
    this.connections = new PeerConnections({
      self: deps.self,
      identity: deps.identity,
      peers: deps.peers,
      log: (peer, kind, detail) => deps.log(peer, kind, detail),
      onStatus: () => deps.onStatus(),
      onCertificate: deps.onCertificate,
      attach: (peer, channel) => this.attach(peer, channel),
      options: deps.options
    })
  }

  /** Begin dialing paired stations (and keep doing so after pairing changes). */
  start(): void {
    this.started = true
    this.refresh()
  }

  listen(host: string, port: number): Promise<number> {
    return this.connections.listen(host, port)
  }

  /** Start dialing every paired station; call again after pairing changes (a no-op until started). */
  refresh(): void {
    if (!this.started || this.stopped) return
    const paired = new Map(this.deps.peers.list().map((p) => [p.stationId, p]))
    for (const id of this.links.keys()) {
      if (paired.has(id)) continue
      this.connections.forget(id)
      this.links.delete(id)
    }
    for (const peer of paired.values()) {
      this.linkFor(peer).peer = peer
      this.connections.track(peer)
    }
    this.deps.onStatus()
  }

  status(): PeerLinkStatus[] {
    this.refreshLinks()
    const atLimit = this.deps.store.docsAtLimit()
    return [...this.links.values()].map((link) => {
      const peerId = link.peer.stationId
      const live = link.session?.status()
      const connection = this.connections.state(peerId)
      // Offline: what the peer lacks of ours and of the plans (nothing of its own documents is ours to send).
      const pending = live
        ? { docs: live.queuedDocs.length, bytes: live.queuedBytes }
        : link.pending.total(this.deps.scope.sentTo(peerId), link.memory.peerDocs)
      return {
        stationId: link.peer.stationId,
        name: link.peer.name,
        address: link.peer.address,
        state: connection.state,
        lastContact: live ? new Date(live.lastContact).toISOString() : link.lastContact,
        lastCompleteSync: link.lastCompleteSync,
        pendingDocs: pending.docs,
        pendingBytes: pending.bytes,
        transfers: live?.transfers ?? [],
        lastError: connection.lastError,
        nextAttemptAt: connection.nextAttemptAt ? new Date(connection.nextAttemptAt).toISOString() : null,
        docsAtLimit: atLimit.filter((d) => this.deps.scope.writableBy(peerId, d.doc))
      }
    })
  }

  /** Sends presence for a shared document to every connected peer that shares it (but the one it came from). */
  sendAwareness(doc: string, update: Uint8Array, except?: string): void {
    for (const link of this.links.values()) {
      if (link.peer.stationId === except) continue
      if (link.session && this.deps.scope.sharedDoc(link.peer.stationId, doc)) link.session.sendAwareness(doc, update)
    }
  }

  /** The paired station whose change this is: `origin` is its live session (DocStore reports a received change with its session as origin) or a RemoteOrigin; else null. */
  peerOf(origin: unknown): string | null {
    if (origin instanceof RemoteOrigin) return origin.peer
    for (const [peerId, link] of this.links) if (link.session !== null && link.session === origin) return peerId
    return null
  }

  /** What the peer last acknowledged holding of each document, over the link or in a bundle. */
  knownHeld(peerId: string): ReadonlyMap<string, DocFingerprint> {
    return this.linkOf(peerId).memory.peerDocs
  }

  /**
   * What the peer acknowledged in a bundle. Bundles may arrive late or out of order, so an acknowledgement
   * only ever adds to what is known: per writer, the larger clock.
   */
  learnHeld(peerId: string, held: Iterable<[string, DocFingerprint]>): void {
    const link = this.linkOf(peerId)
    for (const [doc, fingerprint] of held) {
      const known = link.memory.peerDocs.get(doc)
      link.memory.peerDocs.set(doc, known ? laterOf(known, fingerprint) : fingerprint)
    }
    this.persist(link)
    this.deps.onStatus()
  }

  /** The live session's counters, for diagnostics and the benchmark. */
  sessionStatus(peerId: string): SessionStatus | null {
    return this.links.get(peerId)?.session?.status() ?? null
  }

  /** Ends every session and saves what is known of the peers at once; the listening socket closes after. */
  stop(): Promise<void> {
    this.stopped = true
    const closing = this.connections.stop('station stopping')
    for (const link of this.links.values()) this.persist(link)
    return closing
  }

  // ---- sessions --------------------------------------------------------------------------------------

  private attach(peer: Counterpart, channel: FrameChannel): Attached {
    const peerId = peer.stationId
    const link = this.linkFor(peer)
    const session = new PeerSession(channel, {
      store: this.deps.store,
      memory: link.memory,
      sharedDocs: () => this.deps.scope.sharedWith(peerId),
      sharedDoc: (name) => this.deps.scope.sharedDoc(peerId, name),
      writableByPeer: (name) => this.deps.scope.writableBy(peerId, name),
      log: (kind, detail) => this.deps.log(peerId, kind, detail),
      onChange: () => this.onSessionChange(link),
      onAwareness: (doc, update) => this.deps.onAwareness?.(peerId, doc, update),
      options: this.deps.options?.session
    })
    link.session = session
    return {
      start: () => session.start(),
      receive: (frame) => session.receive(frame),
      close: (reason) => {
        if (link.session === session) link.session = null
        session.close(reason)
      },
      disconnected: () => {
        link.inSync = false
        this.persist(link)
      }
    }
  }

  private onSessionChange(link: PeerLink): void {
    const live = link.session?.status()
    if (!live) return
    const now = Date.now()
    link.lastContact = new Date(live.lastContact).toISOString()
    if (live.inSync && !link.inSync) {
      this.connections.proven(link.peer.stationId)
      link.lastCompleteSync = new Date(now).toISOString()
      this.persist(link)
    } else if (now - link.persistedContactAt > 10_000) {
      this.persist(link)
    }
    link.inSync = live.inSync
    this.deps.onStatus()
  }

  // ---- what is shared, what is pending ---------------------------------------------------------------

  private linkFor(peer: Counterpart): PeerLink {
    let link = this.links.get(peer.stationId)
    if (!link) {
      link = {
        peer,
        memory: { outgoing: new Map(), incoming: new Map(), peerDocs: this.loadPeerDocs(peer.stationId) },
        pending: new OfflinePending(this.deps.store),
        session: null,
        ...this.loadStatus(peer.stationId),
        persistedContactAt: 0,
        inSync: false
      }
      this.links.set(peer.stationId, link)
    }
    return link
  }

  private linkOf(peerId: string): PeerLink {
    const peer = this.deps.peers.list().find((p) => p.stationId === peerId)
    if (!peer) throw new Error(`${peerId} is not paired`)
    return this.linkFor(peer)
  }

  /** Status may be asked before refresh(): show every paired station, connected or not. */
  private refreshLinks(): void {
    for (const peer of this.deps.peers.list()) this.linkFor(peer)
  }

  private loadStatus(peer: string): { lastContact: string | null; lastCompleteSync: string | null } {
    const row = this.deps.db.prepare('SELECT last_contact, last_complete_sync FROM sync_peer_status WHERE peer = ?').get(peer) as
      | { last_contact: string | null; last_complete_sync: string | null }
      | undefined
    return { lastContact: row?.last_contact ?? null, lastCompleteSync: row?.last_complete_sync ?? null }
  }

  private loadPeerDocs(peer: string): Map<string, DocFingerprint> {
    const rows = this.deps.db.prepare('SELECT doc, state_vector, delete_hash FROM sync_peer_docs WHERE peer = ?').all(peer) as {
      doc: string
      state_vector: Buffer
      delete_hash: Buffer
    }[]
    return new Map(rows.map((r) => [r.doc, { stateVector: new Uint8Array(r.state_vector), deleteHash: new Uint8Array(r.delete_hash) }]))
  }

  private persist(link: PeerLink): void {
    const { db } = this.deps
    const peer = link.peer.stationId
    link.persistedContactAt = Date.now()
    db.transaction(() => {
      db.prepare(
        `INSERT INTO sync_peer_status (peer, last_contact, last_complete_sync) VALUES (?, ?, ?)
         ON CONFLICT (peer) DO UPDATE SET last_contact = excluded.last_contact, last_complete_sync = excluded.last_complete_sync`
      ).run(peer, link.lastContact, link.lastCompleteSync)
      const put = db.prepare(
        `INSERT INTO sync_peer_docs (peer, doc, state_vector, delete_hash) VALUES (?, ?, ?, ?)
         ON CONFLICT (peer, doc) DO UPDATE SET state_vector = excluded.state_vector, delete_hash = excluded.delete_hash`
      )
      for (const [doc, f] of link.memory.peerDocs) put.run(peer, doc, f.stateVector, f.deleteHash)
    })()
  }
}


/** The fingerprint that holds at least as much as both: the per-writer maximum, and the delete hash of the fuller one. */
function laterOf(known: DocFingerprint, offered: DocFingerprint): DocFingerprint {
  if (!hasContentBeyond(known.stateVector, offered.stateVector)) return offered
  if (!hasContentBeyond(offered.stateVector, known.stateVector)) return known
  const merged = Y.decodeStateVector(known.stateVector)
  for (const [client, clock] of Y.decodeStateVector(offered.stateVector)) merged.set(client, Math.max(clock, merged.get(client) ?? 0))
  return { stateVector: Y.encodeStateVector(merged), deleteHash: known.deleteHash }
}
