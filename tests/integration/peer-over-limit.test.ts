/**
 * A paired station growing a shared plan beyond its limit, over the real mutual-TLS link: the update is refused
 * whole and logged with its reason, the document keeps what it held, the link status names it, the sender stops
 * offering it again, and everything else keeps flowing both ways in the same session.
 */
import type { Database } from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { DocStore } from '../../main/core/docs/doc-store'
import { DEFAULT_DOC_LIMITS } from '../../main/core/docs/doc-limits'
import { fingerprint } from '../../main/core/sync/doc-fingerprint'
import { useTempDirs } from '../helpers/temp-dir'
import { until } from '../helpers/until'
import { startLinkStation, type LinkStation } from '../helpers/link-station'

const KB = 1024
const PLAN = 'plan/mekong-dawn-01'
const PLAN_LIMIT = 64 * KB

const identical = (a: LinkStation, b: LinkStation, doc: string) => {
  if (!a.store.info(doc) || !b.store.info(doc)) return false
  const fa = fingerprint(a.store.get(doc))
  const fb = fingerprint(b.store.get(doc))
  return Buffer.from(fa.stateVector).equals(Buffer.from(fb.stateVector)) && Buffer.from(fa.deleteHash).equals(Buffer.from(fb.deleteHash))
}

const notes = (s: LinkStation) => s.store.get(PLAN).getText('notes')
const append = (s: LinkStation, text: string) => s.store.write(() => notes(s).insert(notes(s).length, text))
const records = (s: LinkStation) => `records/${s.id}/2026-11`
function share(s: LinkStation, key: string) {
  s.store.ensure({ name: records(s), kind: 'records', owner: s.id })
  s.store.write(() => s.store.get(records(s)).getMap('records').set(key, { summary: `ยาบ้า ${key}` }))
}

describe('a peer update over a document limit, over the real link', () => {
  const tempDir = useTempDirs()
  const running: LinkStation[] = []
  afterEach(async () => {
    for (const s of running.splice(0)) await s.stop()
  })

  it('is refused and logged; the session keeps syncing everything else, and the sender does not offer it again', async () => {
    // A grows the plan as a station without limits would; B holds plans from its peer to 64 KB.
    const a = await startLinkStation(tempDir(), 'Chiang Khong')
    const b = await startLinkStation(tempDir(), 'Houayxay', {}, (db: Database) => new DocStore(db, { limits: { ...DEFAULT_DOC_LIMITS, fromPeer: { ...DEFAULT_DOC_LIMITS.fromPeer, plan: PLAN_LIMIT } } }))
    running.push(a, b)
    a.store.ensure({ name: PLAN, kind: 'plan', owner: null })
    append(a, 'ตรวจค้นรถบรรทุกทุกคัน\n')
    share(a, 'case-1')
    a.pair(b)
    b.pair(a)
    await until(() => identical(a, b, PLAN) && identical(a, b, records(a)), 'first sync')

    // Below the limit, edits cross both ways as always.
    for (let i = 0; i < 10; i++) append(a, `task ${i}: ${'x'.repeat(2_000)}\n`)
    append(b, 'ທີມລາດຕະເວນຝັ່ງລາວ\n')
    await until(() => identical(a, b, PLAN), 'edits below the limit')
    const held = { text: notes(b).toString(), bytes: b.store.storedBytes(PLAN) }
    expect(held.bytes).toBeLessThan(PLAN_LIMIT)

    append(a, 'y'.repeat(60_000))
    const refusals = () => b.events().filter((e) => e.kind === 'refused-update' && e.peer === a.id && e.detail.startsWith(`${PLAN}: over its size limit`))
    await until(() => refusals().length > 0, 'the refusal in B’s link log')
    expect(refusals()[0].detail).toMatch(/beyond the 0\.1 MB a plan may take from the counterpart\. Refused whole; both offices can carry on in a new plan; the document was left as it was$/)
    expect(notes(b).toString() === held.text).toBe(true)
    // Compacted, perhaps, to measure it: never larger.
    const bytes = b.store.storedBytes(PLAN)
    expect(bytes).toBeLessThanOrEqual(held.bytes)
    expect(b.engine.status().find((p) => p.stationId === a.id)?.docsAtLimit).toEqual([{ doc: PLAN, bytes, limit: PLAN_LIMIT }])

    // The same session carries everything else, both ways.
    share(a, 'case-2')
    append(b, 'ด่านสะพานมิตรภาพ 4\n')
    await until(() => identical(a, b, records(a)), 'a record shared after the refusal')
    await until(() => notes(a).toString().includes('ด่านสะพานมิตรภาพ 4\n'), 'B’s plan edit at A')
    await until(() => a.events().some((e) => e.kind === 'protocol' && e.detail.startsWith(`${PLAN}: the peer did not take`)), 'A stops offering it')

    // The live update, the catch-up after it, and one more if B's copy changed in between: then no more, while
    // the same session goes on carrying everything else.
    const refused = refusals().length
    expect(refused).toBeGreaterThanOrEqual(1)
    expect(refused).toBeLessThanOrEqual(3)
    for (let i = 3; i < 6; i++) share(a, `case-${i}`)
    append(b, 'ຈຸດກວດກາ\n')
    await until(() => identical(a, b, records(a)) && notes(a).toString().includes('ຈຸດກວດກາ\n'), 'more traffic after the refusal')
    expect(refusals().length).toBe(refused)
    expect([...a.events(), ...b.events()].filter((e) => e.kind === 'disconnected')).toEqual([])
    expect(b.engine.status().find((p) => p.stationId === a.id)?.state).toBe('connected')
    const kept = notes(b).toString()
    expect([kept.startsWith(held.text), kept.includes('y')]).toEqual([true, false])
  })
})
