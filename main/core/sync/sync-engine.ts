/**
 * Keeps one session per paired station alive over whatever link there is: listens and dials, keeps a
 * single session when both sides connect at once, reconnects with backoff and jitter, and remembers across
 * restarts what the peer holds, so the link status ("last synced", "pending") stays honest while offline.
 */
import type { Database } from 'better-sqlite3'
import type { WebSocket } from 'ws'
import type { DocInfo, DocStore } from '../docs/doc-store'
import { parseDocName } from '../docs/doc-names'
import type { Peer } from '../identity/peer-registry'
import type { LinkEventKind } from '../identity/link-log'
import type { DocAtLimit } from '../docs/doc-limits'
import type { DocFingerprint } from './doc-fingerprint'
import { OfflinePending } from './offline-pending'
import { PeerSession, type LinkMemory, type SessionOptions, type SessionStatus, type TransferProgress } from './peer-session'
import { DialError, dialPeer, listenForPeers, type PeerListener, type TransportIdentity } from './tls-transport'

export type LinkState = 'connected' | 'connecting' | 'offline' | 'refused'

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

export interface PeerDirectory {
  list(): Peer[]
  isPaired(stationId: string): boolean
}

export interface SyncEngineOptions {
  session?: Partial<SessionOptions>
  backoffBaseMs?: number
  backoffMaxMs?: number
  dialTimeoutMs?: number
  /** Connections within this time of each other count as simultaneous: the tie-break decides. */
  simultaneousMs?: number
}

export interface SyncEngineDeps {
  db: Database
  store: DocStore
  self: string
  identity: TransportIdentity
  peers: PeerDirectory
  log(peer: string | null, kind: LinkEventKind, detail: string): void
  onStatus(): void
  /** Presence a peer sent for a shared document. */
  onAwareness?(peer: string, doc: string, update: Uint8Array): void
  options?: SyncEngineOptions
}

interface PeerLink {
  peer: Peer
  memory: LinkMemory
  pending: OfflinePending
  session: PeerSession | null
  ws: WebSocket | null
  dialedBy: string | null
  sessionStartedAt: number
  dialing: boolean
  attempt: number
  retry: NodeJS.Timeout | null
  nextAttemptAt: number | null
  refused: boolean
  lastError: string | null
  lastContact: string | null
  lastCompleteSync: string | null
  persistedContactAt: number
  /** The live session's last reported sync state, to stamp lastCompleteSync once per convergence. */
  inSync: boolean
}

/** A session must last this long, or reach sync, before the backoff forgets earlier failures. */
const STABLE_SESSION_MS = 30_000

export class SyncEngine {
  private readonly links = new Map<string, PeerLink>()
  private listener: PeerListener | null = null
  private readonly tlsSessions = new Map<string, Buffer>()
  private stopped = false
  private started = false
  private readonly options: Required<Omit<SyncEngineOptions, 'session'>> & Pick<SyncEngineOptions, 'session'>

  constructor(private readonly deps: SyncEngineDeps) {
    this.options = {
      backoffBaseMs: 1_000,
      backoffMaxMs: 60_000,
      dialTimeoutMs: 20_000,
      simultaneousMs: 5_000,
      ...deps.options
    }
  }

  /** Begin dialing paired stations (and keep doing so after pairing changes). */
  start(): void {
    this.started = true
    this.refresh()
  }

  async listen(host: string, port: number): Promise<number> {
    this.listener = await listenForPeers({
      host,
      port,
      identity: this.deps.identity,
      isPaired: (id) => this.deps.peers.isPaired(id),
      onPeer: (ws, peer) => this.attach(peer.stationId, ws, peer.stationId),
      onRefused: (r) => this.deps.log(r.stationId ?? null, refusalKind(r.reason), r.message)
    })
    return this.listener.port
  }

  /** Start dialing every paired station; call again after pairing changes (a no-op until started). */
  refresh(): void {
    if (!this.started || this.stopped) return
    const paired = new Map(this.deps.peers.list().map((p) => [p.stationId, p]))
    for (const [id, link] of this.links) {
      if (paired.has(id)) continue
      // Unpairing revokes access at once: drop the live session, forget the link.
      this.drop(link, 'unpaired')
      this.links.delete(id)
    }
    for (const peer of paired.values()) {
      const link = this.linkFor(peer)
      const moved = link.peer.address !== peer.address
      link.peer = peer
      // A corrected address is tried at once, not after the backoff of the old one.
      if (moved && link.retry) {
        clearTimeout(link.retry)
        link.retry = null
        link.attempt = 0
      }
      if (!link.session) this.scheduleDial(link, 0)
    }
    this.deps.onStatus()
  }

  status(): PeerLinkStatus[] {
    this.refreshLinks()
    const atLimit = this.deps.store.docsAtLimit()
    return [...this.links.values()].map((link) => {
      const peerId = link.peer.stationId
      const live = link.session?.status()
      // Offline: what the peer lacks of ours and of the plans (nothing of its own documents is ours to send).
      const pending = live
        ? { docs: live.queuedDocs.length, bytes: live.queuedBytes }
        : link.pending.total(this.sharedWith(peerId).filter((d) => d.owner !== peerId), link.memory.peerDocs)
      return {
        stationId: link.peer.stationId,
        name: link.peer.name,
        address: link.peer.address,
        state: link.session ? 'connected' : link.refused ? 'refused' : link.dialing ? 'connecting' : 'offline',
        lastContact: live ? new Date(live.lastContact).toISOString() : link.lastContact,
        lastCompleteSync: link.lastCompleteSync,
        pendingDocs: pending.docs,
        pendingBytes: pending.bytes,
        transfers: live?.transfers ?? [],
        lastError: link.lastError,
        nextAttemptAt: link.nextAttemptAt ? new Date(link.nextAttemptAt).toISOString() : null,
        docsAtLimit: atLimit.filter((d) => writableBy(peerId, d.doc))
      }
    })
  }

  /** Sends presence for a shared document to every connected peer that shares it. */
  sendAwareness(doc: string, update: Uint8Array): void {
    for (const link of this.links.values()) {
      if (link.session && this.sharedWith(link.peer.stationId).some((d) => d.name === doc)) link.session.sendAwareness(doc, update)
    }
  }

  /** The paired station whose live session is `origin` (DocStore reports a received change with its session as origin), or null. */
  peerOf(origin: unknown): string | null {
    for (const [peerId, link] of this.links) if (link.session !== null && link.session === origin) return peerId
    return null
  }

  /** The live session's counters, for diagnostics and the benchmark. */
  sessionStatus(peerId: string): SessionStatus | null {
    return this.links.get(peerId)?.session?.status() ?? null
  }

  /** Ends every session and saves what is known of the peers at once; the listening socket closes after. */
  stop(): Promise<void> {
    this.stopped = true
    for (const link of this.links.values()) {
      this.drop(link, 'station stopping')
      this.persist(link)
    }
    const closing = this.listener?.close() ?? Promise.resolve()
    this.listener = null
    return closing
  }

  // ---- sessions --------------------------------------------------------------------------------------

  private attach(peerId: string, ws: WebSocket, dialedBy: string): void {
    const peer = this.deps.peers.list().find((p) => p.stationId === peerId)
    if (this.stopped || !peer) {
      ws.terminate()
      return
    }
    const link = this.linkFor(peer)
    if (link.session) {
      // Both stations dialled at once: both keep the connection dialled by the smaller station ID.
      // Later than that, a new connection means the peer lost the old one: the newest wins.
      const simultaneous = Date.now() - link.sessionStartedAt < this.options.simultaneousMs
      const preferred = this.deps.self < peerId ? this.deps.self : peerId
      if (simultaneous && link.dialedBy === preferred && dialedBy !== preferred) {
        ws.terminate()
        return
      }
      this.drop(link, 'replaced by a newer connection')
    }
    if (link.retry) clearTimeout(link.retry)
    link.retry = null
    link.nextAttemptAt = null
    link.refused = false
    link.lastError = null

    const session = new PeerSession(
      {
        send: (frame) => {
          if (ws.readyState === ws.OPEN) ws.send(frame)
        },
        close: () => ws.terminate(),
        pause: () => ws.pause(),
        resume: () => ws.resume()
      },
      {
        store: this.deps.store,
        memory: link.memory,
        sharedDocs: () => this.sharedWith(peerId),
        writableByPeer: (name) => writableBy(peerId, name),
        log: (kind, detail) => this.deps.log(peerId, kind, detail),
        onChange: () => this.onSessionChange(link),
        onAwareness: (doc, update) => this.deps.onAwareness?.(peerId, doc, update),
        options: this.options.session
      }
    )
    link.session = session
    link.ws = ws
    link.dialedBy = dialedBy
    link.sessionStartedAt = Date.now()
    ws.binaryType = 'nodebuffer'
    ws.on('message', (data: Buffer) => session.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)))
    ws.on('close', () => {
      session.close('connection closed')
      if (link.session !== session) return
      const lived = Date.now() - link.sessionStartedAt
      link.session = null
      link.ws = null
      link.inSync = false
      if (lived >= STABLE_SESSION_MS) link.attempt = 0
      this.deps.log(peerId, 'disconnected', `session ended after ${Math.round(lived / 1000)} s`)
      this.persist(link)
      this.scheduleDial(link)
      this.deps.onStatus()
    })
    ws.on('error', () => undefined) // 'close' follows and handles it
    this.deps.log(peerId, 'connected', dialedBy === this.deps.self ? 'we dialled' : 'peer dialled')
    session.start()
    this.deps.onStatus()
  }

  private onSessionChange(link: PeerLink): void {
    const live = link.session?.status()
    if (!live) return
    const now = Date.now()
    link.lastContact = new Date(live.lastContact).toISOString()
    if (live.inSync && !link.inSync) {
      link.attempt = 0
      link.lastCompleteSync = new Date(now).toISOString()
      this.persist(link)
    } else if (now - link.persistedContactAt > 10_000) {
      this.persist(link)
    }
    link.inSync = live.inSync
    this.deps.onStatus()
  }

  private drop(link: PeerLink, reason: string): void {
    if (link.retry) clearTimeout(link.retry)
    link.retry = null
    link.nextAttemptAt = null
    const { session, ws } = link
    link.session = null
    link.ws = null
    session?.close(reason)
    ws?.terminate()
  }

  // ---- dialing ---------------------------------------------------------------------------------------

  private scheduleDial(link: PeerLink, delayMs?: number): void {
    if (this.stopped || link.session || link.dialing || link.retry || !link.peer.address) return
    const delay = delayMs ?? this.backoff(link.attempt)
    link.nextAttemptAt = Date.now() + delay
    link.retry = setTimeout(() => {
      link.retry = null
      link.nextAttemptAt = null
      void this.dial(link)
    }, delay)
    link.retry.unref()
  }

  /** Exponential backoff with equal jitter: never a tight loop, and two stations do not retry in lockstep. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** Math.min(attempt, 20))
    return ceiling / 2 + Math.random() * (ceiling / 2)
  }

  private async dial(link: PeerLink): Promise<void> {
    if (this.stopped || link.session || link.dialing) return
    link.dialing = true
    link.attempt++
    this.deps.onStatus()
    try {
      const connected = await dialPeer({
        address: link.peer.address,
        expectedStationId: link.peer.stationId,
        identity: this.deps.identity,
        timeoutMs: this.options.dialTimeoutMs,
        sessions: this.tlsSessions
      })
      link.dialing = false
      if (!this.links.has(link.peer.stationId) || this.stopped) {
        connected.ws.terminate()
        return
      }
      this.attach(link.peer.stationId, connected.ws, this.deps.self)
    } catch (error) {
      link.dialing = false
      const reason = error instanceof DialError ? error.reason : 'unreachable'
      link.refused = reason === 'refused' || reason === 'wrong-station'
      link.lastError = (error as Error).message
      if (link.refused) this.deps.log(link.peer.stationId, 'dial-failed', link.lastError)
      this.scheduleDial(link)
      this.deps.onStatus()
    }
  }

  // ---- what is shared, what is pending ---------------------------------------------------------------

  /** Documents this station shares with the peer: ours, the peer's own, and the plans. */
  private sharedWith(peerId: string): DocInfo[] {
    return this.deps.store.list().filter((d) => d.owner === this.deps.self || d.owner === peerId || d.kind === 'plan')
  }

  private linkFor(peer: Peer): PeerLink {
    let link = this.links.get(peer.stationId)
    if (!link) {
      link = {
        peer,
        memory: { outgoing: new Map(), incoming: new Map(), peerDocs: this.loadPeerDocs(peer.stationId) },
        pending: new OfflinePending(this.deps.store),
        session: null,
        ws: null,
        dialedBy: null,
        sessionStartedAt: 0,
        dialing: false,
        attempt: 0,
        retry: null,
        nextAttemptAt: null,
        refused: false,
        lastError: null,
        ...this.loadStatus(peer.stationId),
        persistedContactAt: 0,
        inSync: false
      }
      this.links.set(peer.stationId, link)
    }
    return link
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

function writableBy(peerId: string, name: string): DocInfo | null {
  const info = parseDocName(name)
  return info && (info.owner === peerId || info.kind === 'plan') ? info : null
}

function refusalKind(reason: string): LinkEventKind {
  return reason === 'unpaired' ? 'refused-unpaired' : reason === 'no-certificate' ? 'refused-no-certificate' : 'refused-tls'
}

