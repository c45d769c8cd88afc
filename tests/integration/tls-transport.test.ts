import type { Database } from 'better-sqlite3'
import { createPrivateKey, X509Certificate } from 'node:crypto'
import { request } from 'node:https'
import { connect, createServer, type Server, type Socket } from 'node:net'
import { join } from 'node:path'
import { connect as tlsConnect } from 'node:tls'
import type { WebSocket } from 'ws'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../main/core/db/open-database'
import { AuditLog } from '../../main/core/audit/audit-log'
import { CounterpartRegistry } from '../../main/core/identity/counterpart-registry'
import { ensureStationIdentity, type StationIdentity } from '../../main/core/identity/station-identity'
import {
  dialPeer,
  DialError,
  listenForPeers,
  type DialOptions,
  type PeerConnection,
  type PeerLink,
  type PeerListener,
  type Refusal
} from '../../main/core/sync/tls-transport'
import { rawTlsUpgrade } from '../helpers/raw-tls13-client'
import { until } from '../helpers/until'

interface TestStation {
  identity: StationIdentity
  db: Database
  registry: CounterpartRegistry
}

interface Listening {
  listener: PeerListener
  address: string
  peers: { ws: WebSocket; peer: PeerConnection }[]
  refusals: Refusal[]
}

const HOST = '127.0.0.1'
const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

async function listen(station: TestStation): Promise<Listening> {
  const peers: Listening['peers'] = []
  const refusals: Refusal[] = []
  const listener = await listenForPeers({
    host: HOST,
    port: 0,
    identity: station.identity,
    isPaired: (id) => station.registry.isPaired(id),
    onPeer: (ws, peer) => peers.push({ ws, peer }),
    onRefused: (refusal) => refusals.push(refusal)
  })
  cleanup.push(() => listener.close())
  return { listener, address: `${HOST}:${listener.port}`, peers, refusals }
}

async function dial(options: DialOptions): Promise<PeerLink> {
  const link = await dialPeer({ timeoutMs: 5000, ...options })
  cleanup.push(() => link.ws.terminate())
  return link
}

async function dialFailure(options: DialOptions): Promise<DialError> {
  const error = await dialPeer({ timeoutMs: 5000, ...options }).then(
    () => new Error('the dial should have failed'),
    (e: unknown) => e
  )
  if (!(error instanceof DialError)) throw error
  return error
}

const nextMessage = (ws: WebSocket) =>
  new Promise<string>((resolve) => ws.once('message', (data) => resolve(String(data))))

describe('mutual-TLS WebSocket transport', () => {
  let dir: string
  const databases: Database[] = []
  let chiangKhong: TestStation
  let huayXai: TestStation
  let stranger: TestStation

  async function station(name: string, country: string): Promise<TestStation> {
    const db = openDatabase(join(dir, `${country}.db`))
    databases.push(db)
    const identity = await ensureStationIdentity(db, { name, country })
    return { identity, db, registry: new CounterpartRegistry(db, identity.stationId, new AuditLog(db)) }
  }

  beforeAll(async () => {
    // Key generation is cheap, but the stations keep their identities across tests like real ones would.
    dir = mkdtempSync(join(tmpdir(), 'blo-tls-'))
    chiangKhong = await station('Chiang Khong BLO', 'TH')
    huayXai = await station('Huay Xai BLO', 'LA')
    stranger = await station('Somewhere Else', 'MM')
  })
  afterAll(() => {
    for (const db of databases) db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  function pairBothWays(a: Listening, b: Listening | null) {
    chiangKhong.registry.add({ stationId: huayXai.identity.stationId, address: b?.address ?? '127.0.0.1:9' }, 'test')
    huayXai.registry.add({ stationId: chiangKhong.identity.stationId, address: a.address }, 'test')
    cleanup.push(() => {
      for (const [s, other] of [[chiangKhong, huayXai], [huayXai, chiangKhong]] as const) {
        if (s.registry.isPaired(other.identity.stationId)) s.registry.remove(other.identity.stationId, 'test')
      }
    })
  }

  /**
   * Huay Xai (paired) dials Chiang Khong's listener and is accepted. That takes several round trips through the
   * listener after every earlier connection had ended, so by then a peer the listener should not have accepted
   * from those would be in `peers` too. Returns the stations of all its peers, this last one included.
   */
  async function peersAfterAPairedDial(atChiangKhong: Listening) {
    const before = atChiangKhong.peers.length
    await dial({ address: atChiangKhong.address, expectedStationId: chiangKhong.identity.stationId, identity: huayXai.identity })
    await until(() => atChiangKhong.peers.length > before, 'the listener to hand over the paired dial')
    return atChiangKhong.peers.map((p) => p.peer.stationId)
  }

  it('connects paired stations in both directions and carries messages both ways', async () => {
    const atChiangKhong = await listen(chiangKhong)
    const atHuayXai = await listen(huayXai)
    pairBothWays(atChiangKhong, atHuayXai)

    for (const [from, to, atTo] of [
      [huayXai, chiangKhong, atChiangKhong],
      [chiangKhong, huayXai, atHuayXai]
    ] as const) {
      const link = await dial({ address: atTo.address, expectedStationId: to.identity.stationId, identity: from.identity })
      expect(link.stationId).toBe(to.identity.stationId)
      await until(() => atTo.peers.length === 1, 'the listener to see the peer')
      const { ws: accepted, peer } = atTo.peers[0]
      expect(peer.stationId).toBe(from.identity.stationId)
      expect(peer.remoteAddress).toBe(HOST)

      const atListener = nextMessage(accepted)
      link.ws.send('case shared: ฝิ่น 2 kg')
      expect(await atListener).toBe('case shared: ฝิ่น 2 kg')
      const atDialer = nextMessage(link.ws)
      accepted.send('received')
      expect(await atDialer).toBe('received')

      expect(link.wire.bytesWritten).toBeGreaterThan(500)
      expect(link.wire.bytesRead).toBeGreaterThan(500)
      await until(() => peer.wire.bytesRead === link.wire.bytesWritten, 'byte counts to agree')
      expect(peer.wire.bytesWritten).toBe(link.wire.bytesRead)
      expect(atTo.refusals).toEqual([])
    }
  })

  it('refuses a station that is not paired, before any message flows', async () => {
    const atChiangKhong = await listen(chiangKhong)
    const error = await dialFailure({
      address: atChiangKhong.address,
      expectedStationId: chiangKhong.identity.stationId,
      identity: stranger.identity
    })
    expect(error.reason).toBe('refused')
    expect(error.message).toMatch(/refused this station: it has not paired/)
    expect(atChiangKhong.refusals).toEqual([
      {
        remoteAddress: HOST,
        stationId: stranger.identity.stationId,
        reason: 'unpaired',
        message: expect.stringContaining(`Station ${stranger.identity.stationId} at ${HOST} tried to connect but is not paired`)
      }
    ])
    pairBothWays(atChiangKhong, null)
    expect(await peersAfterAPairedDial(atChiangKhong)).toEqual([huayXai.identity.stationId])
  })

  it("refuses a station presenting another (unpaired) station's certificate and key", async () => {
    const atChiangKhong = await listen(chiangKhong)
    pairBothWays(atChiangKhong, null)
    // The stranger got hold of a third station's full identity: still not the paired one.
    const third = await station('Third', 'VN')
    const error = await dialFailure({ address: atChiangKhong.address, expectedStationId: chiangKhong.identity.stationId, identity: third.identity })
    expect(error.reason).toBe('refused')
    expect(atChiangKhong.refusals.map((r) => [r.reason, r.stationId])).toEqual([['unpaired', third.identity.stationId]])
    expect(await peersAfterAPairedDial(atChiangKhong)).toEqual([huayXai.identity.stationId])
  })

  it("refuses a client that shows a paired station's certificate without holding its key", async () => {
    const atChiangKhong = await listen(chiangKhong)
    pairBothWays(atChiangKhong, null)
    const paired = { host: HOST, port: atChiangKhong.listener.port, certDer: new X509Certificate(huayXai.identity.certPem).raw }

    // Control: the hand-made TLS client gets through with the matching key, so a refusal below means something.
    const honest = await rawTlsUpgrade({ ...paired, signingKey: createPrivateKey(huayXai.identity.keyPem) })
    expect(honest.status).toBe(101)
    await until(() => atChiangKhong.peers.length === 1, 'the honest client to be accepted')

    const forged = await rawTlsUpgrade({ ...paired, signingKey: createPrivateKey(stranger.identity.keyPem) })
    expect(forged.status).toBeUndefined()
    await until(() => atChiangKhong.refusals.length === 1, 'the refusal')
    expect(atChiangKhong.refusals[0].reason).toBe('tls-failed')
    // The honest client and the paired dial below, and not the forger in between.
    expect(await peersAfterAPairedDial(atChiangKhong)).toEqual([huayXai.identity.stationId, huayXai.identity.stationId])
  })

  it('refuses to talk to a server whose ID is not the expected one, naming both IDs', async () => {
    const atChiangKhong = await listen(chiangKhong)
    pairBothWays(atChiangKhong, null)
    const error = await dialFailure({
      address: atChiangKhong.address,
      expectedStationId: stranger.identity.stationId,
      identity: huayXai.identity
    })
    expect(error.reason).toBe('wrong-station')
    expect(error.message).toContain(`has ID ${chiangKhong.identity.stationId}`)
    expect(error.message).toContain(`has ID ${stranger.identity.stationId}`)
    // The dialer hung up during TLS, before the WebSocket upgrade: the listener saw no request at all, only
    // (at most) a handshake cut short.
    expect(await peersAfterAPairedDial(atChiangKhong)).toEqual([huayXai.identity.stationId])
    expect(atChiangKhong.refusals.filter((r) => r.reason !== 'tls-failed')).toEqual([])
  })

  it('refuses the next connection once the station is unpaired', async () => {
    const atChiangKhong = await listen(chiangKhong)
    pairBothWays(atChiangKhong, null)
    const sessions = new Map<string, Buffer>()
    const options = { address: atChiangKhong.address, expectedStationId: chiangKhong.identity.stationId, identity: huayXai.identity, sessions }
    await dial(options)
    await until(() => sessions.size === 1, 'a session ticket')

    chiangKhong.registry.remove(huayXai.identity.stationId, 'test')
    // Even a resumed TLS session (no certificate on the wire) is checked against the pairing.
    const error = await dialFailure(options)
    expect(error.reason).toBe('refused')
    expect(atChiangKhong.refusals.map((r) => [r.reason, r.stationId])).toEqual([['unpaired', huayXai.identity.stationId]])
  })

  it('resumes TLS sessions on reconnect, with fewer bytes and both IDs still checked', async () => {
    const atChiangKhong = await listen(chiangKhong)
    pairBothWays(atChiangKhong, null)
    const sessions = new Map<string, Buffer>()
    const options = { address: atChiangKhong.address, expectedStationId: chiangKhong.identity.stationId, identity: huayXai.identity, sessions }

    const full = await dial(options)
    await until(() => sessions.size === 1, 'a session ticket')
    full.ws.close()
    const resumed = await dial(options)
    expect([full.resumed, resumed.resumed]).toEqual([false, true])
    expect(resumed.stationId).toBe(chiangKhong.identity.stationId)
    await until(() => atChiangKhong.peers.length === 2, 'both connections')
    expect(atChiangKhong.peers.map((p) => [p.peer.resumed, p.peer.stationId])).toEqual([
      [false, huayXai.identity.stationId],
      [true, huayXai.identity.stationId]
    ])
    const bytes = (link: PeerLink) => link.wire.bytesRead + link.wire.bytesWritten
    expect(bytes(resumed)).toBeLessThan(bytes(full) / 2)

    // A session stored for one station is never offered in place of another's check.
    const other = await dialFailure({ ...options, expectedStationId: stranger.identity.stationId })
    expect(other.reason).toBe('wrong-station')
  })

  it('answers plain HTTPS requests with 404, paired or not', async () => {
    const atChiangKhong = await listen(chiangKhong)
    pairBothWays(atChiangKhong, null)
    for (const client of [huayXai.identity, null]) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request({
          host: HOST,
          port: atChiangKhong.listener.port,
          path: '/api/cases',
          rejectUnauthorized: false,
          ...(client ? { key: client.keyPem, cert: client.certPem } : {})
        })
        req.on('response', (res) => {
          res.resume()
          resolve(res.statusCode!)
        })
        req.on('error', reject)
        req.end()
      })
      expect(status).toBe(404)
    }
  })

  it('refuses a client without a certificate at the upgrade', async () => {
    const atChiangKhong = await listen(chiangKhong)
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({
        host: HOST,
        port: atChiangKhong.listener.port,
        rejectUnauthorized: false,
        headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version': '13' }
      })
      req.on('response', (res) => resolve(res.statusCode!))
      req.on('upgrade', () => reject(new Error('upgraded without a certificate')))
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(403)
    expect(atChiangKhong.refusals.map((r) => r.reason)).toEqual(['no-certificate'])
  })

  it('survives garbage, a plain-HTTP client and a silent socket, and still serves its peer', async () => {
    const atChiangKhong = await listen(chiangKhong)
    pairBothWays(atChiangKhong, null)
    const sendAndWaitClose = (bytes: Buffer | string) =>
      new Promise<Buffer>((resolve) => {
        const socket = connect(atChiangKhong.listener.port, HOST, () => socket.end(bytes))
        const got: Buffer[] = []
        socket.on('data', (d) => got.push(d))
        socket.on('error', () => undefined)
        socket.on('close', () => resolve(Buffer.concat(got)))
      })
    await sendAndWaitClose(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) & 0xff)))
    await sendAndWaitClose(Buffer.concat([Buffer.from([0x16, 0x03, 0x01, 0xff, 0xff]), Buffer.alloc(600, 0x41)]))
    const httpAnswer = await sendAndWaitClose('GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n')
    expect(httpAnswer.toString('latin1')).not.toContain('101')
    const silent = connect(atChiangKhong.listener.port, HOST)
    silent.on('error', () => undefined)
    cleanup.push(() => silent.destroy())

    // A TLS client that quits in the middle of its handshake.
    const quitter = tlsConnect({ host: HOST, port: atChiangKhong.listener.port, rejectUnauthorized: false })
    quitter.on('error', () => undefined)
    quitter.once('secureConnect', () => quitter.destroy())

    const link = await dial({ address: atChiangKhong.address, expectedStationId: chiangKhong.identity.stationId, identity: huayXai.identity })
    expect(link.stationId).toBe(chiangKhong.identity.stationId)
    expect(atChiangKhong.refusals.filter((r) => r.reason === 'tls-failed').length).toBeGreaterThanOrEqual(3)
    expect(atChiangKhong.refusals.every((r) => r.remoteAddress === HOST)).toBe(true)
  })

  it('fails a dial clearly when nobody listens or nobody answers', async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, HOST, () => {
        const port = (s.address() as { port: number }).port
        s.close(() => resolve(port))
      })
    })
    const unreachable = await dialFailure({ address: `${HOST}:${closed}`, expectedStationId: chiangKhong.identity.stationId, identity: huayXai.identity })
    expect(unreachable.reason).toBe('unreachable')
    expect(unreachable.message).toMatch(/Cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/)

    const held: Socket[] = []
    const mute: Server = createServer((s) => held.push(s))
    await new Promise<void>((r) => mute.listen(0, HOST, r))
    cleanup.push(() => {
      held.forEach((s) => s.destroy())
      return new Promise((r) => mute.close(r))
    })
    const toMute = { address: `${HOST}:${(mute.address() as { port: number }).port}`, expectedStationId: chiangKhong.identity.stationId, identity: huayXai.identity }
    // The dial gives up after its own timeout, not another one: a dial to the same mute server started earlier
    // with a longer timeout is still waiting when it does.
    let patientSettled = false
    const patient = dialFailure({ ...toMute, timeoutMs: 60_000 }).finally(() => (patientSettled = true))
    await until(() => held.length === 1, 'the first dial to reach the mute server')
    const timeout = await dialFailure({ ...toMute, timeoutMs: 300 })
    expect(timeout.reason).toBe('timeout')
    expect(timeout.message).toMatch(/No answer from 127\.0\.0\.1:\d+ within/)
    expect(patientSettled).toBe(false)
    held.forEach((s) => s.destroy())
    expect((await patient).reason).toBe('tls-failed')

    const badAddress = await dialFailure({ address: 'nowhere', expectedStationId: chiangKhong.identity.stationId, identity: huayXai.identity })
    expect(badAddress.reason).toBe('bad-address')
  })

  it('closes with live peers and strangers still connected', async () => {
    const atChiangKhong = await listen(chiangKhong)
    pairBothWays(atChiangKhong, null)
    const link = await dial({ address: atChiangKhong.address, expectedStationId: chiangKhong.identity.stationId, identity: huayXai.identity })
    const silent = connect(atChiangKhong.listener.port, HOST)
    silent.on('error', () => undefined)
    await new Promise((r) => silent.once('connect', r))
    const closedAt = new Promise((r) => link.ws.once('close', r))
    await atChiangKhong.listener.close()
    await closedAt
    await new Promise((r) => (silent.destroyed ? r(null) : silent.once('close', r)))
  })
})
