/**
 * A BLO station as a separate process, as an office runs it: the built station host (sync on loopback),
 * driven by the built `blo` CLI and watched through the host's WebSocket API.
 */
import { expect } from 'vitest'
import type { ExchangePage, LinkStatus, PeerLinkStatus, StationCard } from '../../preload/api'
import { runCli, startHost, type RunningHost } from './built-programs'
import type { HostServerMessage } from '../../preload/host-protocol'
import { openSocket, socketUrl, type TestSocket } from './host-socket'

export const LOOPBACK_SYNC = ['--sync-port', '0', '--sync-host', '127.0.0.1']
/** How tests wait on the hosts: other processes, so a call may fail while one starts or stops. */
export const hosts = { retryOnError: true, timeoutMs: 20_000, everyMs: 50 }

/** `blo ARGS --data DIR`, which must succeed; its JSON output. */
export async function blo<T>(dir: string, args: string[], stdin?: string): Promise<T> {
  const result = await runCli([...args, '--data', dir], { stdin })
  expect(result.code, `blo ${args.join(' ')}: ${result.stderr}`).toBe(0)
  return result.json<T>()
}

export interface Office {
  dir: string
  id: string
  host: RunningHost
  /** HOST:PORT from the ready line */
  sync: string
  call<T>(method: string, input?: unknown): Promise<T>
  blo<T>(args: string[], stdin?: string): Promise<T>
  /** This office's view of its link with the other one. */
  linkTo(other: { id: string }): Promise<PeerLinkStatus | undefined>
  list(box: string, q?: string): Promise<ExchangePage>
  /** Whether the host has pushed this event (with a payload passing `match`) since the office started. */
  hasEvent(event: string, match?: (payload: unknown) => boolean): boolean
  stop(): Promise<void>
}

export async function initOffice(dir: string, name: string, country: string): Promise<string> {
  await blo(dir, ['init', '--name', name, '--country', country])
  return dir
}

export async function startOffice(dir: string): Promise<Office> {
  const host = await startHost(['--data', dir, '--port', '0', ...LOOPBACK_SYNC])
  expect(host.ready.sync).toMatch(/^127\.0\.0\.1:\d+$/)
  const socket: TestSocket = await openSocket(socketUrl(host.origin, host.token))
  const events: { event: string; payload: unknown }[] = []
  socket.ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as HostServerMessage
    if (message.type === 'event') events.push(message)
  })
  let nextId = 0
  const call = async <T,>(method: string, input: unknown = {}): Promise<T> => {
    const { reply } = await socket.call(++nextId, method, input)
    if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`)
    return reply.value as T
  }
  const { stationId } = await call<StationCard>('link.station')
  return {
    dir,
    id: stationId,
    host,
    sync: host.ready.sync!,
    call,
    blo: (args, stdin) => blo(dir, args, stdin),
    linkTo: async (other) => (await call<LinkStatus>('link.status')).peers.find((p) => p.stationId === other.id),
    list: (box, q) => call<ExchangePage>('exchange.list', { box, ...(q === undefined ? {} : { q }) }),
    hasEvent: (event, match = () => true) => events.some((e) => e.event === event && match(e.payload)),
    stop: async () => {
      socket.close()
      expect(await host.stop()).toBe(0)
    }
  }
}

/** Connected, nothing waiting either way, and a complete sync since `since`. */
export const isSynced = (link: PeerLinkStatus | undefined, since = '') =>
  link?.state === 'connected' && link.pendingDocs === 0 && link.pendingBytes === 0 && link.lastCompleteSync !== null && link.lastCompleteSync >= since
