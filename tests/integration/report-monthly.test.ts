/**
 * The month's figures (reports.monthly) against cases whose numbers are known, and the exchange figures and
 * exports (received records, exchange log) between two stations' real databases.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { receivedTable } from '../../main/core/export/received-table'
import { exchangeLogTable } from '../../main/core/export/exchange-log-table'
import type { ExportTable } from '../../main/core/export/export-table'
import { MonthlyReports } from '../../main/core/reports/monthly-report'
import { DATABASE_FILE } from '../../main/core/station'
import { deliver, ExchangeSide, stationId } from '../helpers/exchange-pair'
import { REPORT_MONTH, SCRIPT_CASES } from '../helpers/export-fixtures'
import { call, openTestStation } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'

const tempDir = useTempDirs()
const META = { name: 'Chiang Khong BLO', country: 'TH', crossing: 'Chiang Khong – Houayxay' }

async function scriptStation() {
  const dir = tempDir()
  const station = openTestStation(dir)
  for (const input of SCRIPT_CASES) await call(station, 'cases.create', input)
  const october = { ...SCRIPT_CASES[0], occurredAt: '2026-10-30T22:00:00+07:00' }
  await call(station, 'cases.create', october)
  await call(station, 'cases.create', { ...october, category: 'weapons', items: [] })
  const voided = await call(station, 'cases.create', { ...SCRIPT_CASES[2], occurredAt: '2026-11-29T09:00:00+07:00' })
  await call(station, 'cases.void', { id: voided.id, expectedVersion: voided.version, reason: 'duplicate' })
  return { dir, station }
}

describe('reports.monthly', () => {
  it('counts the month’s cases, seizures and persons, beside the previous month, without voided cases', async () => {
    const { station } = await scriptStation()
    const report = await call(station, 'reports.monthly', { month: REPORT_MONTH })
    expect(report.month).toBe('2026-11')
    expect(report.cases.total).toBe(5)
    expect(report.cases.previous).toBe(2)
    expect(report.cases.byCategory).toEqual([
      { key: 'narcotics', count: 2, previous: 1 },
      { key: 'counterfeit', count: 1, previous: 0 },
      { key: 'timber', count: 1, previous: 0 },
      { key: 'wildlife', count: 1, previous: 0 },
      { key: 'weapons', count: 0, previous: 1 }
    ])
    expect(report.cases.byAgency[0]).toEqual({ key: 'customs', count: 3, previous: 0 })
    expect(report.seizures).toEqual(
      expect.arrayContaining([
        { commodity: 'ยาบ้า', unit: 'tablets', quantity: 120000, cases: 1 },
        { commodity: 'ຢາບ້າ', unit: 'tablets', quantity: 45000.5, cases: 1 },
        { commodity: 'ឈើប្រណីត', unit: 'm3', quantity: 12.75, cases: 1 },
        { commodity: 'ကျွန်းသစ်', unit: 'pieces', quantity: 3, cases: 1 }
      ])
    )
    expect(report.seizures).toHaveLength(5)
    expect(report.persons.total).toBe(7)
    expect(report.persons.bySex).toEqual([
      { key: 'male', count: 4, previous: 2 },
      { key: 'female', count: 3, previous: 2 }
    ])
    expect(report.persons.byNationality).toEqual([
      { nationality: 'LA', male: 1, female: 1, unknown: 0, total: 2 },
      { nationality: 'MM', male: 1, female: 1, unknown: 0, total: 2 },
      { nationality: 'KH', male: 0, female: 1, unknown: 0, total: 1 },
      { nationality: 'TH', male: 1, female: 0, unknown: 0, total: 1 },
      { nationality: 'VN', male: 1, female: 0, unknown: 0, total: 1 }
    ])
    expect(report.trend.map((p) => p.month)).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'])
    expect(report.trend.slice(-2)).toEqual([
      { month: '2026-10', cases: 2, persons: 4, items: 1, exchangeSent: 0, exchangeReceived: 0 },
      { month: '2026-11', cases: 5, persons: 7, items: 5, exchangeSent: 0, exchangeReceived: 0 }
    ])
    expect(report.operations).toEqual({ available: true, held: [] })
    await station.close()
  })

  it('lists the joint operations that ran in the month, and says when the station keeps no plans', async () => {
    const { dir, station } = await scriptStation()
    const { stationId: self } = await call(station, 'link.station', {})
    await station.close()
    const db = new Database(join(dir, DATABASE_FILE))
    // Plan rows are written by the plans feature from its documents; here one row per case the report must tell apart.
    const columns = db.prepare("SELECT name, type, \"notnull\" AS required FROM pragma_table_info('plans') WHERE name <> 'seq'").all() as {
      name: string
      type: string
      required: number
    }[]
    const insert = (values: Record<string, string>) => {
      const row = Object.fromEntries(columns.map((c) => [c.name, values[c.name] ?? (c.type === 'INTEGER' ? 0 : '')]))
      db.prepare(`INSERT INTO plans (${columns.map((c) => c.name).join(', ')}) VALUES (${columns.map((c) => `@${c.name}`).join(', ')})`).run(row)
    }
    db.prepare("INSERT INTO docs (name, kind, owner, created_at) VALUES ('plan/a', 'plan', NULL, ''), ('plan/b', 'plan', NULL, ''), ('plan/c', 'plan', NULL, '')").run()
    insert({ id: 'p-held', doc: 'plan/a', title: 'ปฏิบัติการร่วมแม่น้ำโขง', code_name: 'MEKONG', phase: 'completed', status: 'completed', period_from: '2026-10-28', period_to: '2026-11-02' })
    insert({ id: 'p-draft', doc: 'plan/b', title: 'Draft', phase: 'draft', status: 'draft', period_from: '2026-11-10', period_to: '2026-11-12' })
    insert({ id: 'p-later', doc: 'plan/c', title: 'Later', phase: 'active', status: 'active', period_from: '2026-12-01', period_to: '' })
    const report = new MonthlyReports(db, META, self).monthly(REPORT_MONTH)
    expect(report.operations).toEqual({
      available: true,
      held: [{ id: 'p-held', title: 'ปฏิบัติการร่วมแม่น้ำโขง', codeName: 'MEKONG', periodFrom: '2026-10-28', periodTo: '2026-11-02', status: 'completed' }]
    })
    db.exec('DROP TABLE plans')
    expect(new MonthlyReports(db, META, self).monthly(REPORT_MONTH).operations).toEqual({ available: false, held: [] })
    db.close()
  })
})

describe('exchange figures and exports between two stations', () => {
  const open: ExchangeSide[] = []
  afterEach(() => {
    for (const side of open.splice(0)) side.close()
  })

  const rows = (table: ExportTable) => {
    const { columns, rows: iterate } = table.sheets[0]
    return [...iterate()].map((r) => Object.fromEntries(columns.map((c, i) => [c.key, r[i]])))
  }

  it('counts what was sent, received and answered, with the response time, and exports both logs', async () => {
    const a = new ExchangeSide(tempDir(), stationId('Chiang Khong BLO'))
    const b = new ExchangeSide(tempDir(), stationId('Houayxay BLO'), 'ຮ້ອຍເອກ ບຸນມີ')
    a.pairWith(b)
    open.push(a, b)
    const shared = a.createCase({ ...SCRIPT_CASES[0], occurredAt: new Date().toISOString() })
    await a.call('exchange.share', { caseId: shared.id })
    const alert = await a.call('exchange.sendAlert', { subject: 'vehicle', text: 'กระบะสีขาว', plate: 'กข 1234' })
    await a.call('exchange.sendRequest', { title: 'ขอข้อมูล', text: 'ผู้ต้องหาเคยถูกจับหรือไม่' })
    deliver(a, b)
    await b.call('exchange.reply', { origin: a.id, messageId: alert.message.id, text: 'ລົດຄັນນີ້ຂ້າມແດນເວລາ 14:20' })
    deliver(b, a)

    const month = new Date().toISOString().slice(0, 7)
    const ours = new MonthlyReports(a.db, META, a.id).monthly(month).exchange
    expect(ours.sent).toEqual({ records: 1, alerts: 1, requests: 1, replies: 0, acknowledgements: 0 })
    expect(ours.received).toEqual({ records: 0, alerts: 0, requests: 0, replies: 1, acknowledgements: 0 })
    expect(ours.oursAnswered).toMatchObject({ asked: 2, answered: 1 })
    expect(ours.oursAnswered.medianMinutes).toBeGreaterThanOrEqual(0)
    expect(ours.theirsAnswered).toEqual({ asked: 0, answered: 0, medianMinutes: null })
    const theirs = new MonthlyReports(b.db, META, b.id).monthly(month).exchange
    expect(theirs.received.records).toBe(1)
    expect(theirs.theirsAnswered).toMatchObject({ asked: 2, answered: 1 })

    const received = rows(receivedTable({ db: b.db, filters: {}, self: b.id }))
    expect(received).toHaveLength(1)
    expect(received[0]).toMatchObject({ origin_station: a.id, case_ref: shared.ref, category: 'narcotics', items: 'ยาบ้า 120000 tablets', person_count: 2 })
    expect(rows(receivedTable({ db: a.db, filters: {}, self: a.id }))).toHaveLength(0)
    expect(() => receivedTable({ db: b.db, filters: { status: 'open' }, self: b.id })).toThrow('status does not apply to received records')

    const log = rows(exchangeLogTable({ db: a.db, filters: {}, self: a.id }))
    expect(log.map((r) => [r.direction, r.kind])).toEqual(
      expect.arrayContaining([
        ['sent', 'alert'],
        ['sent', 'request'],
        ['received', 'reply']
      ])
    )
    const alertRow = log.find((r) => r.kind === 'alert')!
    expect(alertRow).toMatchObject({ subject: 'vehicle', answers: 1, regarding_type: null })
    expect(alertRow.response_minutes).toBeGreaterThanOrEqual(0)
    expect(alertRow.first_answer_at).not.toBeNull()
    expect(log.find((r) => r.kind === 'request')).toMatchObject({ answers: 0, first_answer_at: null, response_minutes: null })
    expect(log.find((r) => r.kind === 'reply')).toMatchObject({ text: 'ລົດຄັນນີ້ຂ້າມແດນເວລາ 14:20', regarding_id: alert.message.id })
  })
})
