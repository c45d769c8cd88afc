/**
 * Regression (found by the sync fuzz, RELIABILITY.md): a paired peer sending a burst of expensive frames kept the
 * station busy handling them one after another inside the read of its socket. Its pings, the screens' API calls
 * and every other link waited until the whole burst was done (5.7–10.5 s behind the full fuzz runs' floods).
 * The station now answers a ping the moment it reads it and works a burst off in turns, with the event loop free
 * in between. The test counts; it does not time: the station acknowledges each update in order once it has
 * handled it, so the acks the peer holds when an answer arrives say how much of the burst was done by then.
 */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import { connectToHost, type HostConnection } from '../../main/cli/host-client'
import { openDatabase } from '../../main/core/db/open-database'
import { ensureStationIdentity } from '../../main/core/identity/station-identity'
import { decodeFrame, encodeFrame, Kind, type Frame } from '../../main/core/sync/frames'
import { DEFAULT_INBOUND_LIMITS } from '../../main/core/sync/inbound-queue'
import { dialPeer } from '../../main/core/sync/tls-transport'
import { compressUpdate } from '../../main/core/sync/update-compression'
import type { MethodInput, MethodName, MethodOutput } from '../../preload/api'
import { startSourceHost, type SourceHost } from '../reliability/lib/source-programs'
import { useTempDirs } from '../helpers/temp-dir'
import { until } from '../helpers/until'

/** Updates in the burst: fewer than the station lets wait before it stops reading, so the ping is read at once. */
const BURST = 120

async function must<M extends MethodName>(host: HostConnection, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const reply = await host.call(method, input)
  if (!reply.ok) throw new Error(`${method}: ${reply.error.code}: ${reply.error.message}`)
  return reply.value as MethodOutput<M>
}

/**
 * Plans the peer opens, each with a long objective: every update is legal, small on the wire (repetitive text
 * compresses well) and costly to handle (inflate, store, materialise and fingerprint half a megabyte). Each goes
 * to a plan of its own, so none can be folded into another while they wait.
 */
function planBurst(peer: string): { ids: string[]; frames: Frame[] } {
  const ids = Array.from({ length: BURST }, () => randomUUID())
  const frames = ids.map((id, i): Frame => {
    const doc = new Y.Doc({ gc: false })
    const meta = doc.getMap('meta')
    meta.set('title', `Joint patrol ${i}`)
    meta.set('status', 'draft')
    meta.set('originStation', peer)
    meta.set('createdAt', '2026-11-20T08:30:00Z')
    doc.getArray('objectives').push([new Y.Map<unknown>([['id', 'o1'], ['text', `Check boat ${i} at the pier. `.repeat(20_000)]])])
    return { kind: Kind.update, doc: `plan/${id}`, ...compressUpdate(Y.encodeStateAsUpdateV2(doc)) }
  })
  return { ids, frames }
}

/** The peer's own documents, one update to each of `count` months: cheap, but none folds into another. */
function recordBurst(peer: string, count: number): Frame[] {
  return Array.from({ length: count }, (_, i): Frame => {
    const month = `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
    const doc = new Y.Doc()
    doc.getMap('records').set(`case-${i}`, { recordId: `case-${i}`, caseRef: `LA-${i}`, revision: 1 })
    return { kind: Kind.update, doc: `records/${peer}/${month}`, ...compressUpdate(Y.encodeStateAsUpdateV2(doc)) }
  })
}

/**
 * The peer's side of the link: counts the station's acks (and those saying the document holds something, i.e.
 * the update was stored), and notes how many acks there were when each pong came.
 */
function watch(ws: WebSocket, expected: number) {
  const seen = { acks: 0, stored: 0, acksAtPong: new Map<number, number>() }
  let started!: () => void
  let finished!: () => void
  const handlingStarted = new Promise<void>((resolve) => (started = resolve))
  const handledAll = new Promise<void>((resolve) => (finished = resolve))
  ws.on('message', (data: Buffer) => {
    const decoded = decodeFrame(new Uint8Array(data))
    if (!decoded.ok) return
    if (decoded.frame.kind === Kind.ack) {
      seen.acks++
      if (Y.decodeStateVector(decoded.frame.stateVector).size > 0) seen.stored++
      if (seen.acks === 1) started()
      if (seen.acks === expected) finished()
    }
    if (decoded.frame.kind === Kind.pong) seen.acksAtPong.set(decoded.frame.nonce, seen.acks)
  })
  return { seen, handlingStarted, handledAll }
}

describe('a paired peer flooding the link', () => {
  const tempDir = useTempDirs()
  let host: SourceHost | null = null
  let screen: HostConnection | null = null
  afterEach(async () => {
    screen?.close()
    await host?.stop()
    host = screen = null
  })

  /** A station host process, paired with a fresh peer identity; the peer's link is open. */
  async function pairedLink() {
    host = await startSourceHost(tempDir())
    screen = await connectToHost({ url: host.origin, token: host.token })
    const { stationId } = await must(screen, 'link.station', {})
    const peerDb = openDatabase(join(tempDir(), 'station.db'))
    const peer = await ensureStationIdentity(peerDb, { name: 'Houayxay BLO', country: 'LA' })
    peerDb.close()
    await must(screen, 'counterparts.add', { stationId: peer.stationId, address: '127.0.0.1:9', name: 'Houayxay BLO' })
    const { ws } = await dialPeer({ address: host.ready.sync!, expectedStationId: stationId, identity: peer })
    ws.binaryType = 'nodebuffer'
    return { screen, peer: peer.stationId, ws }
  }

  it("with expensive updates holds up neither the peer's pings nor a screen's calls until the burst is handled", async () => {
    const { screen, peer, ws } = await pairedLink()
    const burst = planBurst(peer)
    const { seen, handlingStarted, handledAll } = watch(ws, BURST)
    for (const frame of burst.frames) ws.send(encodeFrame(frame))

    // Once the station is busy with the burst: a ping from the peer, and a screen asking for the plan list.
    await handlingStarted
    ws.send(encodeFrame({ kind: Kind.ping, nonce: 7 }))
    const acksAtReply = await must(screen, 'plans.list', {}).then(() => seen.acks)
    await handledAll
    ws.terminate()

    // Both answers came while most of the burst was still waiting, not after it.
    const acksAtPong = seen.acksAtPong.get(7)!
    expect(acksAtPong).toBeGreaterThanOrEqual(1)
    expect(acksAtPong).toBeLessThan(BURST / 2)
    expect(acksAtReply).toBeLessThan(BURST / 2)
    // The burst was legal and all of it was taken.
    expect((await must(screen, 'plans.list', { limit: BURST })).rows.map((r) => r.id).sort()).toEqual(burst.ids.sort())
  }, 120_000)

  it('beyond what the station queues, is held back and loses nothing', async () => {
    const { screen, peer, ws } = await pairedLink()
    // Four times what the station lets wait before it stops reading (DEFAULT_INBOUND_LIMITS).
    const count = 4 * DEFAULT_INBOUND_LIMITS.maxFrames
    const { seen, handledAll } = watch(ws, count)
    for (const frame of recordBurst(peer, count)) ws.send(encodeFrame(frame))
    ws.send(encodeFrame({ kind: Kind.ping, nonce: 8 }))
    await handledAll
    // Every update was stored and acknowledged, and the session is still served.
    expect(seen.stored).toBe(count)
    expect(seen.acksAtPong.get(8)).toBeGreaterThan(0)
    ws.send(encodeFrame({ kind: Kind.ping, nonce: 9 }))
    await until(() => seen.acksAtPong.has(9), 'the answer to ping 9')
    expect(seen.acksAtPong.get(9)).toBe(count)
    ws.terminate()
    expect((await must(screen, 'link.log', { limit: 10 })).filter((e) => e.kind.startsWith('refused'))).toEqual([])
  }, 120_000)
})
