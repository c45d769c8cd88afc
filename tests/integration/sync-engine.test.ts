import { afterEach, describe, expect, it } from 'vitest'
import { fingerprint } from '../../main/core/sync/doc-fingerprint'
import { useTempDirs } from '../helpers/temp-dir'
import { until } from '../helpers/until'
import { startLinkStation, type LinkStation } from '../helpers/link-station'
import { startThrottleProxy, type ThrottleProxy } from '../helpers/throttle-proxy'

const recordsDoc = (s: LinkStation) => ({ name: `records/${s.id}/2026-11`, kind: 'records' as const, owner: s.id })

function share(s: LinkStation, key: string, value: unknown) {
  const info = recordsDoc(s)
  s.store.ensure(info)
  s.store.write(() => s.store.get(info.name).getMap('records').set(key, value))
}

const identical = (a: LinkStation, b: LinkStation, doc: string) => {
  if (!a.store.info(doc) || !b.store.info(doc)) return false
  const fa = fingerprint(a.store.get(doc))
  const fb = fingerprint(b.store.get(doc))
  return Buffer.from(fa.stateVector).equals(Buffer.from(fb.stateVector)) && Buffer.from(fa.deleteHash).equals(Buffer.from(fb.deleteHash))
}

const stateOf = (s: LinkStation, peer: LinkStation) => s.engine.status().find((p) => p.stationId === peer.id)

describe('sync engine over mutual TLS', () => {
  const tempDir = useTempDirs()
  const running: LinkStation[] = []
  const proxies: ThrottleProxy[] = []
  afterEach(async () => {
    for (const s of running.splice(0)) await s.stop()
    for (const p of proxies.splice(0)) await p.close()
  })
  /** A plain forwarder in front of a station (no rate, no delay): it counts the connections made to it. */
  const forwarderTo = async (s: LinkStation) => {
    const proxy = await startThrottleProxy({ target: { host: '127.0.0.1', port: s.port } })
    proxies.push(proxy)
    return { proxy, address: `127.0.0.1:${proxy.port}` }
  }
  const station = async (name: string, dir = tempDir()) => {
    const s = await startLinkStation(dir, name)
    running.push(s)
    return s
  }

  it('pairs two stations that then converge and report a complete sync', async () => {
    const a = await station('Chiang Khong')
    const b = await station('Houayxay')
    share(a, 'case-1', { summary: 'ยาบ้า 120,000 เม็ด' })
    share(b, 'case-7', { summary: 'ຢາບ້າ 4,000 ເມັດ' })
    a.pair(b)
    b.pair(a)
    await until(() => identical(a, b, recordsDoc(a).name) && identical(a, b, recordsDoc(b).name), 'convergence')
    await until(() => stateOf(a, b)?.lastCompleteSync != null && stateOf(b, a)?.lastCompleteSync != null, 'complete sync recorded')
    expect(stateOf(a, b)).toMatchObject({ state: 'connected', pendingDocs: 0 })
  })

  it('keeps a single session when both stations dial at once', async () => {
    const a = await station('A')
    const b = await station('B')
    const [toA, toB] = await Promise.all([forwarderTo(a), forwarderTo(b)])
    a.pair({ id: b.id, address: toB.address })
    b.pair({ id: a.id, address: toA.address })
    const made = () => toA.proxy.stats().connections + toB.proxy.stats().connections
    const open = () => toA.proxy.stats().openConnections + toB.proxy.stats().openConnections
    // Settled: both dials went through, the tie-break closed one of the two connections, both sides are connected.
    await until(
      () => made() === 2 && open() === 1 && stateOf(a, b)?.state === 'connected' && stateOf(b, a)?.state === 'connected',
      'one connection of the two left, and both sides connected'
    )
    share(a, 'case-1', { summary: 'after settling' })
    await until(() => identical(a, b, recordsDoc(a).name), 'sync over the surviving session')
    expect(stateOf(a, b)?.state).toBe('connected')
    // The same connection survived on both sides: neither lost its session and dialled again.
    expect({ made: made(), open: open() }).toEqual({ made: 2, open: 1 })
    expect([...a.events(), ...b.events()].filter((e) => e.kind === 'disconnected')).toEqual([])
  })

  it('refuses a station that is not paired, before any document data flows, and logs it', async () => {
    const a = await station('A')
    const stranger = await station('Stranger')
    share(a, 'case-1', { summary: 'secret' })
    stranger.pair(a) // the stranger knows A's ID and address, but A never paired it
    await until(() => stateOf(stranger, a)?.state === 'refused', 'stranger refused')
    expect(a.events().some((e) => e.kind === 'refused-unpaired' && e.peer === stranger.id)).toBe(true)
    expect(stranger.store.info(recordsDoc(a).name)).toBeNull()
  })

  it('refuses a station presenting another station ID than the one paired', async () => {
    const a = await station('A')
    const b = await station('B')
    const impostor = await station('Impostor')
    // A believes B lives at the impostor's address.
    a.peers.add({ stationId: b.id, address: impostor.address }, 'test')
    a.engine.refresh()
    impostor.pair(a)
    await until(() => stateOf(a, b)?.state === 'refused', 'wrong station refused')
    expect(stateOf(a, b)?.lastError).toContain(impostor.id)
  })

  it('unpairing cuts the live session at once and keeps the peer out', async () => {
    const a = await station('A')
    const b = await station('B')
    a.pair(b)
    b.pair(a)
    await until(() => stateOf(a, b)?.state === 'connected', 'connected')
    a.peers.remove(b.id, 'test')
    a.engine.refresh()
    await until(() => stateOf(b, a)?.state !== 'connected', 'session dropped')
    share(a, 'case-after', { summary: 'must not reach B' })
    // B is still paired on its side and keeps dialling: once a dial it made after the write has been refused (A
    // logged the refusal, B its failed dial), a dial that should not have got in would have by now.
    const refusalsOfB = () => a.events().filter((e) => e.kind === 'refused-unpaired' && e.peer === b.id).length
    const failedDialsOfB = () => b.events().filter((e) => e.kind === 'dial-failed' && e.peer === a.id).length
    const [refusedBefore, failedBefore] = [refusalsOfB(), failedDialsOfB()]
    await until(() => refusalsOfB() > refusedBefore && failedDialsOfB() > failedBefore, "a dial of B's after the write to be refused")
    expect(b.store.info(recordsDoc(a).name)).toBeNull()
    expect(stateOf(b, a)?.state).not.toBe('connected')
  })

  it('is honest while offline: pending grows, and a restart of the peer catches up', async () => {
    const dirB = tempDir()
    const a = await station('A')
    let b = await station('B', dirB)
    a.pair(b)
    b.pair(a)
    await until(() => stateOf(a, b)?.lastCompleteSync != null, 'first sync')
    await b.stop()
    running.splice(running.indexOf(b), 1)
    await until(() => stateOf(a, b)?.state !== 'connected', 'A notices')
    for (let i = 0; i < 20; i++) share(a, `offline-${i}`, { summary: `written while the bridge link was down ${i}` })
    const offline = stateOf(a, b)!
    expect(offline.pendingDocs).toBe(1)
    expect(offline.pendingBytes).toBeGreaterThan(100)

    b = await station('B', dirB) // same data folder and identity, new port
    a.peers.add({ stationId: b.id, address: b.address }, 'test')
    a.engine.refresh()
    b.engine.refresh()
    await until(() => identical(a, b, recordsDoc(a).name), 'catch-up')
    await until(() => stateOf(a, b)?.pendingDocs === 0 && stateOf(a, b)?.state === 'connected', 'nothing pending')
  })
})
