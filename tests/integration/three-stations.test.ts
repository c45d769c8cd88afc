/**
 * Three offices as separate processes: Chiang Saen (TH) pairs with Ton Pheung (LA) and with Tachileik (MM),
 * which never pair with each other. What Chiang Saen shares with one counterpart must never reach the other:
 * not the record, not the document, not its name; a plan of all three reaches all three, through Chiang Saen. Checked in the receiving station's views, in its link log
 * and in every byte of its database files.
 */
import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Case, ExchangePage, MessageThread, PlanDetail, PlanPage, RecordDetail } from '../../preload/api'
import { runCli, stopAllHosts } from '../helpers/built-programs'
import { hosts, initOffice, isSynced, startOffice, type Office } from '../helpers/process-office'
import { useTempDirs } from '../helpers/temp-dir'
import { until } from '../helpers/until'

const tempDir = useTempDirs()
afterEach(() => stopAllHosts())

const ONLY_FOR_PHEUNG = 'ยาบ้าในเรือหางยาวที่ท่าเรือเชียงแสน ส่งให้ต้นผึ้งเท่านั้น'
const FOR_BOTH = 'ไม้พะยูงท่อนบนรถบรรทุกข้ามด่านแม่สาย'

const caseInput = (summary: string, category = 'narcotics') => ({
  occurredAt: '2026-12-01T05:30:00+07:00',
  category,
  location: 'ท่าเรือเชียงแสน',
  summary,
  items: [{ commodity: 'methamphetamine tablets', quantity: 40000, unit: 'tablets' }]
})

const received = async (office: Office) => (await office.list('received')).rows.filter((r) => r.type === 'record')
const synced = async (a: Office, b: Office) => isSynced(await a.linkTo(b)) && isSynced(await b.linkTo(a))

/** Every byte Tachileik stored, database and write-ahead log, as text to search. */
function storedBytes(dir: string): string {
  return ['station.db', 'station.db-wal']
    .map((file) => {
      try {
        return readFileSync(join(dir, file)).toString('latin1') + readFileSync(join(dir, file)).toString('utf8')
      } catch {
        return ''
      }
    })
    .join('')
}

describe('three stations, each counterpart with its own scope', () => {
  it('share with one, alert both, reply to the asker, plan with one and with all three, and withdraw from one without touching the other', async () => {
    const [dirS, dirP, dirT] = await Promise.all([
      initOffice(tempDir(), 'BLO Chiang Saen', 'TH'),
      initOffice(tempDir(), 'BLO Ton Pheung', 'LA'),
      initOffice(tempDir(), 'BLO Tachileik', 'MM')
    ])
    const saen = await startOffice(dirS)
    const pheung = await startOffice(dirP)
    const tachileik = await startOffice(dirT)
    await saen.blo(['pair', 'add', '--id', pheung.id, '--address', pheung.sync, '--name', 'BLO Ton Pheung'])
    await saen.blo(['pair', 'add', '--id', tachileik.id, '--address', tachileik.sync, '--name', 'BLO Tachileik'])
    await pheung.blo(['pair', 'add', '--id', saen.id, '--address', saen.sync, '--name', 'BLO Chiang Saen'])
    await tachileik.blo(['pair', 'add', '--id', saen.id, '--address', saen.sync, '--name', 'BLO Chiang Saen'])
    await until(async () => (await synced(saen, pheung)) && (await synced(saen, tachileik)), 'both links to sync', hosts)

    const onlyPheung = await saen.blo<Case>(['case', 'add', '--json', '-'], JSON.stringify(caseInput(ONLY_FOR_PHEUNG)))
    const forBoth = await saen.blo<Case>(['case', 'add', '--json', '-'], JSON.stringify(caseInput(FOR_BOTH, 'timber')))

    // With two counterparts the station refuses to guess, in one line; "all" only when typed.
    const unaddressed = await runCli(['share', onlyPheung.id, '--data', dirS])
    expect(unaddressed.code).toBe(1)
    expect(unaddressed.stderr).toMatch(/^blo: .*2 counterparts \(BLO Ton Pheung, BLO Tachileik\): choose who receives it/)
    const stranger = await runCli(['share', onlyPheung.id, '--to', 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG', '--data', dirS])
    expect(stranger.stderr).toMatch(/not a paired station/)

    const shared = await saen.blo<RecordDetail>(['share', onlyPheung.id, '--to', pheung.id])
    expect(shared).toMatchObject({ audience: [pheung.id], doc: expect.stringContaining(`records/${saen.id}/${pheung.id}/`) })
    const both = await saen.blo<RecordDetail>(['share', forBoth.id, '--to', 'all'])
    expect(both.audience).toEqual([pheung.id, tachileik.id].sort())
    const alert = await saen.blo<MessageThread>(['alert', 'send', '--to', 'all', '--subject', 'route', '--text', 'เรือข้ามฟากกลางคืนใกล้สบรวก'])
    const request = await saen.blo<MessageThread>(['request', 'send', '--to', tachileik.id, '--title', 'เจ้าของเรือ?', '--text', 'ขอชื่อเจ้าของเรือ'])

    await until(async () => (await received(pheung)).length === 2 && (await pheung.list('alerts')).total === 1, 'Ton Pheung to receive', hosts)
    await until(async () => (await received(tachileik)).length === 1 && (await tachileik.list('requests')).total === 1, 'Tachileik to receive', hosts)
    await until(async () => synced(saen, tachileik), 'the Tachileik link to settle', hosts)
    expect((await received(tachileik)).map((r) => r.type === 'record' && r.recordId)).toEqual([forBoth.id])
    expect((await pheung.list('requests')).total).toBe(0)
    // The sent box shows each record once, with who it went to.
    const sent = await saen.blo<ExchangePage>(['exchange', 'list', '--json', '--box', 'sent'])
    expect(sent.rows.map((r) => [r.type === 'record' && r.recordId, r.audience])).toEqual(
      expect.arrayContaining([
        [onlyPheung.id, [pheung.id]],
        [forBoth.id, [pheung.id, tachileik.id].sort()]
      ])
    )
    expect(sent.total).toBe(2)
    const toTachileik = await saen.blo<ExchangePage>(['exchange', 'list', '--json', '--box', 'sent', '--counterpart', tachileik.id])
    expect(toTachileik.rows.map((r) => r.type === 'record' && r.recordId)).toEqual([forBoth.id])

    // A reply goes to the station that asked, and to no other.
    await tachileik.blo(['reply', '--origin', saen.id, '--message', alert.message.id, '--text', 'ກຳລັງເຝົ້າລະວັງ'])
    await tachileik.blo(['reply', '--origin', saen.id, '--message', request.message.id, '--text', 'เจ้าของคือบริษัทขนส่ง'])
    await until(async () => {
      const thread = await saen.call<MessageThread>('exchange.get', { type: 'message', origin: saen.id, id: alert.message.id })
      return thread.replies.length === 1
    }, 'the reply on Chiang Saen', hosts)
    await until(async () => synced(saen, pheung), 'the Ton Pheung link to settle', hosts)
    const onPheung = await pheung.call<MessageThread>('exchange.get', { type: 'message', origin: saen.id, id: alert.message.id })
    expect(onPheung.replies).toEqual([])

    // A plan with Ton Pheung is never offered to Tachileik; one with nobody chosen is refused.
    await expect(saen.call('plans.create', { title: 'ลาดตระเวน' })).rejects.toThrow(/2 counterparts; choose the one this plan is with/)
    const plan = await saen.call<PlanDetail>('plans.create', { title: 'ลาดตระเวนร่วมแม่น้ำโขง', counterpart: pheung.id })
    await until(async () => (await pheung.call<PlanPage>('plans.list', {})).total === 1, 'the plan on Ton Pheung', hosts)
    await until(async () => synced(saen, tachileik), 'the Tachileik link to settle', hosts)
    expect((await tachileik.call<PlanPage>('plans.list', {})).total).toBe(0)

    // A plan among all three: Ton Pheung and Tachileik never pair, Chiang Saen carries each one's edits to the
    // other, and it is agreed only once every station approved the same content.
    const joint = await saen.call<PlanDetail>('plans.create', { title: 'ปฏิบัติการสามฝ่าย สามเหลี่ยมทองคำ', counterparts: [pheung.id, tachileik.id] })
    expect(joint.stations).toEqual([saen.id, pheung.id, tachileik.id])
    const detailOn = (office: Office) => office.call<PlanDetail>('plans.get', { id: joint.id })
    await until(async () => (await tachileik.call<PlanPage>('plans.list', {})).total === 1, 'the joint plan on Tachileik', hosts)
    await until(async () => (await pheung.call<PlanPage>('plans.list', {})).total === 2, 'the joint plan on Ton Pheung', hosts)
    await pheung.call('plans.edit', { id: joint.id, edits: [{ op: 'add', list: 'tasks', item: { id: 'boats', title: 'ตรวจเรือที่ท่าต้นผึ้ง', side: pheung.id } }] })
    await until(async () => (await detailOn(tachileik)).tasks.some((task) => task.id === 'boats'), "Ton Pheung's task on Tachileik", hosts)
    // Presence too: Ton Pheung's officer in the plan shows on Tachileik's screens, passed on by Chiang Saen.
    const state = new TextEncoder().encode(JSON.stringify({ user: { name: 'ຮ້ອຍເອກ ບຸນມີ', color: '#0f766e' }, cursor: null }))
    const presence = Buffer.from(new Uint8Array([1, 9, 3, state.length, ...state])).toString('base64')
    await until(
      async () => {
        await pheung.call('plans.awareness', { id: joint.id, update: presence, origin: 'screen:pheung-1' })
        return tachileik.hasEvent('plans:awareness', (p) => (p as { update: string }).update === presence)
      },
      "Ton Pheung's presence on Tachileik",
      hosts
    )
    const agreedEverywhere = async () => (await Promise.all([saen, pheung, tachileik].map(detailOn))).map((d) => d.signoff.state)
    const sameContent = async () => {
      const details = await Promise.all([saen, pheung, tachileik].map(detailOn))
      return new Set(details.map((d) => d.signoff.contentHash)).size === 1 ? details[0].signoff.contentHash : null
    }
    const hash = await until(sameContent, 'the same plan on all three', hosts)
    await saen.call('plans.approve', { id: joint.id, stateHash: hash })
    await pheung.call('plans.approve', { id: joint.id, stateHash: hash })
    await until(async () => (await detailOn(tachileik)).signoff.approvals.filter((a) => a.current).length === 2, 'two approvals on Tachileik', hosts)
    expect(await agreedEverywhere()).toEqual(['partial', 'partial', 'partial'])
    expect((await detailOn(tachileik)).signoff.waitingFor).toEqual([tachileik.id])
    await tachileik.call('plans.approve', { id: joint.id, stateHash: hash })
    await until(async () => (await agreedEverywhere()).every((state) => state === 'agreed'), 'the plan agreed on all three', hosts)

    // Withdrawing the shared-with-both record from Ton Pheung only: Ton Pheung keeps the fact, Tachileik the case.
    const withdrawn = await saen.blo<RecordDetail>(['withdraw', forBoth.id, '--reason', 'ส่งผิดหน่วย', '--from', pheung.id])
    expect(withdrawn).toMatchObject({ audience: [tachileik.id], withdrawnFrom: [pheung.id] })
    await until(async () => {
      const r = await pheung.call<RecordDetail>('exchange.get', { type: 'record', origin: saen.id, id: forBoth.id })
      return r.record.withdrawn !== null
    }, 'the withdrawal on Ton Pheung', hosts)
    await until(async () => synced(saen, tachileik), 'the Tachileik link to settle', hosts)
    const onTachileik = await tachileik.call<RecordDetail>('exchange.get', { type: 'record', origin: saen.id, id: forBoth.id })
    expect(onTachileik.record).toMatchObject({ revision: 1, withdrawn: null, case: expect.objectContaining({ summary: FOR_BOTH }) })

    // The monthly report counts an alert sent to both counterparts once.
    const now = new Date() // the station's month is in local time, as this process's is
    const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`
    const report = await saen.call<{ exchange: { sent: { alerts: number } } }>('reports.monthly', { month })
    expect(report.exchange.sent).toMatchObject({ alerts: 1 })
    // And, for one counterpart, only what went to it or came from it.
    type Figures = { exchange: { sent: { alerts: number; requests: number; records: number }; received: { replies: number } } }
    const withPheung = await saen.call<Figures>('reports.monthly', { month, counterpart: pheung.id })
    expect(withPheung.exchange).toMatchObject({ sent: { alerts: 1, requests: 0, records: 2 }, received: { replies: 0 } })
    const withTachileikFigures = await saen.call<Figures>('reports.monthly', { month, counterpart: tachileik.id })
    expect(withTachileikFigures.exchange).toMatchObject({ sent: { alerts: 1, requests: 1, records: 1 }, received: { replies: 2 } })

    // The exchange log keeps one row per counterpart a message went to, and filters by counterpart.
    const log = async (...extra: string[]) => {
      const out = join(tempDir(), 'exchange.json')
      await saen.blo(['export', '--what', 'exchange', '--format', 'json', '--out', out, ...extra])
      return (JSON.parse(readFileSync(out, 'utf8')) as { recipient: string | null; origin: string; message: { kind: string } }[]).filter((m) => m.message.kind !== 'read')
    }
    const withTachileik = await log('--counterpart', tachileik.id)
    expect(withTachileik.map((m) => [m.message.kind, m.origin === saen.id ? m.recipient : m.origin])).toEqual(
      expect.arrayContaining([
        ['alert', tachileik.id],
        ['request', tachileik.id],
        ['reply', tachileik.id],
        ['reply', tachileik.id]
      ])
    )
    expect(withTachileik).toHaveLength(4)
    expect((await log()).filter((m) => m.message.kind === 'alert').map((m) => m.recipient).sort()).toEqual([pheung.id, tachileik.id].sort())

    // Nothing addressed to Ton Pheung ever reached Tachileik: not a byte of the record, not a document's name.
    await tachileik.stop()
    const bytes = storedBytes(dirT)
    expect(bytes).not.toContain(ONLY_FOR_PHEUNG)
    expect(bytes).not.toContain(plan.id) // the plan with Ton Pheung alone
    const db = new Database(join(dirT, 'station.db'), { readonly: true })
    try {
      // Refused writes would name what was offered; a dial before both sides paired is only that.
      expect(db.prepare("SELECT kind, detail FROM link_log WHERE kind LIKE 'refused%' AND kind <> 'refused-unpaired'").all()).toEqual([])
      expect(db.prepare('SELECT name FROM docs ORDER BY name').pluck().all()).toEqual(
        expect.arrayContaining([expect.stringMatching(new RegExp(`^(records|messages)/(${saen.id}/${tachileik.id}|${tachileik.id}/${saen.id})/`))])
      )
      // Its documents: what Chiang Saen addressed to it, what it sent Chiang Saen, and the plan of all three.
      for (const name of db.prepare('SELECT name FROM docs').pluck().all() as string[]) {
        expect(name).toMatch(new RegExp(`^((records|messages)/(${saen.id}/${tachileik.id}|${tachileik.id}/${saen.id})/\\d{4}-\\d{2}|plan/${joint.id})$`))
      }
    } finally {
      db.close()
    }
  })
})
