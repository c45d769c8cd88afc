/**
 * Two BLO stations as separate processes, as two offices would run them: the built station host twice
 * (sync on loopback), driven by the built `blo` CLI, and watched through each host's WebSocket API.
 * Waits are for conditions, never for a fixed time.
 */
import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { Case, ExchangePage, MethodOutput, MessageThread, PairedStation, RecordDetail, StationCard, LinkStatus } from '../../preload/api'
import { stopAllHosts } from '../helpers/built-programs'
import { hosts, initOffice, isSynced, startOffice } from '../helpers/process-office'
import { startThrottleProxy, type ThrottleProxy } from '../helpers/throttle-proxy'
import { useTempDirs } from '../helpers/temp-dir'
import { until } from '../helpers/until'

type LinkEvent = MethodOutput<'link.log'>[number]

const tempDir = useTempDirs()
const proxies: ThrottleProxy[] = []
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()))
  await stopAllHosts()
})

const proxyTo = (sync: string, rateBitsPerSecond: number) => {
  const [host, port] = sync.split(':')
  return startThrottleProxy({ target: { host, port: Number(port) }, rateBitsPerSecond, delayMs: 100 }).then((proxy) => {
    proxies.push(proxy)
    return proxy
  })
}


/** What each side sees the same way; who reads what (unread, read receipts, whose it is, who it went to) is per side. */
const PER_SIDE = new Set(['fromCounterpart', 'unread', 'readByCounterpartAt', 'threadUnread', 'audience', 'withdrawnFrom'])
function shared(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shared)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !PER_SIDE.has(key)).map(([key, v]) => [key, shared(v)]))
  }
  return value
}

interface AllBoxes {
  received: { total: number; rows: ExchangePage['rows'] }
  sent: { total: number; rows: ExchangePage['rows'] }
  alerts: { total: number; rows: ExchangePage['rows'] }
  requests: { total: number; rows: ExchangePage['rows'] }
}
/** One side's exchange, as the other side should hold it: its sent records are their received ones. */
const mirrored = (boxes: AllBoxes) => shared({ received: boxes.sent, sent: boxes.received, alerts: boxes.alerts, requests: boxes.requests })
const asIs = (boxes: AllBoxes) => shared({ received: boxes.received, sent: boxes.sent, alerts: boxes.alerts, requests: boxes.requests })

const methCase = {
  occurredAt: '2026-11-20T08:30:00+07:00',
  category: 'narcotics',
  location: 'ด่านสะพานมิตรภาพ 4 เชียงของ',
  summary: 'ตรวจพบยาบ้าซุกซ่อนในยางอะไหล่รถกระบะ',
  items: [{ commodity: 'methamphetamine tablets', quantity: 120000, unit: 'tablets' }],
  persons: [{ name: 'สมชาย ใจดี', nationality: 'TH', role: 'suspect', idType: 'national_id', idNumber: '1509901234567' }],
  conveyances: [{ type: 'pickup', plate: 'บธ 4521 เชียงราย', country: 'TH' }]
}
const pangolinCase = {
  occurredAt: '2026-10-02T14:00:00+07:00',
  category: 'wildlife',
  location: 'Houayxay pier',
  summary: 'เกล็ดตัวนิ่มในเรือหางยาว',
  items: [{ commodity: 'pangolin scales', quantity: 42, unit: 'kg', species: 'Manis javanica' }],
  persons: [{ name: 'ສົມພອນ ແກ້ວມະນີ', nationality: 'LA', role: 'suspect', idType: 'passport', idNumber: 'P1234567' }]
}
const timberCase = {
  occurredAt: '2026-11-25T06:10:00+07:00',
  category: 'timber',
  location: 'Ban Huak checkpoint',
  summary: 'ไม้พะยูงท่อนใต้ผ้าใบ',
  items: [{ commodity: 'Siamese rosewood', quantity: 3.5, unit: 'm3' }]
}

describe('two stations as separate processes', () => {
  it('pair, share, alert, request and reply; converge after one was down; refuse a stranger; unpair', async () => {
    const [dirA, dirB] = await Promise.all([initOffice(tempDir(), 'BLO Chiang Khong', 'TH'), initOffice(tempDir(), 'BLO Houayxay', 'LA')])
    const a = await startOffice(dirA)
    let b = await startOffice(dirB)

    // Each office reads out its ID card; the other pairs it with the address from the ready line.
    const cardA = await a.blo<StationCard>(['pair', 'show', '--json'])
    const cardB = await b.blo<StationCard>(['pair', 'show', '--json'])
    expect(Object.keys(cardA)).toEqual(['stationId', 'name', 'country'])
    expect(cardA).toEqual({ stationId: a.id, name: 'BLO Chiang Khong', country: 'TH' })
    expect(cardB).toEqual({ stationId: b.id, name: 'BLO Houayxay', country: 'LA' })
    expect(await a.blo<PairedStation>(['pair', 'add', '--id', cardB.stationId, '--address', b.sync, '--name', 'Houayxay'])).toMatchObject({
      stationId: b.id,
      address: b.sync,
      name: 'Houayxay'
    })
    await b.blo(['pair', 'add', '--id', cardA.stationId, '--address', a.sync])
    expect((await a.blo<PairedStation[]>(['pair', 'list', '--json'])).map((p) => p.stationId)).toEqual([b.id])
    await until(async () => isSynced(await a.linkTo(b)) && isSynced(await b.linkTo(a)), 'the first complete sync', hosts)

    // Share two cases: the first with the default fields, the second with names ticked.
    const meth = await a.blo<Case>(['case', 'add', '--json', '-'], JSON.stringify(methCase))
    const pangolin = await a.blo<Case>(['case', 'add', '--json', '-'], JSON.stringify(pangolinCase))
    const sharedMeth = await a.blo<RecordDetail>(['share', meth.id])
    expect(sharedMeth.record).toMatchObject({ recordId: meth.id, revision: 1, fields: ['core', 'summary', 'items', 'conveyances', 'persons.basic'] })
    await a.blo(['share', pangolin.id, '--fields', 'summary,items,persons.basic,persons.names'])
    await until(async () => (await b.list('received')).total === 2, 'B to receive both records', hosts)

    const found = await b.blo<ExchangePage>(['exchange', 'list', '--json', '--box', 'received', '--q', 'ซุกซ่อนในยาง'])
    expect(found.total).toBe(1)
    expect(found.rows[0]).toMatchObject({ type: 'record', recordId: meth.id, origin: a.id, fromCounterpart: true, summary: methCase.summary })
    // Names went across only where ticked; ID numbers nowhere.
    expect((await b.blo<ExchangePage>(['exchange', 'list', '--json', '--box', 'received', '--q', 'สมชาย'])).total).toBe(0)
    expect((await b.blo<ExchangePage>(['exchange', 'list', '--json', '--box', 'received', '--q', 'ແກ້ວມະ'])).total).toBe(1)
    const methOnB = await b.blo<RecordDetail>(['exchange', 'get', '--json', '--origin', a.id, '--record', meth.id])
    expect(methOnB.record.case?.persons).toEqual([{ role: 'suspect', sex: 'unknown', nationality: 'TH' }])
    expect(methOnB.record.case?.conveyances?.[0].plate).toBe('บธ 4521 เชียงราย')
    expect(JSON.stringify(methOnB)).not.toMatch(/สมชาย|1509901234567/)
    const pangolinOnB = await b.blo<RecordDetail>(['exchange', 'get', '--json', '--origin', a.id, '--record', pangolin.id])
    expect(pangolinOnB.record.case?.persons).toEqual([{ role: 'suspect', sex: 'unknown', nationality: 'LA', name: 'ສົມພອນ ແກ້ວມະນີ' }])

    // An alert from B reaches A.
    const alert = await b.blo<MessageThread>(['alert', 'send', '--subject', 'vehicle', '--plate', 'ກຂ 1234', '--text', 'ລົດກະບະສີຂາວ ມຸ່ງໜ້າຂົວມິດຕະພາບ 4'])
    await until(async () => (await a.list('alerts')).total === 1, 'the alert on A', hosts)
    const alertsOnA = await a.blo<ExchangePage>(['exchange', 'list', '--json', '--box', 'alerts'])
    expect(alertsOnA.rows[0]).toMatchObject({ origin: b.id, fromCounterpart: true, unread: true, message: { id: alert.message.id, kind: 'alert', priority: 'urgent', plate: 'ກຂ 1234' } })

    // A request from A gets a reply from B; A sees it in the thread.
    const request = await a.blo<MessageThread>(['request', 'send', '--title', 'ขอข้อมูลเจ้าของรถ', '--text', 'ขอชื่อเจ้าของรถกระบะทะเบียน ກຂ 1234'])
    await until(async () => (await b.list('requests')).total === 1, 'the request on B', hosts)
    const replied = await b.blo<MessageThread>(['reply', '--origin', a.id, '--message', request.message.id, '--text', 'ເຈົ້າຂອງລົດແມ່ນບໍລິສັດຂົນສົ່ງ'])
    expect(replied.replies).toHaveLength(1)
    await until(async () => {
      const [thread] = (await a.list('requests')).rows
      return thread?.type === 'message' && thread.replyCount === 1
    }, 'the reply on A', hosts)
    const threadsOnA = await a.blo<{ rows: { replies: MessageThread['replies'] }[] }>(['exchange', 'list', '--json', '--box', 'requests'])
    expect(threadsOnA.rows[0].replies).toMatchObject([{ origin: b.id, fromCounterpart: true, message: { kind: 'reply', text: 'ເຈົ້າຂອງລົດແມ່ນບໍລິສັດຂົນສົ່ງ' } }])

    // B goes down. Both sides work on: A corrects, shares and withdraws; B, with no station running, sends an alert.
    await b.stop()
    await until(async () => (await a.linkTo(b))?.state !== 'connected', 'A to notice B is gone', hosts)
    const methFixed = await a.call<Case>('cases.update', { id: meth.id, expectedVersion: 1, input: { ...methCase, summary: `${methCase.summary} (แก้ไขจำนวน)` } })
    expect((await a.blo<RecordDetail>(['share', methFixed.id])).record.revision).toBe(2)
    const timber = await a.blo<Case>(['case', 'add', '--json', '-'], JSON.stringify(timberCase))
    await a.blo(['share', timber.id, '--fields', 'summary,items'])
    expect((await a.blo<RecordDetail>(['withdraw', pangolin.id, '--reason', 'ส่งผิดคดี'])).record.withdrawn).toMatchObject({ reason: 'ส่งผิดคดี' })
    await until(async () => ((await a.linkTo(b))?.pendingDocs ?? 0) > 0, 'A to count what B has not got', hosts)

    const offlineB = await b.blo<LinkStatus>(['sync', 'status', '--json'])
    expect(offlineB.listening).toBeNull()
    expect(offlineB.peers).toMatchObject([{ stationId: a.id, state: 'offline', lastContact: expect.any(String), lastCompleteSync: expect.any(String) }])
    await b.blo(['alert', 'send', '--subject', 'route', '--priority', 'high', '--text', 'ເສັ້ນທາງໃໝ່ຜ່ານບ້ານຫ້ວຍ'])

    // B comes back on another sync port; A's officer updates the address.
    const restartedAt = new Date().toISOString()
    b = await startOffice(dirB)
    expect(b.id).toBe(cardB.stationId)
    await a.blo(['pair', 'add', '--id', b.id, '--address', b.sync])
    await until(async () => isSynced(await a.linkTo(b), restartedAt) && isSynced(await b.linkTo(a), restartedAt), 'both sides synced again', hosts)
    await until(async () => (await a.list('alerts')).total === 2 && (await b.list('received')).total === 3, 'the offline work on both sides', hosts)

    const [allA, allB] = [await a.blo<AllBoxes>(['exchange', 'list', '--json']), await b.blo<AllBoxes>(['exchange', 'list', '--json'])]
    expect(allA.sent.total).toBe(3)
    expect(asIs(allB)).toEqual(mirrored(allA))
    const onB = Object.fromEntries(allB.received.rows.map((r) => [r.type === 'record' ? r.recordId : '', r]))
    expect(onB[meth.id]).toMatchObject({ revision: 2, summary: `${methCase.summary} (แก้ไขจำนวน)` })
    expect(onB[pangolin.id]).toMatchObject({ summary: null, withdrawn: { reason: 'ส่งผิดคดี' } })
    expect((await b.blo<ExchangePage>(['exchange', 'list', '--json', '--box', 'received', '--q', 'ແກ້ວມະ'])).total).toBe(0)
    for (const [office, other] of [[a, b], [b, a]] as const) {
      const status = await office.blo<LinkStatus>(['sync', 'status', '--json'])
      expect(status.peers).toMatchObject([{ stationId: other.id, state: 'connected', pendingDocs: 0, pendingBytes: 0, transfers: [] }])
      expect(status.peers[0].lastCompleteSync! >= restartedAt).toBe(true)
    }

    // A stranger that pairs A on its own side is refused by A, and both sides can see it.
    const c = await startOffice(await initOffice(tempDir(), 'Unknown office', 'MM'))
    await c.blo(['pair', 'add', '--id', a.id, '--address', a.sync])
    await until(async () => (await c.linkTo(a))?.state === 'refused', 'the stranger to be refused', hosts)
    const logA = await a.blo<LinkEvent[]>(['sync', 'log', '--json', '--limit', '50'])
    expect(logA.find((e) => e.kind === 'refused-unpaired' && e.peer === c.id)?.detail).toMatch(/not paired/)
    expect((await a.blo<LinkStatus>(['sync', 'status', '--json'])).peers.map((p) => p.stationId)).toEqual([b.id])
    expect(await c.list('received')).toMatchObject({ total: 0 })

    // Unpairing revokes at once: B's next attempt is refused too.
    expect(await a.blo(['pair', 'remove', '--id', b.id])).toEqual({ removed: true })
    await until(async () => (await b.linkTo(a))?.state === 'refused', 'B to be refused after unpairing', { ...hosts, timeoutMs: 30_000 })
    expect((await a.call<LinkEvent[]>('link.log', { limit: 50 })).some((e) => e.kind === 'refused-unpaired' && e.peer === b.id)).toBe(true)
  }, 90_000)

  it('resumes a catch-up cut in the middle on a slow link, without starting over', async () => {
    const [dirA, dirB] = await Promise.all([initOffice(tempDir(), 'BLO Chiang Khong', 'TH'), initOffice(tempDir(), 'BLO Houayxay', 'LA')])
    const a = await startOffice(dirA)
    const b = await startOffice(dirB)
    // Paired first at an address where nothing listens, so the records wait for B until the link is set up.
    await a.blo(['pair', 'add', '--id', b.id, '--address', '127.0.0.1:9'])
    // One month's records: a single document, big enough that the catch-up goes in chunks.
    const RECORDS = 80
    for (let i = 0; i < RECORDS; i++) {
      const narrative = `บันทึกการตรวจค้น ${i}: ${randomBytes(600).toString('base64')}`
      const c = await a.call<Case>('cases.create', { ...methCase, occurredAt: `2026-11-${String((i % 28) + 1).padStart(2, '0')}T08:30:00+07:00`, narrative })
      await a.call('exchange.share', { caseId: c.id, fields: ['summary', 'narrative', 'items'] })
    }
    // Every connection, whoever dials, crosses a 64 kbit/s link with 200 ms RTT.
    const [toA, toB] = await Promise.all([proxyTo(a.sync, 64_000), proxyTo(b.sync, 64_000)])
    await a.blo(['pair', 'add', '--id', b.id, '--address', `127.0.0.1:${toB.port}`])
    await b.blo(['pair', 'add', '--id', a.id, '--address', `127.0.0.1:${toA.port}`])

    const midway = await until(async () => {
      const sending = (await a.linkTo(b))?.transfers.find((t) => t.direction === 'send')
      return sending && sending.done > 0 && sending.done < sending.total / 2 ? sending : null
    }, 'the catch-up to be under way', { ...hosts, timeoutMs: 30_000, everyMs: 20 })
    toA.cut()
    toB.cut()
    await until(async () => (await a.linkTo(b))?.state !== 'connected' && (await b.linkTo(a))?.state !== 'connected', 'both to see the cut', hosts)
    expect((await b.list('received')).total).toBe(0)
    expect((await a.linkTo(b))?.pendingBytes).toBeGreaterThan(0)

    for (const proxy of [toA, toB]) {
      proxy.resetStats()
      proxy.setLink({ rateBitsPerSecond: 256_000 })
      proxy.restore()
    }
    await until(async () => isSynced(await a.linkTo(b)) && isSynced(await b.linkTo(a)), 'the catch-up to complete after the cut', { ...hosts, timeoutMs: 40_000 })
    expect((await b.list('received')).total).toBe(RECORDS)
    // A→B bytes after the cut: A dials B through toB (its upstream), B dials A through toA (its downstream).
    const resent = toB.stats().bytesUp + toA.stats().bytesDown
    console.info(`catch-up of ${midway.total} bytes cut at ${midway.done}; ${resent} bytes A→B after the link came back`)
    expect(resent).toBeLessThan(midway.total)

    const [allA, allB] = [await a.blo<AllBoxes>(['exchange', 'list', '--json', '--limit', '100']), await b.blo<AllBoxes>(['exchange', 'list', '--json', '--limit', '100'])]
    expect(allA.sent.total).toBe(RECORDS)
    expect(asIs(allB)).toEqual(mirrored(allA))
  }, 90_000)
})
