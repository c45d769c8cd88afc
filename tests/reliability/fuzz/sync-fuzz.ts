/**
 * A paired peer gone bad: dials the station over the real mutual-TLS link with a paired identity and sends
 * fuzzed frames as fast as the station reads them, checking every so often (ping → pong) that the station
 * still serves the session and how long its answer takes behind the flood. A session the station closes (a
 * wrong protocol version, a frame over the WebSocket limit) is dialled again, as a real peer would.
 */
import type { WebSocket } from 'ws'
import type { Rng } from '../../../main/core/cases/seed-data/random'
import { decodeFrame, encodeFrame, Kind } from '../../../main/core/sync/frames'
import { dialPeer, DEFAULT_MAX_PAYLOAD, type TransportIdentity } from '../../../main/core/sync/tls-transport'
import { sleep } from '../lib/waiting'
import type { FrameClass, FrameCorpus } from './frame-corpus'

export interface SyncFuzzOptions {
  address: string
  targetId: string
  identity: TransportIdentity
  corpus: FrameCorpus
  frames: number
  rng: Rng
  /** Ping the station and wait for its pong after every so many frames. */
  checkEvery?: number
  /** Send one frame over the WebSocket limit after every so many frames (the station drops that connection). */
  overLimitEvery?: number
  progress?: (line: string) => void
}

export interface SyncFuzzResult {
  frames: number
  byClass: Partial<Record<FrameClass | 'over-ws-limit', number>>
  sessions: number
  checks: number
  slowestCheckMs: number
  /** Half the pings came back within this, and nine in ten within the next. */
  medianCheckMs: number
  p90CheckMs: number
  problems: string[]
}

interface Connection {
  ws: WebSocket
  closed: boolean
  pongs: Set<number>
  wake: () => void
}

/** Far beyond any answer seen (see RELIABILITY.md): only a station that stopped serving the session misses it. */
const PONG_TIMEOUT_MS = 60_000

export async function fuzzSync(options: SyncFuzzOptions): Promise<SyncFuzzResult> {
  const result: SyncFuzzResult = { frames: 0, byClass: {}, sessions: 0, checks: 0, slowestCheckMs: 0, medianCheckMs: 0, p90CheckMs: 0, problems: [] }
  const checkMs: number[] = []
  const checkEvery = options.checkEvery ?? 250
  const overLimitEvery = options.overLimitEvery ?? 25_000
  let nonce = 1_000_000_000
  let connection: Connection | null = null

  const connect = async (): Promise<Connection> => {
    for (let attempt = 1; ; attempt++) {
      try {
        const link = await dialPeer({ address: options.address, expectedStationId: options.targetId, identity: options.identity, timeoutMs: 10_000 })
        const c: Connection = { ws: link.ws, closed: false, pongs: new Set(), wake: () => undefined }
        link.ws.binaryType = 'nodebuffer'
        link.ws.on('message', (data: Buffer) => {
          const decoded = decodeFrame(new Uint8Array(data))
          if (decoded.ok && decoded.frame.kind === Kind.pong) c.pongs.add(decoded.frame.nonce)
          c.wake()
        })
        link.ws.on('close', () => {
          c.closed = true
          c.wake()
        })
        link.ws.on('error', () => undefined)
        result.sessions++
        return c
      } catch (error) {
        if (attempt >= 10) throw new Error(`the station no longer accepts its paired peer: ${(error as Error).message}`)
        await sleep(200 * attempt)
      }
    }
  }

  /** Resolves true when the pong arrives, false when the session closed first; throws on silence. */
  const check = async (c: Connection): Promise<boolean> => {
    const n = ++nonce
    const started = performance.now()
    c.ws.send(encodeFrame({ kind: Kind.ping, nonce: n }))
    while (!c.pongs.has(n)) {
      if (c.closed) return false
      if (performance.now() - started > PONG_TIMEOUT_MS) throw new Error(`the station did not answer a ping within ${PONG_TIMEOUT_MS / 1000} s`)
      await new Promise<void>((resolve) => {
        c.wake = resolve
        setTimeout(resolve, 100)
      })
    }
    result.checks++
    checkMs.push(performance.now() - started)
    return true
  }

  try {
    while (result.frames < options.frames) {
      if (!connection || connection.closed) connection = await connect()
      const c = connection
      if (result.frames > 0 && result.frames % overLimitEvery === 0) {
        c.ws.send(new Uint8Array(DEFAULT_MAX_PAYLOAD + 1))
        result.byClass['over-ws-limit'] = (result.byClass['over-ws-limit'] ?? 0) + 1
        result.frames++
        continue
      }
      for (const frame of options.corpus.next()) {
        if (c.closed) break
        c.ws.send(frame.bytes)
        result.frames++
        result.byClass[frame.class] = (result.byClass[frame.class] ?? 0) + 1
        if (result.frames % checkEvery === 0) {
          await check(c)
          if (result.frames % (checkEvery * 20) === 0) options.progress?.(`sync fuzz: ${result.frames} frames, ${result.sessions} sessions`)
        }
      }
      while (!c.closed && c.ws.bufferedAmount > 256 * 1024) await sleep(5)
    }
    // The last word: a fresh session still syncs.
    if (!connection || connection.closed) connection = await connect()
    if (!(await check(connection))) result.problems.push('the station closed a fresh session at once')
  } catch (error) {
    result.problems.push(`after ${result.frames} frames: ${(error as Error).message}`)
  } finally {
    connection?.ws.terminate()
  }
  const sorted = checkMs.sort((a, b) => a - b)
  const at = (share: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0)
  return { ...result, slowestCheckMs: at(1), medianCheckMs: at(0.5), p90CheckMs: at(0.9) }
}
