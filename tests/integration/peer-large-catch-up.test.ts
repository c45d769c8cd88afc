/**
 * A catch-up of a large document is compressed on the thread pool (brotli takes about 60 ms per MB of plan text,
 * which in line would hold the station for seconds). Meanwhile the station keeps serving, nothing else of that
 * document overtakes it, and what arrives is the document as it is, edits made meanwhile included.
 */
import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { fingerprint } from '../../main/core/sync/doc-fingerprint'
import { COMPRESS_OFF_THREAD_ABOVE } from '../../main/core/sync/update-compression'
import { connect, openSide, type Side } from '../helpers/session-pair'
import { until } from '../helpers/until'
import { useTempDirs } from '../helpers/temp-dir'

const A = 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA'
const B = 'BBBB-BBBB-BBBB-BBBB-BBBB-BBBB-BBBB'
const PLAN = { name: 'plan/op-mekong-dawn-2026', kind: 'plan' as const, owner: null }
const RECORDS = { name: `records/${A}/2026-11`, kind: 'records' as const, owner: A }

const same = (a: Side, b: Side, doc: string) => {
  if (!a.store.info(doc) || !b.store.info(doc)) return false
  const [fa, fb] = [fingerprint(a.store.get(doc)), fingerprint(b.store.get(doc))]
  return Buffer.from(fa.stateVector).equals(Buffer.from(fb.stateVector)) && Buffer.from(fa.deleteHash).equals(Buffer.from(fb.deleteHash))
}

describe('a catch-up larger than is compressed in line', () => {
  const tempDir = useTempDirs()
  const sides: Side[] = []
  const links: { close(): Promise<void> }[] = []
  afterEach(async () => {
    for (const l of links.splice(0)) await l.close()
    for (const s of sides.splice(0)) s.close()
  })

  it('arrives whole, with the edits made while it was being compressed after it', async () => {
    const [a, b] = [openSide(tempDir(), A), openSide(tempDir(), B)]
    sides.push(a, b)
    a.store.ensure(PLAN)
    a.store.ensure(RECORDS)
    const words = ['ลาดตระเวน', 'ร่วม', 'ท่าเรือ', 'patrol', 'boat', 'pier', 'ຢາບ້າ', 'ເມັດ']
    // Typed text, written at once: Yjs merges a run of one client's characters into one item either way, so the
    // update is the same bytes as 40,000 appends, without the seconds a Y.Text takes for that many in one transaction.
    let typed = ''
    for (let i = 0; typed.length < 400_000; i++) typed += `${words[(i * 7) % words.length]} ${i} `
    a.store.write(() => {
      a.store.get(PLAN.name).getText('notes').insert(0, typed)
      // Incompressible: travels as it is, in chunks.
      const records = a.store.get(RECORDS.name).getMap('records')
      for (let i = 0; i < 200; i++) records.set(`case-${i}`, { summary: randomBytes(1500).toString('base64') })
    })
    expect(a.store.diff(PLAN.name).byteLength).toBeGreaterThan(COMPRESS_OFF_THREAD_ABOVE)
    expect(a.store.diff(RECORDS.name).byteLength).toBeGreaterThan(COMPRESS_OFF_THREAD_ABOVE)

    links.push(await connect(a, b))
    // As soon as a catch-up is being compressed, edit both documents: the edits must follow it, not overtake it.
    await until(() => a.session!.status().queuedDocs.length > 0, 'catch-up under way')
    a.store.write(() => a.store.get(PLAN.name).getText('notes').insert(0, 'FIRST LINE. '))
    a.store.write(() => a.store.get(RECORDS.name).getMap('records').set('case-late', { summary: 'shared meanwhile' }))

    await until(() => same(a, b, PLAN.name) && same(a, b, RECORDS.name), 'both documents arrive', 30_000)
    expect(b.store.get(PLAN.name).getText('notes').toString()).toBe(a.store.get(PLAN.name).getText('notes').toString())
    expect(b.store.get(RECORDS.name).getMap('records').get('case-late')).toEqual({ summary: 'shared meanwhile' })
    expect(b.refusals).toEqual([])
    await until(() => a.session!.status().inSync && b.session!.status().inSync, 'both say in sync')
  })
})
