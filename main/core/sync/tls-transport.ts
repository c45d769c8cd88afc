import type { IncomingMessage } from 'node:http'
import { createServer } from 'node:https'
import { connect as tcpConnect, type Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls'
import { WebSocket, WebSocketServer } from 'ws'
import { parsePeerAddress, PeerAddressError, type PeerAddress } from '../identity/peer-address'
import { stationIdFromCertificate } from '../identity/station-id'

/**
 * The border link's transport: a WebSocket inside mutual TLS 1.3. Certificates are self-signed, so no CA
 * vouches for anyone; instead each side pins the other's certificate by station ID (a hash of it). The dialer
 * checks the listener's ID before sending a byte of HTTP; the listener checks the dialer's ID against the
 * paired list when the WebSocket upgrade arrives, so unpairing turns away the very next connection. TLS itself
 * proves that each side holds the private key of the certificate it shows (CertificateVerify), so copying a
 * paired station's certificate is useless without its key.
 */

export interface TransportIdentity {
  keyPem: string
  certPem: string
}

/** Bytes on the TCP connection (TLS records included), for link statistics and the benchmark. */
export interface WireBytes {
  readonly bytesRead: number
  readonly bytesWritten: number
}

export interface PeerConnection {
  stationId: string
  remoteAddress: string
  /** True when TLS resumed an earlier session (no certificates crossed the wire this time). */
  resumed: boolean
  /** The peer's certificate (DER), when it crossed the wire. */
  certificate: Uint8Array | null
  wire: WireBytes
}

export type RefusalReason = 'no-certificate' | 'unpaired' | 'tls-failed' | 'error'

export interface Refusal {
  remoteAddress: string
  stationId?: string
  reason: RefusalReason
  message: string
}

export interface ListenOptions {
  host: string
  /** 0 picks a free port (tests). */
  port: number
  identity: TransportIdentity
  /** Asked at every upgrade, so a pairing change applies to the next connection. */
  isPaired(stationId: string): boolean
  /** Gets the open WebSocket; attach an 'error' listener at once (ws emits one for an oversized or malformed frame before closing). */
  onPeer(ws: WebSocket, peer: PeerConnection): void
  onRefused(refusal: Refusal): void
  maxPayload?: number
  /** How long a TLS session ticket stays valid, so reconnects skip the certificate exchange. */
  sessionTimeoutSeconds?: number
  /** A stranger that opens TCP and says nothing is dropped after this long. */
  handshakeTimeoutMs?: number
}

export interface PeerListener {
  port: number
  close(): Promise<void>
}

export type DialFailure = 'bad-address' | 'unreachable' | 'timeout' | 'tls-failed' | 'wrong-station' | 'refused' | 'protocol'

export class DialError extends Error {
  constructor(
    readonly reason: DialFailure,
    message: string
  ) {
    super(message)
    this.name = 'DialError'
  }
}

export interface DialOptions {
  address: string
  expectedStationId: string
  identity: TransportIdentity
  timeoutMs?: number
  maxPayload?: number
  /**
   * TLS sessions by peer, kept by the caller across dials. A resumed session skips both certificates and
   * the signatures, which is most of a reconnect's handshake bytes. Only sessions from connections whose
   * station ID was verified are stored, under that ID.
   */
  sessions?: Map<string, Buffer>
}

export interface PeerLink {
  /** Open; attach an 'error' listener at once, as for ListenOptions.onPeer. */
  ws: WebSocket
  stationId: string
  resumed: boolean
  /** The peer's certificate (DER), when it crossed the wire. */
  certificate: Uint8Array | null
  wire: WireBytes
}

export const DEFAULT_MAX_PAYLOAD = 16 * 1024 * 1024
const DEFAULT_DIAL_TIMEOUT_MS = 20_000
const DEFAULT_SESSION_TIMEOUT_S = 12 * 60 * 60
const DEFAULT_HANDSHAKE_TIMEOUT_MS = 30_000
/** One peer needs one or two; the cap keeps a stranger from exhausting file descriptors. */
const MAX_CONNECTIONS = 64

/**
 * Both ends are ours, so the TLS offer can be narrow: every extra group, signature scheme or cipher is bytes
 * in each ClientHello on a link that may carry 8 KB/s. The signature scheme must match the station key type
 * (ECDSA P-256, see station-identity.ts).
 */
const TLS_SETTINGS = {
  minVersion: 'TLSv1.3',
  ecdhCurve: 'X25519:P-256',
  sigalgs: 'ecdsa_secp256r1_sha256'
} satisfies ConnectionOptions

const wireOf = (socket: Socket): WireBytes => ({
  get bytesRead() {
    return socket.bytesRead
  },
  get bytesWritten() {
    return socket.bytesWritten
  }
})

/**
 * The TCP socket under a server-side TLS socket, which Node keeps as `_parent` (undocumented, but unchanged
 * for a decade; the tests check both uses): only it counts the bytes on the wire (the TLS socket counts
 * none), and it still knows the remote address after a failed handshake has closed the TLS socket.
 */
const tcpUnder = (tls: TLSSocket): Socket | undefined => (tls as TLSSocket & { _parent?: Socket | null })._parent ?? undefined

const STATUS_TEXT: Record<number, string> = { 403: 'Forbidden', 503: 'Service Unavailable' }

/** Answers an upgrade with an HTTP status and closes, as ws does for its own refusals. */
function answerAndClose(socket: Duplex, status: number): void {
  socket.once('finish', () => socket.destroy())
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

export function listenForPeers(options: ListenOptions): Promise<PeerListener> {
  const server = createServer({
    key: options.identity.keyPem,
    cert: options.identity.certPem,
    ...TLS_SETTINGS,
    // Self-signed certificates fail chain validation by design; the station ID check below is the real one.
    requestCert: true,
    rejectUnauthorized: false,
    sessionTimeout: options.sessionTimeoutSeconds ?? DEFAULT_SESSION_TIMEOUT_S,
    handshakeTimeout: options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS
  })
  server.maxConnections = MAX_CONNECTIONS
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: options.maxPayload ?? DEFAULT_MAX_PAYLOAD
  })

  // Closing the listener must also drop strangers stuck before or inside the TLS handshake, and a failed
  // handshake is reported with the address it came from even though its TLS socket is gone by then.
  const tcpSockets = new Set<Socket>()
  const addresses = new WeakMap<Socket, string>()
  const remoteAddressOf = (tls: TLSSocket) => {
    const tcp = tcpUnder(tls)
    return tls.remoteAddress ?? (tcp && addresses.get(tcp)) ?? 'unknown'
  }
  server.on('connection', (socket: Socket) => {
    tcpSockets.add(socket)
    if (socket.remoteAddress) addresses.set(socket, socket.remoteAddress)
    socket.once('close', () => tcpSockets.delete(socket))
  })

  server.on('tlsClientError', (error: NodeJS.ErrnoException, socket: TLSSocket) => {
    const remoteAddress = remoteAddressOf(socket)
    options.onRefused({
      remoteAddress,
      reason: 'tls-failed',
      message: `A connection from ${remoteAddress} was dropped: no valid TLS handshake (${error.code ?? error.message}).`
    })
  })

  // The sync port speaks only WebSocket; anything else learns nothing about the station.
  server.on('request', (_req, res) => {
    res.writeHead(404, { 'Content-Type': 'text/plain', Connection: 'close' }).end('Not found\n')
  })

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const tls = req.socket as TLSSocket
    const remoteAddress = remoteAddressOf(tls)
    const refuse = (status: number, refusal: Omit<Refusal, 'remoteAddress'>) => {
      answerAndClose(socket, status)
      options.onRefused({ remoteAddress, ...refusal })
    }

    const certificate = tls.getPeerX509Certificate()
    if (!certificate) {
      refuse(403, { reason: 'no-certificate', message: `A connection from ${remoteAddress} presented no station certificate.` })
      return
    }
    const stationId = stationIdFromCertificate(certificate.raw)
    let paired: boolean
    try {
      paired = options.isPaired(stationId)
    } catch (error) {
      refuse(503, { stationId, reason: 'error', message: `Could not check the pairing of ${stationId}: ${String(error)}` })
      return
    }
    if (!paired) {
      refuse(403, {
        stationId,
        reason: 'unpaired',
        message: `Station ${stationId} at ${remoteAddress} tried to connect but is not paired with this station.`
      })
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      options.onPeer(ws, {
        stationId,
        remoteAddress,
        resumed: tls.isSessionReused(),
        certificate: new Uint8Array(certificate.raw),
        wire: wireOf(tcpUnder(tls) ?? tls)
      })
    })
  })

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      server.off('error', reject)
      const address = server.address()
      resolve({
        port: typeof address === 'object' && address ? address.port : options.port,
        close: () =>
          new Promise<void>((done) => {
            for (const ws of wss.clients) ws.terminate()
            for (const socket of tcpSockets.values()) socket.destroy()
            wss.close()
            server.close(() => done())
          })
      })
    })
  })
}

/**
 * Connects to a paired station and opens the WebSocket, after checking that the station answering is the one
 * paired under `expectedStationId`. Rejects with a DialError whose reason a link status can show.
 */
export function dialPeer(options: DialOptions): Promise<PeerLink> {
  let address: PeerAddress
  try {
    address = parsePeerAddress(options.address)
  } catch (error) {
    const message = error instanceof PeerAddressError ? error.message : String(error)
    return Promise.reject(new DialError('bad-address', message))
  }
  const { host, port, text: target } = address
  const expected = options.expectedStationId
  const sessionKey = `${expected}@${target}`
  const offered = options.sessions?.get(sessionKey)
  const timeoutMs = options.timeoutMs ?? DEFAULT_DIAL_TIMEOUT_MS

  return new Promise((resolve, reject) => {
    let settled = false
    let verified = false
    let ws: WebSocket | undefined
    let pendingSession: Buffer | undefined

    const tcp = tcpConnect({ host, port })
    const tls = tlsConnect({
      socket: tcp,
      key: options.identity.keyPem,
      cert: options.identity.certPem,
      ...TLS_SETTINGS,
      rejectUnauthorized: false,
      session: offered
    })

    const fail = (error: DialError) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      ws?.terminate()
      tls.destroy()
      tcp.destroy()
      reject(error)
    }
    const timer = setTimeout(
      () => fail(new DialError('timeout', `No answer from ${target} within ${Math.round(timeoutMs / 1000)} s.`)),
      timeoutMs
    )

    let reached = false
    tcp.once('connect', () => (reached = true))
    const onSocketError = (error: NodeJS.ErrnoException) => {
      const why = error.code ?? error.message
      fail(
        reached
          ? new DialError('tls-failed', `The TLS handshake with ${target} failed (${why}).`)
          : new DialError('unreachable', `Cannot reach ${target} (${why}).`)
      )
    }
    tcp.on('error', onSocketError)
    tls.on('error', onSocketError)
    tls.on('session', (session: Buffer) => {
      if (!options.sessions) return
      if (verified) options.sessions.set(sessionKey, session)
      else pendingSession = session
    })

    tls.once('secureConnect', () => {
      const certificate = tls.getPeerX509Certificate()
      let actual: string
      if (certificate) {
        actual = stationIdFromCertificate(certificate.raw)
      } else if (offered && tls.isSessionReused()) {
        // No certificate crosses a resumed handshake; completing it proves the server holds the secret of a
        // session that was verified as `expected` when it was stored.
        actual = expected
      } else {
        fail(new DialError('tls-failed', `${target} presented no certificate.`))
        return
      }
      if (actual !== expected) {
        options.sessions?.delete(sessionKey)
        fail(
          new DialError(
            'wrong-station',
            `The station answering at ${target} has ID ${actual}, but the paired station has ID ${expected}. ` +
              'Nothing was sent. Someone else may be answering at that address, or the counterpart was reinstalled: ' +
              'confirm its ID with the counterpart by phone before changing the pairing.'
          )
        )
        return
      }
      verified = true
      if (pendingSession) options.sessions?.set(sessionKey, pendingSession)

      const socket = new WebSocket(`wss://${target}/`, {
        createConnection: () => tls as unknown as Socket,
        perMessageDeflate: false,
        maxPayload: options.maxPayload ?? DEFAULT_MAX_PAYLOAD
      })
      ws = socket
      const onError = (error: Error) => fail(new DialError('protocol', `The WebSocket handshake with ${target} failed: ${error.message}`))
      socket.once('error', onError)
      socket.once('unexpected-response', (_req, res) => {
        fail(
          res.statusCode === 403
            ? new DialError(
                'refused',
                `Station ${expected} at ${target} refused this station: it has not paired this station's ID, or has removed the pairing.`
              )
            : new DialError('protocol', `${target} answered HTTP ${res.statusCode} instead of opening the link.`)
        )
      })
      socket.once('open', () => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        socket.off('error', onError)
        resolve({ ws: socket, stationId: actual, resumed: tls.isSessionReused(), certificate: certificate ? new Uint8Array(certificate.raw) : null, wire: wireOf(tcp) })
      })
    })
  })
}
