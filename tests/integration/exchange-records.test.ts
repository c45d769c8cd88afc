import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CaseInput, RecordDetail } from '../../preload/api'
import { deliver, ExchangeSide, stationId } from '../helpers/exchange-pair'
import { useTempDirs } from '../helpers/temp-dir'

const A_ID = stationId('Chiang Khong BLO')
const B_ID = stationId('Houayxay BLO')

const SUSPECT = 'นายสมชาย ใจดี'
const ID_NUMBER = '3-5701-00234-56-1'

const raid: CaseInput = {
  occurredAt: '2026-11-20T08:30:00+07:00',
  category: 'narcotics',
  location: 'สะพานมิตรภาพ 4',
  summary: 'ตรวจพบยาบ้าซุกซ่อนในรถกระบะ 120,000 เม็ด',
  narrative: `ผู้ขับขี่ ${SUSPECT} ให้การว่ารับจ้างขนส่ง`,
  items: [{ commodity: 'methamphetamine tablets', quantity: 120000, unit: 'tablets' }],
  persons: [{ name: SUSPECT, nationality: 'TH', sex: 'male', birthYear: 1990, idType: 'national_id', idNumber: ID_NUMBER }],
  conveyances: [{ type: 'pickup', plate: 'กข 1234 เชียงราย', country: 'TH' }]
}

describe('sharing case records with the counterpart', () => {
  const tempDir = useTempDirs()
  const open: ExchangeSide[] = []
  afterEach(() => {
    for (const side of open.splice(0)) side.close()
  })
  const pair = () => {
    const a = new ExchangeSide(tempDir(), A_ID)
    const b = new ExchangeSide(tempDir(), B_ID, 'ຮ້ອຍເອກ ບຸນມີ')
    a.pairWith(b)
    open.push(a, b)
    return { a, b }
  }
  const receivedOn = async (b: ExchangeSide, recordId: string) =>
    (await b.call('exchange.get', { type: 'record', origin: A_ID, id: recordId })) as RecordDetail

  it('sends only the picked fields: without names and ID numbers unless they are ticked', async () => {
    const { a, b } = pair()
    const c = a.createCase(raid)
    const shared = await a.call('exchange.share', { caseId: c.id })
    expect(shared.record.fields).toEqual(['core', 'summary', 'items', 'conveyances', 'persons.basic'])
    expect(shared.doc).toBe(`records/${A_ID}/${B_ID}/2026-11`)
    expect(shared.audience).toEqual([B_ID])
    expect(deliver(a, b)).toBeGreaterThan(0)

    const got = await receivedOn(b, c.id)
    expect(got).toMatchObject({ origin: A_ID, fromCounterpart: true, unread: true })
    expect(got.record.case?.summary).toBe(raid.summary)
    expect(got.record.case?.persons).toEqual([{ role: 'suspect', sex: 'male', nationality: 'TH', age: 36 }])
    expect(got.record.case?.narrative).toBeUndefined()
    // Not in the view, not in the document, not in what B stored.
    expect(JSON.stringify(b.docs())).not.toContain('สมชาย')
    expect(b.storedDocBytes().includes(Buffer.from(ID_NUMBER))).toBe(false)
    expect((await b.call('exchange.list', { box: 'received', q: 'สมชาย' })).total).toBe(0)

    await a.call('exchange.share', { caseId: c.id, fields: ['summary', 'persons.basic', 'persons.names', 'persons.idDocuments'] })
    deliver(a, b)
    const ticked = await receivedOn(b, c.id)
    expect(ticked.record.revision).toBe(2)
    expect(ticked.record.case?.persons).toEqual([
      { role: 'suspect', sex: 'male', nationality: 'TH', age: 36, name: SUSPECT, idType: 'national_id', idNumber: ID_NUMBER }
    ])
    expect(ticked.record.case?.items).toBeUndefined()
    expect((await b.call('exchange.list', { box: 'received', q: 'สมชาย' })).total).toBe(1)
    expect(b.logs).toEqual([])
  })

  it('makes received records searchable by a Thai substring, filterable, and marked as the counterpart’s', async () => {
    const { a, b } = pair()
    const meth = a.createCase(raid)
    const logs = a.createCase({
      occurredAt: '2026-10-03T14:00:00+07:00',
      category: 'timber',
      location: 'ท่าเรือบ้านแซว',
      summary: 'ไม้พะยูงแปรรูป 40 ท่อน',
      items: [{ commodity: 'rosewood', quantity: 12.5, unit: 'm3', species: 'Dalbergia cochinchinensis' }]
    })
    await a.call('exchange.share', { caseId: meth.id })
    await a.call('exchange.share', { caseId: logs.id })
    deliver(a, b)

    const search = async (query: Omit<Parameters<ExchangeSide['call']>[1] & object, 'box'>) =>
      (await b.call('exchange.list', { box: 'received', ...query })).rows.map((r) => (r.type === 'record' ? r.caseRef : ''))
    expect(await search({ q: 'ยาบ้าซุก' })).toEqual([meth.ref]) // a word inside a sentence without spaces
    expect(await search({ q: 'ไม้' })).toEqual([logs.ref]) // shorter than a trigram
    expect(await search({ q: 'Dalbergia' })).toEqual([logs.ref])
    expect(await search({ q: '1234' })).toEqual([meth.ref]) // the plate
    expect(await search({ category: 'timber' })).toEqual([logs.ref])
    expect(await search({ from: '2026-11-01', to: '2026-11-30' })).toEqual([meth.ref])
    expect((await b.call('exchange.list', { box: 'sent' })).total).toBe(0)

    const page = await b.call('exchange.list', { box: 'received' })
    expect(page.unread).toEqual({ received: 2, alerts: 0, requests: 0 })
    expect(page.rows.every((r) => r.fromCounterpart && r.origin === A_ID)).toBe(true)
    const sent = await a.call('exchange.list', { box: 'sent' })
    expect(sent.rows.map((r) => r.fromCounterpart)).toEqual([false, false])
    expect(b.changed.flat()).toContain('received')
  })

  it('carries a correction across, and a withdrawal that removes the case from the counterpart’s document', async () => {
    const { a, b } = pair()
    const c = a.createCase(raid)
    await a.call('exchange.share', { caseId: c.id, fields: ['summary', 'persons.names', 'persons.idDocuments'] })
    deliver(a, b)
    await b.call('exchange.markRead', { items: [{ type: 'record', origin: A_ID, id: c.id }] })
    expect((await b.call('exchange.list', { box: 'received' })).unread.received).toBe(0)

    const fixed = a.cases.update(c.id, c.version, { ...c, summary: 'ตรวจพบยาไอซ์ 3 กิโลกรัม' }, { user: 'Sgt. Somchai' })
    const corrected = await a.call('exchange.share', { caseId: fixed.id, fields: ['summary', 'persons.names', 'persons.idDocuments'] })
    expect(corrected.record).toMatchObject({ revision: 2, sharedAt: expect.any(String) })
    // Sharing the same content again changes nothing and bothers nobody.
    const again = await a.call('exchange.share', { caseId: fixed.id, fields: ['persons.idDocuments', 'summary', 'persons.names'] })
    expect(again.record.revision).toBe(2)
    deliver(a, b)
    const seen = await receivedOn(b, c.id)
    expect(seen.record.case?.summary).toBe('ตรวจพบยาไอซ์ 3 กิโลกรัม')
    expect(seen.unread).toBe(true) // a correction is news
    expect(await b.call('exchange.list', { box: 'received', q: 'ยาบ้า' })).toMatchObject({ total: 0 })
    expect(await b.call('exchange.list', { box: 'received', q: 'ยาไอซ์' })).toMatchObject({ total: 1 })
    expect(b.storedDocBytes().includes(Buffer.from(SUSPECT))).toBe(true)

    const withdrawn = await a.call('exchange.withdraw', { caseId: c.id, reason: 'shared by mistake' })
    expect(withdrawn.record).toMatchObject({ revision: 3, case: null, fields: [], withdrawn: { reason: 'shared by mistake' } })
    deliver(a, b)
    const row = (await b.call('exchange.list', { box: 'received' })).rows[0]
    expect(row).toMatchObject({ type: 'record', caseRef: c.ref, category: null, summary: null, withdrawn: { reason: 'shared by mistake' } })
    expect(await b.call('exchange.list', { box: 'received', includeWithdrawn: false })).toMatchObject({ total: 0 })
    expect(await b.call('exchange.list', { box: 'received', q: 'สมชาย' })).toMatchObject({ total: 0 })
    // The payload is gone from the counterpart's document and from everything it stored of it.
    const value = b.store.get(seen.doc).getMap('records').get(c.id)
    expect(value).toMatchObject({ recordId: c.id, case: null, withdrawn: { by: 'Sgt. Somchai' } })
    const state = Buffer.from(Y.encodeStateAsUpdateV2(b.store.get(seen.doc)))
    for (const secret of [SUSPECT, ID_NUMBER, 'ยาไอซ์']) {
      expect(state.includes(Buffer.from(secret))).toBe(false)
      expect(b.storedDocBytes().includes(Buffer.from(secret))).toBe(false)
      expect(a.storedDocBytes().includes(Buffer.from(secret))).toBe(false)
    }
    expect(a.db.prepare('SELECT action, fields, note FROM shares ORDER BY id').all()).toEqual([
      { action: 'share', fields: '["core","summary","persons.names","persons.idDocuments"]', note: '' },
      { action: 'correct', fields: '["core","summary","persons.names","persons.idDocuments"]', note: '' },
      { action: 'withdraw', fields: '[]', note: 'shared by mistake' }
    ])
    expect((await a.tryCall('exchange.withdraw', { caseId: c.id, reason: 'again' })).ok).toBe(false)
  })

  it('refuses bad input with a message naming the field', async () => {
    const { a } = pair()
    const c = a.createCase(raid)
    const bad = async (method: Parameters<ExchangeSide['tryCall']>[0], input: unknown) => {
      const reply = await a.tryCall(method, input as never)
      if (reply.ok) throw new Error(`${method} accepted ${JSON.stringify(input)}`)
      return reply.error
    }
    expect(await bad('exchange.share', { caseId: c.id, fields: ['persons.everything'] })).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'fields.0' }]
    })
    expect(await bad('exchange.share', { caseId: 'no-such-case' })).toMatchObject({ code: 'not_found' })
    expect(await bad('exchange.withdraw', { caseId: c.id, reason: '  ' })).toMatchObject({ issues: [{ path: 'reason', message: 'required' }] })
    expect(await bad('exchange.withdraw', { caseId: c.id, reason: 'never shared' })).toMatchObject({ code: 'not_found' })
    expect(await bad('exchange.list', { box: 'alerts', category: 'timber' })).toMatchObject({ issues: [{ path: 'category' }] })
    expect(await bad('exchange.list', { box: 'inbox' })).toMatchObject({ issues: [{ path: 'box' }] })
    expect(await bad('exchange.get', { type: 'record', origin: 'not an id', id: 'x' })).toMatchObject({ issues: [{ path: 'origin' }] })
    const voided = a.cases.void(c.id, 1, 'duplicate', { user: 'Sgt. Somchai' })
    expect(await bad('exchange.share', { caseId: voided.id })).toMatchObject({ code: 'conflict' })
  })

  it('skips and logs a malformed record from the peer, keeping the rest of the update', async () => {
    const { a, b } = pair()
    const c = a.createCase(raid)
    const { doc } = await a.call('exchange.share', { caseId: c.id })
    deliver(a, b)
    // A peer running other code writes garbage next to a good record, and a record whose case fails its schema.
    a.store.write(() => {
      const records = a.store.get(doc).getMap('records')
      records.set('junk', { recordId: 'junk', hello: 'world' })
      records.set('bad-items', { ...(records.get(c.id) as object), recordId: 'bad-items', case: { ...raid, items: [{ commodity: '' }] } })
      records.set('nested', new Y.Map())
    })
    deliver(a, b)
    expect(b.logs).toHaveLength(3)
    expect(b.logs.join('\n')).toMatch(/Skipped record "junk" in records\/.+ from [A-Z2-7-]+: caseRef/)
    expect((await b.call('exchange.list', { box: 'received' })).rows.map((r) => r.type === 'record' && r.recordId)).toEqual([c.id])
    // A later correction of the broken value shows up.
    const good = a.store.get(doc).getMap('records').get(c.id) as object
    a.store.write(() => a.store.get(doc).getMap('records').set('junk', { ...good, recordId: 'junk' }))
    deliver(a, b)
    expect((await b.call('exchange.list', { box: 'received' })).total).toBe(2)
    const incremental = b.views()
    b.exchange.rebuildViews()
    expect(b.views()).toEqual(incremental)
  })

  it('never lets the views fall out of step: a failed view write refuses the whole update', async () => {
    const { a, b } = pair()
    const c = a.createCase(raid)
    const { doc } = await a.call('exchange.share', { caseId: c.id })
    deliver(a, b)
    await a.call('exchange.share', { caseId: c.id, fields: ['summary', 'persons.names'] })
    const [[name, update]] = a.outbox
    // Stand-in for a disk error in the middle of materialising.
    b.db.exec(`CREATE TRIGGER fail BEFORE INSERT ON exchange_records BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`)
    const stored = () => b.db.prepare('SELECT count(*) AS n FROM doc_updates').get()
    const before = stored()
    expect(() => b.receive(name, update)).toThrow('disk I/O error')
    expect(stored()).toEqual(before)
    expect((b.store.get(doc).getMap('records').get(c.id) as { revision: number }).revision).toBe(1)
    expect((await receivedOn(b, c.id)).record.revision).toBe(1)
    b.db.exec('DROP TRIGGER fail')
    b.receive(name, update) // the sync engine retries
    expect((await receivedOn(b, c.id)).record.case?.persons?.[0].name).toBe(SUSPECT)
  })

  it('keeps the views across a restart and goes on materialising after it', async () => {
    const { a, b } = pair()
    const c = a.createCase(raid)
    await a.call('exchange.share', { caseId: c.id })
    deliver(a, b)
    const before = b.views()
    b.close()
    open.splice(open.indexOf(b), 1)
    const b2 = new ExchangeSide(b.dir, B_ID)
    b2.counterparts.push(A_ID)
    open.push(b2)
    expect(b2.views()).toEqual(before)
    await a.call('exchange.withdraw', { caseId: c.id, reason: 'wrong crossing' })
    deliver(a, b2)
    expect((await receivedOn(b2, c.id)).record.withdrawn?.reason).toBe('wrong crossing')
  })
})
