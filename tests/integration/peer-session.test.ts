import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodeFrame, Kind } from '../../main/core/sync/frames'
import { fingerprint } from '../../main/core/sync/doc-fingerprint'
import { useTempDirs } from '../helpers/temp-dir'
import { startThrottleProxy, type ThrottleProxy } from '../helpers/throttle-proxy'
import { connect, openSide, type Side } from '../helpers/session-pair'
import { until } from '../helpers/until'

const A = 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA'
const B = 'BBBB-BBBB-BBBB-BBBB-BBBB-BBBB-BBBB'
const recordsOf = (owner: string) => ({ name: `records/${owner}/2026-11`, kind: 'records' as const, owner })
const PLAN = { name: 'plan/op-mekong-dawn-2026', kind: 'plan' as const, owner: null }

const same = (a: Side, b: Side, doc: string) => {
  if (!a.store.info(doc) || !b.store.info(doc)) return false
  const fa = fingerprint(a.store.get(doc))
  const fb = fingerprint(b.store.get(doc))
  return Buffer.from(fa.stateVector).equals(Buffer.from(fb.stateVector)) && Buffer.from(fa.deleteHash).equals(Buffer.from(fb.deleteHash))
}

describe('peer session', () => {
  const tempDir = useTempDirs()
  const open: Side[] = []
  const links: { close(): Promise<void> }[] = []
  afterEach(async () => {
    for (const l of links.splice(0)) await l.close()
    for (const p of proxies.splice(0)) await p.close()
    for (const s of open.splice(0)) s.close()
  })
  const proxies: ThrottleProxy[] = []
  /** A 512 kbit/s link with 50 ms RTT between the two sides. */
  const slowLink = async (port: number) => {
    const proxy = await startThrottleProxy({ target: { host: '127.0.0.1', port }, rateBitsPerSecond: 512_000, delayMs: 25 })
    proxies.push(proxy)
    return proxy.port
  }
  const side = (id: string) => {
    const s = openSide(tempDir(), id)
    open.push(s)
    return s
  }
  const link = async (a: Side, b: Side, ...rest: Parameters<typeof connect> extends [Side, Side, ...infer R] ? R : never) => {
    const l = await connect(a, b, ...rest)
    links.push(l)
    return l
  }
  const share = (s: Side, doc: string, key: string, value: unknown) => s.store.write(() => s.store.get(doc).getMap('records').set(key, value))

  it('brings both stations to identical documents and says so', async () => {
    const a = side(A)
    const b = side(B)
    a.store.ensure(recordsOf(A))
    b.store.ensure(recordsOf(B))
    share(a, recordsOf(A).name, 'case-1', { summary: 'ยาบ้า 120,000 เม็ด' })
    share(b, recordsOf(B).name, 'case-9', { summary: 'ຢາບ້າ 5,000 ເມັດ' })
    await link(a, b)
    await until(() => a.session!.status().inSync && b.session!.status().inSync, 'sync')
    expect(b.store.get(recordsOf(A).name).getMap('records').get('case-1')).toEqual({ summary: 'ยาบ้า 120,000 เม็ด' })
    expect(a.store.get(recordsOf(B).name).getMap('records').get('case-9')).toEqual({ summary: 'ຢາບ້າ 5,000 ເມັດ' })
    expect(same(a, b, recordsOf(A).name) && same(a, b, recordsOf(B).name)).toBe(true)
  })

  it('forwards live edits while connected', async () => {
    const a = side(A)
    const b = side(B)
    a.store.ensure(recordsOf(A))
    await link(a, b)
    share(a, recordsOf(A).name, 'case-2', { summary: 'live' })
    await until(() => b.store.info(recordsOf(A).name) !== null && b.store.get(recordsOf(A).name).getMap('records').has('case-2'), 'live edit')
  })

  it('merges edits both sides made to a plan while cut off, deletions included', async () => {
    const a = side(A)
    const b = side(B)
    a.store.ensure(PLAN)
    a.store.write(() => a.store.get(PLAN.name).getText('notes').insert(0, 'Joint patrol at km 12.'))
    const first = await link(a, b)
    await until(() => b.store.info(PLAN.name) !== null && b.store.get(PLAN.name).getText('notes').length > 0, 'plan arrives')
    await first.cut()

    a.store.write(() => a.store.get(PLAN.name).getText('notes').insert(0, 'ลาดตระเวนร่วม. '))
    b.store.write(() => {
      const text = b.store.get(PLAN.name).getText('notes')
      text.delete(text.toString().indexOf(' at km 12'), ' at km 12'.length) // a pure deletion: no new state vector entry
      text.insert(text.length, ' ລາດຕະເວນຮ່ວມ.')
    })
    await link(a, b)
    await until(() => same(a, b, PLAN.name), 'convergence')
    const text = a.store.get(PLAN.name).getText('notes').toString()
    expect(text).toBe(b.store.get(PLAN.name).getText('notes').toString())
    expect(text).toBe('ลาดตระเวนร่วม. Joint patrol. ລາດຕະເວນຮ່ວມ.')
  })

  it("refuses, as a whole, an update to a document the peer does not own", async () => {
    const a = side(A)
    const b = side(B)
    a.store.ensure(recordsOf(A))
    share(a, recordsOf(A).name, 'case-1', { summary: 'original' })
    await link(a, b)
    await until(() => a.session!.status().inSync && b.session!.status().inSync, 'sync')

    // B forges an edit to A's record document.
    const forged = new Y.Doc()
    Y.applyUpdateV2(forged, b.store.diff(recordsOf(A).name))
    forged.getMap('records').set('case-1', { summary: 'tampered' })
    forged.getMap('records').set('case-666', { summary: 'planted' })
    const update = Y.encodeStateAsUpdateV2(forged, b.store.stateVector(recordsOf(A).name))
    ;(b.session as unknown as { sendRaw(f: Uint8Array): void }).sendRaw(encodeFrame({ kind: Kind.update, doc: recordsOf(A).name, flags: 0, update }))

    await until(() => a.refusals.some((r) => r.startsWith('refused-foreign-write')), 'refusal')
    expect(a.store.get(recordsOf(A).name).getMap('records').toJSON()).toEqual({ 'case-1': { summary: 'original' } })
  })

  it('survives malformed, truncated, oversized and unknown frames', async () => {
    const a = side(A)
    const b = side(B)
    a.store.ensure(recordsOf(A))
    share(a, recordsOf(A).name, 'case-1', { summary: 'x' })
    await link(a, b)
    const raw = b.session as unknown as { sendRaw(f: Uint8Array): void }
    const valid = encodeFrame({ kind: Kind.update, doc: recordsOf(B).name, flags: 0, update: new Uint8Array([0, 0]) })
    for (const bad of [
      new Uint8Array([]),
      new Uint8Array([99, 1, 2]),
      valid.subarray(0, valid.length - 1),
      encodeFrame({ kind: Kind.update, doc: recordsOf(B).name, flags: 0, update: new Uint8Array([1, 2, 3, 250, 250]) }),
      encodeFrame({ kind: Kind.update, doc: '../../etc/passwd', flags: 0, update: new Uint8Array([0]) }),
      new Uint8Array(2 * 1024 * 1024)
    ]) {
      raw.sendRaw(bad)
    }
    share(a, recordsOf(A).name, 'case-2', { summary: 'after the garbage' })
    await until(() => b.store.info(recordsOf(A).name) !== null && b.store.get(recordsOf(A).name).getMap('records').has('case-2'), 'link still works')
    expect(a.refusals.length).toBeGreaterThanOrEqual(5)
  })

  it('resumes a large transfer cut in the middle instead of starting over', async () => {
    const a = side(A)
    const b = side(B)
    a.store.ensure(recordsOf(A))
    // Incompressible content so the transfer stays large after deflate.
    const noise = (n: number) => randomBytes(n).toString('base64')
    a.store.write(() => {
      const records = a.store.get(recordsOf(A).name).getMap('records')
      for (let i = 0; i < 150; i++) records.set(`case-${i}`, { summary: noise(1000 + i) })
    })
    const options = { initialChunkBytes: 8 * 1024, minChunkBytes: 8 * 1024, maxChunkBytes: 8 * 1024 }
    const first = await link(a, b, options, slowLink)
    await until(() => [...b.memory.incoming.values()].some((t) => t.received > t.total / 3), 'a third of the transfer')
    await first.cut()
    const partial = [...b.memory.incoming.values()][0]
    const before = partial.received

    await link(a, b, options, slowLink)
    await until(() => same(a, b, recordsOf(A).name), 'transfer completes', 30_000)
    const sentAfterResume = a.session!.status().bytesSent
    expect(sentAfterResume).toBeLessThan(partial.total - before + 20 * 1024) // the rest, not everything again
    expect(b.store.get(recordsOf(A).name).getMap("records").size).toBe(150)
  })
})
