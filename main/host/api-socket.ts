/**
 * The station API over WebSocket (preload/host-protocol.ts): a guarded upgrade, JSON call frames in,
 * reply and event frames out. A bad frame gets an invalid_input reply and the connection stays up;
 * only an oversized frame closes it (ws answers 1009), because reading it at all is the attack.
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import type { ApiErrorShape } from '../../preload/api'
import { HOST_API_PATH, HostCall, MAX_HOST_FRAME_BYTES, type HostServerMessage } from '../../preload/host-protocol'
import { mayReceiveEvents, screenConnection, systemConnection, type ConnectionState, type Station } from '../core/station'
import { tokenMatches } from './access-token'

/** Replies to frames too broken to carry a usable call id; clients number their calls from 0 up and ignore it. */
export const UNADDRESSED_REPLY_ID = -1

const CLOSE_GRACE_MS = 1000

export interface ApiSocketOptions {
  station: Station
  token: string
  /** Our own origin, http://127.0.0.1:PORT: the only page allowed to open the socket. */
  origin: string
  /** The Host header a genuine request carries (127.0.0.1:PORT): anything else is DNS rebinding or a stray client. */
  host: string
  /**
   * The name a local program (the CLI) acts under: it presents the token with no Origin, i.e. it runs as the OS user
   * who owns the data folder, so it acts with that authority (e.g. `cli:somchai`). Pages must sign in.
   */
  localActor: string
  log: (message: string) => void
}

export interface ApiSocket {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  close(): Promise<void>
}

function refuse(socket: Duplex, status: number): void {
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
  socket.destroy()
}

const invalidFrame = (message: string, issues: ApiErrorShape['issues'] = []): ApiErrorShape => ({
  code: 'invalid_input',
  message,
  issues
})

export function createApiSocket({ station, token, origin, host, localActor, log }: ApiSocketOptions): ApiSocket {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_HOST_FRAME_BYTES, clientTracking: true })
  /** Who is signed in on each socket: its own state, created with the socket and gone with it. */
  const connections = new WeakMap<WebSocket, ConnectionState>()

  const send = (ws: WebSocket, message: HostServerMessage): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message))
  }

  async function receive(ws: WebSocket, connection: ConnectionState, data: RawData, isBinary: boolean): Promise<void> {
    if (isBinary) {
      return send(ws, { type: 'reply', id: UNADDRESSED_REPLY_ID, reply: { ok: false, error: invalidFrame('Frames must be JSON text, not binary.') } })
    }
    let raw: unknown
    try {
      raw = JSON.parse(data.toString())
    } catch {
      return send(ws, { type: 'reply', id: UNADDRESSED_REPLY_ID, reply: { ok: false, error: invalidFrame('The frame is not valid JSON.') } })
    }
    const call = HostCall.safeParse(raw)
    if (!call.success) {
      const id = (raw as { id?: unknown } | null)?.id
      const issues = call.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
      const first = issues[0]
      return send(ws, {
        type: 'reply',
        id: Number.isSafeInteger(id) && (id as number) >= 0 ? (id as number) : UNADDRESSED_REPLY_ID,
        reply: { ok: false, error: invalidFrame(`The frame is not a valid call — ${first.path || 'frame'}: ${first.message}`, issues) }
      })
    }
    const reply = await station.dispatch(call.data.method, call.data.input, connection)
    send(ws, { type: 'reply', id: call.data.id, reply })
  }

  wss.on('connection', (ws, req: IncomingMessage) => {
    // handleUpgrade let through only our own page (Origin = ours) or a token holder with no Origin at all.
    const connection = req.headers.origin === undefined ? systemConnection(localActor) : screenConnection()
    connections.set(ws, connection)
    ws.on('message', (data, isBinary) => void receive(ws, connection, data, isBinary))
    // ws reports protocol violations (oversized or malformed frames) here, then closes that one socket.
    ws.on('error', (error) => log(`api client dropped: ${error.message}`))
  })

  const unsubscribe = station.onEvent((event, payload) => {
    const frame: HostServerMessage = { type: 'event', event, payload }
    const text = JSON.stringify(frame)
    for (const client of wss.clients) {
      const connection = connections.get(client)
      if (client.readyState === client.OPEN && connection && mayReceiveEvents(connection)) client.send(text)
    }
  })

  return {
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', origin)
      if (url.pathname !== HOST_API_PATH) return refuse(socket, 404)
      if (req.headers.host !== host) return refuse(socket, 403)
      // Browsers always send Origin; a local program (the CLI) sends none and is trusted by its token alone.
      if (req.headers.origin !== undefined && req.headers.origin !== origin) {
        log(`api connection refused: foreign origin ${JSON.stringify(req.headers.origin).slice(0, 200)}`)
        return refuse(socket, 403)
      }
      if (!tokenMatches(token, url.searchParams.get('token'))) {
        log('api connection refused: missing or wrong token')
        return refuse(socket, 401)
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
    },
    async close() {
      unsubscribe()
      const closing = [...wss.clients].map(
        (client) =>
          new Promise<void>((resolve) => {
            // A client that does not answer the close handshake must not hold the shutdown up.
            const cut = setTimeout(() => client.terminate(), CLOSE_GRACE_MS)
            client.once('close', () => {
              clearTimeout(cut)
              resolve()
            })
            client.close(1001, 'station shutting down')
          })
      )
      wss.close()
      await Promise.all(closing)
    }
  }
}
