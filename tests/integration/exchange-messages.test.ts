import { afterEach, describe, expect, it } from 'vitest'
import type { MessageRow } from '../../preload/api'
import { deliver, ExchangeSide, stationId } from '../helpers/exchange-pair'
import { useTempDirs } from '../helpers/temp-dir'

const A_ID = stationId('Chiang Khong BLO')
const B_ID = stationId('Houayxay BLO')

describe('alerts, requests, replies and receipts', () => {
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
  const sync = (a: ExchangeSide, b: ExchangeSide) => {
    deliver(a, b)
    deliver(b, a)
  }

  it('round-trips an alert: acknowledged and answered from the receiver’s own document, read receipts both ways', async () => {
    const { a, b } = pair()
    const alert = await a.call('exchange.sendAlert', {
      subject: 'vehicle',
      text: 'กระบะสีขาวมุ่งหน้าท่าเรือ อาจบรรทุกยาบ้า',
      plate: 'กข 1234 เชียงราย'
    })
    expect(alert.message).toMatchObject({ kind: 'alert', priority: 'urgent', sentBy: 'Sgt. Somchai', expiresAt: null })
    expect(alert.doc).toMatch(new RegExp(`^messages/${A_ID}/${B_ID}/\\d{4}-\\d{2}$`))
    sync(a, b)

    const inbox = await b.call('exchange.list', { box: 'alerts' })
    expect(inbox.unread).toEqual({ received: 0, alerts: 1, requests: 0 })
    expect(inbox.rows[0]).toMatchObject({ type: 'message', origin: A_ID, fromCounterpart: true, unread: true, threadUnread: true })
    expect((await b.call('exchange.list', { box: 'alerts', q: '1234' })).total).toBe(1)
    expect((await b.call('exchange.list', { box: 'alerts', q: 'ท่าเรือ' })).total).toBe(1)

    const pointer = { origin: A_ID, messageId: alert.message.id }
    await b.call('exchange.markRead', { items: [{ type: 'message', origin: A_ID, id: alert.message.id }] })
    await b.call('exchange.acknowledge', { ...pointer, text: 'ได้รับแล้ว' })
    await b.call('exchange.acknowledge', pointer) // twice is once
    const thread = await b.call('exchange.reply', { ...pointer, text: 'ລົດຄັນນີ້ຂ້າມແດນເວລາ 14:20' })
    expect(thread.replies.map((r) => [r.message.kind, r.origin, r.doc.split('/')[1]])).toEqual([
      ['ack', B_ID, B_ID],
      ['reply', B_ID, B_ID]
    ])
    expect((await b.call('exchange.list', { box: 'alerts' })).unread.alerts).toBe(0)
    // Nothing was written into A's document on B's side: B's changes are all in B's own documents.
    expect(b.outbox.every(([name]) => name.startsWith(`messages/${B_ID}/${A_ID}/`))).toBe(true)
    sync(a, b)

    const atA = await a.call('exchange.get', { type: 'message', origin: A_ID, id: alert.message.id })
    if (atA.type !== 'message') throw new Error('expected a thread')
    expect(atA.readByCounterpartAt).not.toBeNull()
    expect(atA.replies.map((r) => [r.message.kind, r.fromCounterpart, r.unread])).toEqual([
      ['ack', true, true],
      ['reply', true, true]
    ])
    const row = (await a.call('exchange.list', { box: 'alerts' })).rows[0] as MessageRow
    expect(row).toMatchObject({ replyCount: 2, acknowledged: true, threadUnread: true, unread: false })
    expect((await a.call('exchange.list', { box: 'alerts' })).unread.alerts).toBe(2)
    expect((await a.call('exchange.list', { box: 'alerts', unreadOnly: true })).total).toBe(1)

    const marked = await a.call('exchange.markRead', { items: atA.replies.map((r) => ({ type: 'message' as const, origin: r.origin, id: r.message.id })) })
    expect(marked).toEqual({ marked: 2, unread: { received: 0, alerts: 0, requests: 0 } })
    expect((await a.call('exchange.markRead', { items: [{ type: 'message', origin: A_ID, id: alert.message.id }] })).marked).toBe(0)
    sync(a, b)
    const atB = await b.call('exchange.get', { type: 'message', origin: A_ID, id: alert.message.id })
    if (atB.type !== 'message') throw new Error('expected a thread')
    expect(atB.replies.every((r) => r.readByCounterpartAt !== null)).toBe(true)
    expect(a.changed.flat()).toContain('alerts')
  })

  it('asks about a received record and gets an answer', async () => {
    const { a, b } = pair()
    const c = a.createCase({
      occurredAt: '2026-11-20T08:30:00+07:00',
      category: 'wildlife',
      location: 'ด่านเชียงของ',
      summary: 'ยึดเกล็ดลิ่น 35 กิโลกรัม'
    })
    await a.call('exchange.share', { caseId: c.id })
    sync(a, b)
    const request = await b.call('exchange.sendRequest', {
      title: 'ຂໍຂໍ້ມູນເພີ່ມເຕີມ',
      text: 'ຜູ້ຕ້ອງຫາມີສັນຊາດຫຍັງ?',
      about: { origin: A_ID, recordId: c.id }
    })
    expect(request.message).toMatchObject({ kind: 'request', priority: 'normal', regarding: { type: 'record', origin: A_ID, id: c.id } })
    sync(a, b)

    const record = await a.call('exchange.get', { type: 'record', origin: A_ID, id: c.id })
    if (record.type !== 'record') throw new Error('expected a record')
    expect(record.requests.map((r) => r.message.id)).toEqual([request.message.id])
    expect((await a.call('exchange.list', { box: 'requests' })).unread.requests).toBe(1)
    await a.call('exchange.reply', { origin: B_ID, messageId: request.message.id, text: 'สัญชาติไทย' })
    sync(a, b)
    const thread = await b.call('exchange.get', { type: 'message', origin: B_ID, id: request.message.id })
    if (thread.type !== 'message') throw new Error('expected a thread')
    expect(thread.replies.map((r) => [r.origin, r.message.kind === 'reply' && r.message.text])).toEqual([[A_ID, 'สัญชาติไทย']])
    expect((await b.call('exchange.list', { box: 'requests' })).unread).toEqual({ received: 1, alerts: 0, requests: 1 })
  })

  it('refuses what makes no sense, saying why', async () => {
    const { a, b } = pair()
    const alert = await a.call('exchange.sendAlert', { subject: 'person', text: 'x', name: 'ທ້າວ ບຸນມີ' })
    sync(a, b)
    const refused = async (side: ExchangeSide, method: Parameters<ExchangeSide['tryCall']>[0], input: unknown) => {
      const reply = await side.tryCall(method, input as never)
      if (reply.ok) throw new Error(`${method} accepted ${JSON.stringify(input)}`)
      return reply.error
    }
    expect(await refused(a, 'exchange.acknowledge', { origin: A_ID, messageId: alert.message.id })).toMatchObject({ code: 'invalid_input' })
    expect(await refused(b, 'exchange.reply', { origin: A_ID, messageId: 'nope', text: 'hi' })).toMatchObject({ code: 'not_found' })
    expect(await refused(b, 'exchange.sendAlert', { subject: 'boat', text: 'x' })).toMatchObject({ issues: [{ path: 'subject' }] })
    expect(await refused(b, 'exchange.sendAlert', { subject: 'route', text: 'x', expiresAt: '2001-01-01T00:00:00Z' })).toMatchObject({
      issues: [{ path: 'expiresAt' }]
    })
    expect(await refused(b, 'exchange.sendRequest', { title: 'q', text: 'q', about: { origin: A_ID, recordId: 'never-shared' } })).toMatchObject({
      code: 'not_found'
    })
    expect(await refused(b, 'exchange.markRead', { items: [] })).toMatchObject({ issues: [{ path: 'items' }] })
    const read = await b.call('exchange.markRead', { items: [{ type: 'message', origin: A_ID, id: alert.message.id }] })
    expect(read.marked).toBe(1)
    expect((await b.call('exchange.markRead', { items: [{ type: 'message', origin: A_ID, id: alert.message.id }] })).marked).toBe(0)
  })

  it('skips and logs a malformed message from the peer', async () => {
    const { a, b } = pair()
    const alert = await a.call('exchange.sendAlert', { subject: 'route', text: 'ท่าข้ามบ้านดอน' })
    a.store.write(() => {
      const messages = a.store.get(alert.doc).getMap('messages')
      messages.set('fake-reply', { kind: 'reply', id: 'fake-reply', sentAt: 'yesterday', sentBy: 'x', text: 'y' })
      messages.set('mismatch', { ...alert.message })
    })
    sync(a, b)
    expect(b.logs).toEqual([
      expect.stringMatching(/^Skipped message "fake-reply" in messages\/.+: sentAt: /),
      expect.stringMatching(/^Skipped message "mismatch" in .+: its id .+ is not its key$/)
    ])
    expect((await b.call('exchange.list', { box: 'alerts' })).total).toBe(1)
  })
})
