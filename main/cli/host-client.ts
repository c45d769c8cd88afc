/**
 * A Node client for the station host's WebSocket API, so `blo` can go through a running station
 * instead of opening its database behind its back. It presents the token and no Origin, like any
 * local program the host trusts by token alone.
 */
import WebSocket from 'ws'
import type { Reply } from '../../preload/api'
import { HOST_API_PATH, MAX_HOST_FRAME_BYTES, type HostCall, type HostServerMessage } from '../../preload/host-protocol'

const CONNECT_TIMEOUT_MS = 5000

export interface HostEndpoint {
  /** http://127.0.0.1:PORT */
  url: string
  token: string
}

export interface HostConnection {
  call(method: string, input: unknown): Promise<Reply<unknown>>
  close(): void
}

export function hostSocketUrl({ url, token }: HostEndpoint): string {
  const ws = new URL(HOST_API_PATH, url)
  ws.protocol = ws.protocol === 'https:' ? 'wss:' : 'ws:'
  ws.searchParams.set('token', token)
  return ws.href
}

/**
 * The call as the host reads it. An input the host would refuse unread (over its frame limit: it closes the
 * socket) or that cannot be written at all (nested deeper than the JSON writer's stack) is refused here, saying why.
 */
export function encodeCall(call: HostCall): string {
  let text: string
  try {
    text = JSON.stringify(call)
  } catch (error) {
    if (error instanceof RangeError) throw new Error(`the input is nested too deeply to send to the station (${error.message})`)
    throw error
  }
  const bytes = Buffer.byteLength(text)
  if (bytes > MAX_HOST_FRAME_BYTES) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1)
    throw new Error(`the input is ${mb(bytes)} MB; the station takes at most ${mb(MAX_HOST_FRAME_BYTES)} MB in one call`)
  }
  return text
}

export function connectToHost(endpoint: HostEndpoint): Promise<HostConnection> {
  const socket = new WebSocket(hostSocketUrl(endpoint), { maxPayload: MAX_HOST_FRAME_BYTES, handshakeTimeout: CONNECT_TIMEOUT_MS })
  const pending = new Map<number, { resolve: (reply: Reply<unknown>) => void; reject: (error: Error) => void }>()
  let nextId = 0
  let lost: Error | null = null

  socket.on('message', (data, isBinary) => {
    if (isBinary) return
    const message = JSON.parse(data.toString()) as HostServerMessage
    if (message.type !== 'reply') return
    pending.get(message.id)?.resolve(message.reply)
    pending.delete(message.id)
  })
  socket.on('close', () => {
    lost ??= new Error(`the station at ${endpoint.url} closed the connection before answering`)
    for (const p of pending.values()) p.reject(lost)
    pending.clear()
  })

  const connection: HostConnection = {
    call(method, input) {
      if (lost) return Promise.reject(lost)
      const id = nextId++
      let text: string
      try {
        text = encodeCall({ type: 'call', id, method, input })
      } catch (error) {
        return Promise.reject(error as Error)
      }
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject })
        socket.send(text)
      })
    },
    close: () => socket.close(1000)
  }

  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(connection))
    socket.once('unexpected-response', (_req, res) => {
      lost = new Error(`the station at ${endpoint.url} refused the connection (HTTP ${res.statusCode}); its endpoint record may be stale`)
      socket.terminate()
      reject(lost)
    })
    socket.on('error', (error) => {
      lost ??= new Error(`cannot reach the station at ${endpoint.url}: ${error.message}`)
      reject(lost)
    })
  })
}
