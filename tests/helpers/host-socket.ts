/** A raw WebSocket client for the station host's API, for tests that must see exactly what goes over the wire. */
import WebSocket from 'ws'
import type { HostServerMessage } from '../../preload/host-protocol'

export interface TestSocket {
  ws: WebSocket
  /** Resolves with the next received message that matches, or rejects after timeoutMs. */
  next(match: (message: HostServerMessage) => boolean, timeoutMs?: number): Promise<HostServerMessage>
  call(id: number, method: string, input: unknown): Promise<Extract<HostServerMessage, { type: 'reply' }>>
  close(): void
}

export function socketUrl(origin: string, token: string | null): string {
  const url = new URL('/api', origin.replace(/^http/, 'ws'))
  if (token !== null) url.searchParams.set('token', token)
  return url.href
}

/** Connects and resolves when open; rejects with the HTTP status the host refused the upgrade with. */
export function openSocket(url: string, headers: Record<string, string> = {}): Promise<TestSocket> {
  const ws = new WebSocket(url, { headers })
  const received: HostServerMessage[] = []
  const waiters = new Set<() => void>()
  ws.on('message', (data) => {
    received.push(JSON.parse(data.toString()) as HostServerMessage)
    for (const wake of waiters) wake()
  })

  const next: TestSocket['next'] = (match, timeoutMs = 5000) =>
    new Promise((resolve, reject) => {
      const look = (): boolean => {
        const index = received.findIndex(match)
        if (index < 0) return false
        waiters.delete(check)
        clearTimeout(timer)
        resolve(received.splice(index, 1)[0])
        return true
      }
      const check = (): void => void look()
      const timer = setTimeout(() => {
        waiters.delete(check)
        reject(new Error('no matching message in time'))
      }, timeoutMs)
      if (!look()) waiters.add(check)
    })

  const socket: TestSocket = {
    ws,
    next,
    call: async (id, method, input) => {
      ws.send(JSON.stringify({ type: 'call', id, method, input }))
      return (await next((m) => m.type === 'reply' && m.id === id)) as Extract<HostServerMessage, { type: 'reply' }>
    },
    close: () => ws.close()
  }
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(socket))
    ws.once('unexpected-response', (_req, res) => {
      ws.terminate()
      reject(Object.assign(new Error(`upgrade refused: HTTP ${res.statusCode}`), { status: res.statusCode }))
    })
    ws.on('error', reject)
  })
}
