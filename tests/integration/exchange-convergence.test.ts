import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CaseInput } from '../../preload/api'
import { deliver, ExchangeSide, seededShuffle, stationId } from '../helpers/exchange-pair'
import { useTempDirs } from '../helpers/temp-dir'

const A_ID = stationId('Chiang Khong BLO')
const B_ID = stationId('Houayxay BLO')

const caseOn = (day: number, summary: string, name: string) => ({
  occurredAt: `2026-${day > 30 ? '12' : '11'}-${String(((day - 1) % 30) + 1).padStart(2, '0')}T10:00:00+07:00`,
  category: 'narcotics' as const,
  location: 'ด่านพรมแดน',
  summary,
  persons: [{ name, nationality: 'LA' }]
})

/** Both stations work while the link is down; what each wrote is queued until it comes back. */
async function workOffline(a: ExchangeSide, b: ExchangeSide, round: number) {
  for (const [side, prefix] of [
    [a, 'กรณี'],
    [b, 'ກໍລະນີ']
  ] as const) {
    const ids: string[] = []
    for (let i = 0; i < 4; i++) {
      const c = side.createCase(caseOn(round * 7 + i * 9 + 1, `${prefix} ${round}-${i}`, `ทดสอบ ${round}${i}`))
      ids.push(c.id)
      await side.call('exchange.share', { caseId: c.id, fields: i % 2 ? ['summary', 'persons.names'] : undefined })
    }
    const fixed = side.cases.update(ids[1], 1, CaseInput.parse(caseOn(round * 7 + 10, `${prefix} แก้ไข ${round}`, 'ชื่อ')), { user: side.user })
    await side.call('exchange.share', { caseId: fixed.id })
    await side.call('exchange.withdraw', { caseId: ids[2], reason: `round ${round}` })
    await side.call('exchange.sendAlert', { subject: 'vehicle', text: `${prefix} alert ${round}`, plate: `${round}กข` })
    await side.call('exchange.sendRequest', { title: `${prefix} request ${round}`, text: '?' })
  }
}

/** Answers whatever the counterpart sent that it has seen so far (its replies go in its own documents). */
async function answerEverything(side: ExchangeSide) {
  for (const box of ['alerts', 'requests'] as const) {
    for (const row of (await side.call('exchange.list', { box, limit: 1000 })).rows) {
      if (!row.fromCounterpart || row.type !== 'message') continue
      const thread = await side.call('exchange.get', { type: 'message', origin: row.origin, id: row.message.id })
      if (thread.type === 'message' && thread.replies.some((r) => !r.fromCounterpart)) continue
      await side.call('exchange.reply', { origin: row.origin, messageId: row.message.id, text: `ตอบ ${row.message.id.slice(0, 4)}` })
    }
  }
  const received = (await side.call('exchange.list', { box: 'received', limit: 1000 })).rows
  if (received.length) {
    await side.call('exchange.markRead', { items: received.map((r) => ({ type: 'record' as const, origin: r.origin, id: r.type === 'record' ? r.recordId : '' })) })
  }
}

describe('convergence of documents and views', () => {
  const tempDir = useTempDirs()
  const open: ExchangeSide[] = []
  afterEach(() => {
    for (const side of open.splice(0)) side.close()
  })

  it('converges to identical documents and identical views after both sides edit offline and updates arrive in any order', async () => {
    const a = new ExchangeSide(tempDir(), A_ID)
    const b = new ExchangeSide(tempDir(), B_ID, 'ຮ້ອຍເອກ ບຸນມີ')
    a.pairWith(b)
    open.push(a, b)

    await workOffline(a, b, 1)
    // The link comes back for a moment and carries every other update of the backlog, in a scrambled order.
    const shuffle = seededShuffle(20261120)
    const backlog = a.outbox.splice(0)
    for (const [name, update] of shuffle(backlog.filter((_, i) => i % 2 === 1))) b.receive(name, update)
    a.outbox.push(...backlog.filter((_, i) => i % 2 === 0))
    // Some updates arrived before those they build on: Yjs holds them back until the gap is filled.
    expect(Object.keys(b.docs()).some((name) => b.store.get(name).store.pendingStructs !== null)).toBe(true)
    deliver(b, a, shuffle)
    await answerEverything(a)
    await answerEverything(b)
    await workOffline(a, b, 2)

    // Everything left, in a scrambled order on both sides.
    const fromA = deliver(a, b, shuffle)
    const fromB = deliver(b, a, shuffle)
    expect(fromA + fromB).toBeGreaterThan(20)
    await answerEverything(a)
    await answerEverything(b)
    deliver(a, b, shuffle)
    deliver(b, a, shuffle)

    const docs = a.docs()
    expect(Object.keys(docs).length).toBeGreaterThanOrEqual(6) // two owners × records and messages × months
    expect(b.docs()).toEqual(docs)
    for (const name of Object.keys(docs)) {
      expect(Y.encodeStateVector(b.store.get(name))).toEqual(Y.encodeStateVector(a.store.get(name)))
    }
    const views = a.views()
    expect(views.records.length).toBe(16)
    expect(views.messages.length).toBeGreaterThan(20)
    expect(b.views()).toEqual(views)
    expect(views.orphanText).toEqual({ n: 0 })

    // The incrementally materialised views are exactly what the documents give when rebuilt from scratch.
    for (const side of [a, b]) {
      side.exchange.rebuildViews()
      expect(side.views()).toEqual(views)
    }
    expect([...a.logs, ...b.logs]).toEqual([])

    // Each side's unread counts reflect what it has not read yet; both see every reply to their own messages.
    const atA = await a.call('exchange.list', { box: 'alerts' })
    expect(atA.rows.filter((r) => !r.fromCounterpart).every((r) => r.type === 'message' && r.replyCount === 1)).toBe(true)
  })

  it('reaches the same views from a cold start: the whole backlog as one diff per document', async () => {
    const a = new ExchangeSide(tempDir(), A_ID)
    const b = new ExchangeSide(tempDir(), B_ID)
    a.pairWith(b)
    open.push(a, b)
    await workOffline(a, b, 3)
    a.outbox.length = 0
    b.outbox.length = 0
    // What the sync engine sends a peer it has never met: one state-as-update per document.
    for (const [from, to] of [
      [a, b],
      [b, a]
    ] as const) {
      for (const { name, owner } of from.store.list()) {
        if (owner === from.id) to.receive(name, from.store.diff(name))
      }
    }
    expect(b.docs()).toEqual(a.docs())
    expect(b.views()).toEqual(a.views())
  })
})
