/**
 * Keeps one connection per paired station alive over the mutual-TLS WebSocket transport: listens and dials,
 * keeps a single connection when both sides connect at once, and reconnects with backoff and jitter. What runs
 * over a connection is the caller's (sync-engine.ts); it sees only a FrameChannel.
 */
import type { WebSocket } from 'ws'
import type { LinkEventKind } from '../identity/link-log'
import type { Counterpart } from '../identity/counterpart-registry'
import type { FrameChannel } from './frame-channel'
import { DialError, dialPeer, listenForPeers, type PeerListener, type TransportIdentity } from './tls-transport'

export type LinkState = 'connected' | 'connecting' | 'offline' | 'refused'

export interface PeerDirectory {
  list(): Counterpart[]
  isPaired(stationId: string): boolean
}

export interface ConnectionOptions {
  backoffBaseMs?: number
  backoffMaxMs?: number
  dialTimeoutMs?: number
  /** Connections within this time of each other count as simultaneous: the tie-break decides. */
  simultaneousMs?: number
}

/** What runs over one connection. */
export interface Attached {
  start(): void
  receive(frame: Uint8Array): void
  /** This side ends it, or the connection closed under it. */
  close(reason: string): void
  /** The connection went down without this side dropping or replacing it (called after close). */
  disconnected(): void
}

export interface ConnectionDeps {
  self: string
  identity: TransportIdentity
  peers: PeerDirectory
  log(peer: string | null, kind: LinkEventKind, detail: string): void
  onStatus(): void
  /** A paired station's certificate, as its TLS handshake presented it. */
  onCertificate?(peer: string, certificate: Uint8Array): void
  /** A connection to `peer` is up; returns what runs over it. */
  attach(peer: Counterpart, channel: FrameChannel): Attached
  options?: ConnectionOptions
}

export interface ConnectionState {
  state: LinkState
  lastError: string | null
  nextAttemptAt: number | null
}

interface Connection {
  peer: Counterpart
  ws: WebSocket | null
  attached: Attached | null
  dialedBy: string | null
  connectedAt: number
  dialing: boolean
  attempt: number
  retry: NodeJS.Timeout | null
  nextAttemptAt: number | null
  refused: boolean
  lastError: string | null
}

/** A session must last this long, or reach sync, before the backoff forgets earlier failures. */
const STABLE_SESSION_MS = 30_000

export class PeerConnections {
  private readonly connections = new Map<string, Connection>()
  private listener: PeerListener | null = null
  private readonly tlsSessions = new Map<string, Buffer>()
  private stopped = false
  private readonly options: Required<ConnectionOptions>

  constructor(private readonly deps: ConnectionDeps) {
    this.options = { backoffBaseMs: 1_000, backoffMaxMs: 60_000, dialTimeoutMs: 20_000, simultaneousMs: 5_000, ...deps.options }
  }

  async listen(host: string, port: number): Promise<number> {
    this.listener = await listenForPeers({
      host,
      port,
      identity: this.deps.identity,
      isPaired: (id) => this.deps.peers.isPaired(id),
      onPeer: (ws, peer) => {
        if (peer.certificate) this.deps.onCertificate?.(peer.stationId, peer.certificate)
        this.attach(peer.stationId, ws, peer.stationId)
      },
      onRefused: (r) => this.deps.log(r.stationId ?? null, refusalKind(r.reason), r.message)
    })
    return this.listener.port
  }

  /** Keeps a paired station connected: dials it unless connected or a dial is due. */
  track(peer: Counterpart): void {
    const connection = this.connectionFor(peer)
    const moved = connection.peer.address !== peer.address
    connection.peer = peer
    // A corrected address is tried at once, not after the backoff of the old one.
    if (moved && connection.retry) {
      clearTimeout(connection.retry)
      connection.retry = null
      connection.attempt = 0
    }
    if (!connection.ws) this.scheduleDial(connection, 0)
  }

  /** Unpairing revokes access at once: drop the live connection, forget the station. */
  forget(peerId: string): void {
    const connection = this.connections.get(peerId)
    if (!connection) return
    this.drop(connection, 'unpaired')
    this.connections.delete(peerId)
  }

  /** The session over the connection reached sync: the backoff forgets earlier failures. */
  proven(peerId: string): void {
    const connection = this.connections.get(peerId)
    if (connection) connection.attempt = 0
  }

  state(peerId: string): ConnectionState {
    const c = this.connections.get(peerId)
    if (!c) return { state: 'offline', lastError: null, nextAttemptAt: null }
    return {
      state: c.ws ? 'connected' : c.refused ? 'refused' : c.dialing ? 'connecting' : 'offline',
      lastError: c.lastError,
      nextAttemptAt: c.nextAttemptAt
    }
  }

  /** Drops every connection and dials no more; the listening socket closes after. */
  stop(reason: string): Promise<void> {
    this.stopped = true
    for (const connection of this.connections.values()) this.drop(connection, reason)
    const closing = this.listener?.close() ?? Promise.resolve()
    this.listener = null
    return closing
  }

  private attach(peerId: string, ws: WebSocket, dialedBy: string): void {
    const peer = this.deps.peers.list().find((p) => p.stationId === peerId)
    if (this.stopped || !peer) {
      ws.terminate()
      return
    }
    const connection = this.connectionFor(peer)
    if (connection.ws) {
      // Both stations dialled at once: both keep the connection dialled by the smaller station ID.
      // Later than that, a new connection means the peer lost the old one: the newest wins.
      const simultaneous = Date.now() - connection.connectedAt < this.options.simultaneousMs
      const preferred = this.deps.self < peerId ? this.deps.self : peerId
      if (simultaneous && connection.dialedBy === preferred && dialedBy !== preferred) {
        ws.terminate()
        return
      }
      this.drop(connection, 'replaced by a newer connection')
    }
    if (connection.retry) clearTimeout(connection.retry)
    connection.retry = null
    connection.nextAttemptAt = null
    connection.refused = false
    connection.lastError = null

    const attached = this.deps.attach(peer, {
      send: (frame) => {
        if (ws.readyState === ws.OPEN) ws.send(frame)
      },
      close: () => ws.terminate(),
      pause: () => ws.pause(),
      resume: () => ws.resume()
    })
    connection.ws = ws
    connection.attached = attached
    connection.dialedBy = dialedBy
    connection.connectedAt = Date.now()
    ws.binaryType = 'nodebuffer'
    ws.on('message', (data: Buffer) => attached.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)))
    ws.on('close', () => {
      attached.close('connection closed')
      if (connection.ws !== ws) return
      const lived = Date.now() - connection.connectedAt
      connection.ws = null
      connection.attached = null
      if (lived >= STABLE_SESSION_MS) connection.attempt = 0
      this.deps.log(peerId, 'disconnected', `session ended after ${Math.round(lived / 1000)} s`)
      attached.disconnected()
      this.scheduleDial(connection)
      this.deps.onStatus()
    })
    ws.on('error', () => undefined) // 'close' follows and handles it
    this.deps.log(peerId, 'connected', dialedBy === this.deps.self ? 'we dialled' : 'peer dialled')
    attached.start()
    this.deps.onStatus()
  }

  private drop(connection: Connection, reason: string): void {
    if (connection.retry) clearTimeout(connection.retry)
    connection.retry = null
    connection.nextAttemptAt = null
    const { attached, ws } = connection
    connection.attached = null
    connection.ws = null
    attached?.close(reason)
    ws?.terminate()
  }

  private scheduleDial(connection: Connection, delayMs?: number): void {
    if (this.stopped || connection.ws || connection.dialing || connection.retry || !connection.peer.address) return
    const delay = delayMs ?? this.backoff(connection.attempt)
    connection.nextAttemptAt = Date.now() + delay
    connection.retry = setTimeout(() => {
      connection.retry = null
      connection.nextAttemptAt = null
      void this.dial(connection)
    }, delay)
    connection.retry.unref()
  }

  /** Exponential backoff with equal jitter: never a tight loop, and two stations do not retry in lockstep. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** Math.min(attempt, 20))
    return ceiling / 2 + Math.random() * (ceiling / 2)
  }

  private async dial(connection: Connection): Promise<void> {
    if (this.stopped || connection.ws || connection.dialing) return
    connection.dialing = true
    connection.attempt++
    this.deps.onStatus()
    try {
      const connected = await dialPeer({
        address: connection.peer.address,
        expectedStationId: connection.peer.stationId,
        identity: this.deps.identity,
        timeoutMs: this.options.dialTimeoutMs,
        sessions: this.tlsSessions
      })
      connection.dialing = false
      if (!this.connections.has(connection.peer.stationId) || this.stopped) {
        connected.ws.terminate()
        return
      }
      if (connected.certificate) this.deps.onCertificate?.(connected.stationId, connected.certificate)
      this.attach(connection.peer.stationId, connected.ws, this.deps.self)
    } catch (error) {
      connection.dialing = false
      // A dial that ends after the link stopped has no one to tell: the station's database may be closed already.
      if (this.stopped) return
      const reason = error instanceof DialError ? error.reason : 'unreachable'
      connection.refused = reason === 'refused' || reason === 'wrong-station'
      connection.lastError = (error as Error).message
      if (connection.refused) this.deps.log(connection.peer.stationId, 'dial-failed', connection.lastError)
      this.scheduleDial(connection)
      this.deps.onStatus()
    }
  }

  private connectionFor(peer: Counterpart): Connection {
    let connection = this.connections.get(peer.stationId)
    if (!connection) {
      connection = {
        peer,
        ws: null,
        attached: null,
        dialedBy: null,
        connectedAt: 0,
        dialing: false,
        attempt: 0,
        retry: null,
        nextAttemptAt: null,
        refused: false,
        lastError: null
      }
      this.connections.set(peer.stationId, connection)
    }
    return connection
  }
}

function refusalKind(reason: string): LinkEventKind {
  return reason === 'unpaired' ? 'refused-unpaired' : reason === 'no-certificate' ? 'refused-no-certificate' : 'refused-tls'
}
