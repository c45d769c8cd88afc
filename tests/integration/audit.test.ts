/** The hash-chained audit trail on real SQLite files: what is recorded, that it verifies, and that tampering is named. */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { entryHash } from '../../main/core/audit/audit-hash'
import { verifyAuditFile } from '../../main/core/audit/audit-file'
import { canonicalJson } from '../../main/core/canonical-json'
import { DATABASE_FILE, type Station } from '../../main/core/station'
import { methodNames, type AuditEntry } from '../../preload/api'
import { callOn, OFFICER_A, setUpAccounts, signIn, tryOn } from '../helpers/accounts'
import { deliver, ExchangeSide, stationId } from '../helpers/exchange-pair'
import { call, methCase, officer, openTestStation } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'

const tempDir = useTempDirs()
const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

function openOn(dir: string): Station {
  const station = openTestStation(dir)
  cleanup.push(() => station.close())
  return station
}

async function allEntries(station: Station): Promise<AuditEntry[]> {
  const rows: AuditEntry[] = []
  let before: number | undefined
  do {
    const page = await call(station, 'audit.list', { limit: 7, ...(before && { before }) })
    rows.push(...page.rows)
    before = page.nextBefore ?? undefined
  } while (before)
  return rows.reverse()
}

/** A station with a little of everything in its trail; closed, so the file can be opened by hand. */
async function busyStation(dir: string): Promise<number> {
  const station = openOn(dir)
  await setUpAccounts(station, [OFFICER_A])
  const somchai = await signIn(station, OFFICER_A)
  const c = await callOn(station, somchai, 'cases.create', methCase)
  const edited = await callOn(station, somchai, 'cases.update', { id: c.id, expectedVersion: 1, input: { ...methCase, summary: 'ยาบ้า 120,000 เม็ด ในรถกระบะ' } })
  await callOn(station, somchai, 'cases.setStatus', { id: c.id, expectedVersion: edited.version, status: 'investigating', note: 'ส่งต่อ ป.ป.ส.' })
  await tryOn(station, somchai, 'users.list', {})
  await call(station, 'cases.void', { id: c.id, expectedVersion: 3, reason: 'duplicate' })
  const entries = await allEntries(station)
  await station.close()
  return entries.length
}

function tamper(dir: string, sql: string, ...params: unknown[]): void {
  const db = new Database(join(dir, DATABASE_FILE))
  // What someone editing the file by hand does first: the triggers only stop the station's own code.
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;')
  db.prepare(sql).run(...params)
  db.close()
}

describe('the audit trail', () => {
  it('records who did what, with before and after, in an unbroken chain', async () => {
    const station = openOn(tempDir())
    await setUpAccounts(station, [OFFICER_A])
    const somchai = await signIn(station, OFFICER_A)
    const c = await callOn(station, somchai, 'cases.create', methCase)
    await callOn(station, somchai, 'cases.update', { id: c.id, expectedVersion: 1, input: { ...methCase, summary: 'ยาบ้า 120,000 เม็ด', lat: 20.27, lon: 100.4 } })
    await callOn(station, somchai, 'cases.setStatus', { id: c.id, expectedVersion: 2, status: 'investigating' })
    await callOn(station, somchai, 'cases.void', { id: c.id, expectedVersion: 3, reason: 'logged twice' })

    const trail = await allEntries(station)
    expect(trail.map((e) => e.id)).toEqual(trail.map((_, i) => i + 1))
    expect(trail.map((e) => e.action)).toEqual([
      'auth.setup', 'auth.login', 'user.create', 'auth.login', 'case.create', 'case.edit', 'case.status', 'case.void'
    ])
    const byAction = (action: string) => trail.find((e) => e.action === action)!
    expect(byAction('case.edit')).toMatchObject({
      actor: 'somchai',
      target: { type: 'case', id: c.id, label: c.ref },
      detail: {
        version: { before: 1, after: 2 },
        changes: { summary: { before: methCase.summary, after: 'ยาบ้า 120,000 เม็ด' }, lat: { before: null, after: 20.27 }, lon: { before: null, after: 100.4 } }
      }
    })
    expect(Object.keys(byAction('case.edit').detail.changes as object).sort()).toEqual(['lat', 'lon', 'summary'])
    expect(byAction('case.status').detail).toMatchObject({ status: { before: 'open', after: 'investigating' } })
    expect(byAction('case.void').detail).toMatchObject({ reason: 'logged twice' })
    expect(byAction('user.create')).toMatchObject({ actor: 'admin.noi', target: { id: 'somchai' }, detail: { after: { role: 'officer' } } })

    // Each hash is SHA-256(previous hash || canonical JSON of the entry): recomputable from what the API shows.
    trail.forEach((e, i) => {
      expect(e.prevHash).toBe(i === 0 ? '0'.repeat(64) : trail[i - 1].hash)
      expect(entryHash(e.prevHash, { id: e.id, at: e.at, actor: e.actor, action: e.action, target: e.target, detail: e.detail })).toBe(e.hash)
    })
    expect(await call(station, 'audit.verify', {})).toEqual({ intact: true, verified: trail.length, head: { id: trail.length, hash: trail[trail.length - 1].hash }, failure: null })
  })

  it('writes an entry only with the change it records: a refused change leaves none', async () => {
    const station = openOn(tempDir())
    const c = await call(station, 'cases.create', methCase)
    const before = (await allEntries(station)).length
    expect((await station.dispatch('cases.update', { id: c.id, expectedVersion: 7, input: methCase }, officer)).ok).toBe(false)
    expect((await station.dispatch('cases.void', { id: c.id, expectedVersion: 2, reason: 'stale' }, officer)).ok).toBe(false)
    expect(await allEntries(station)).toHaveLength(before)
  })

  it('is append-only: the contract has no way to change an entry, and the table refuses the station code', async () => {
    expect(methodNames.filter((m) => m.startsWith('audit.'))).toEqual(['audit.list', 'audit.verify'])
    const dir = tempDir()
    const station = openOn(dir)
    await call(station, 'cases.create', methCase)
    await station.close()
    const db = new Database(join(dir, DATABASE_FILE))
    expect(() => db.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
    db.close()
  })

  it('filters by actor, action family, target and time, newest first, in pages', async () => {
    const station = openOn(tempDir())
    await setUpAccounts(station, [OFFICER_A])
    const somchai = await signIn(station, OFFICER_A)
    const a = await callOn(station, somchai, 'cases.create', methCase)
    const b = await call(station, 'cases.create', methCase)
    await call(station, 'cases.setStatus', { id: a.id, expectedVersion: 1, status: 'investigating' })

    const list = (query: object) => call(station, 'audit.list', query)
    expect((await list({ actor: 'somchai' })).rows.map((e) => e.action)).toEqual(['case.create', 'auth.login'])
    expect((await list({ action: 'case' })).rows.map((e) => [e.action, e.target?.label])).toEqual([
      ['case.status', a.ref], ['case.create', b.ref], ['case.create', a.ref]
    ])
    expect((await list({ action: 'case.create' })).rows).toHaveLength(2)
    expect((await list({ action: 'cas' })).rows).toHaveLength(0)
    expect((await list({ targetType: 'case', targetId: a.id })).rows.map((e) => e.action)).toEqual(['case.status', 'case.create'])
    expect((await list({ from: '2000-01-01', to: '2000-12-31' })).rows).toHaveLength(0)
    const first = await list({ limit: 2 })
    const second = await list({ limit: 2, before: first.nextBefore! })
    expect([...first.rows, ...second.rows].map((e) => e.id)).toEqual([7, 6, 5, 4])
  })

  it('records what arrives from the counterpart, once, and not again when the views are rebuilt', async () => {
    const a = new ExchangeSide(tempDir(), stationId('Chiang Khong BLO'))
    const b = new ExchangeSide(tempDir(), stationId('Houayxay BLO'), 'ຮ້ອຍເອກ ບຸນມີ')
    a.pairWith(b)
    cleanup.push(() => a.close(), () => b.close())
    const c = a.createCase({ ...methCase })
    await a.call('exchange.share', { caseId: c.id })
    await a.call('exchange.sendAlert', { subject: 'vehicle', text: 'Grey pickup heading to the pier', plate: 'กข 1234' })
    deliver(a, b)
    await a.call('exchange.withdraw', { caseId: c.id, reason: 'shared by mistake' })
    deliver(a, b)
    b.exchange.rebuildViews()

    const received = b.audit.list({ limit: 100, action: 'exchange' }).rows.reverse()
    expect(received.map((e) => [e.actor, e.action, e.target?.label])).toEqual([
      [`peer:${a.id}`, 'exchange.received_record', c.ref],
      [`peer:${a.id}`, 'exchange.received_message', 'vehicle alert'],
      [`peer:${a.id}`, 'exchange.received_record', c.ref]
    ])
    expect(received[2].detail).toMatchObject({ revision: 2, withdrawn: { reason: 'shared by mistake' } })
    expect(a.audit.list({ limit: 100, action: 'exchange' }).rows.map((e) => [e.actor, e.action])).toEqual([
      ['Sgt. Somchai', 'exchange.withdraw'], ['Sgt. Somchai', 'exchange.alert'], ['Sgt. Somchai', 'exchange.share']
    ])
  })
})

describe('tampering', () => {
  it('names the row edited by hand in the SQLite file', async () => {
    const dir = tempDir()
    const count = await busyStation(dir)
    expect(verifyAuditFile(join(dir, DATABASE_FILE))).toMatchObject({ intact: true, verified: count })

    tamper(dir, "UPDATE audit_log SET actor = 'someone else' WHERE id = 5")
    const result = verifyAuditFile(join(dir, DATABASE_FILE))
    expect(result).toMatchObject({ intact: false, verified: 4, failure: { entryId: 5, reason: 'content_changed' } })
    expect(result.failure!.message).toMatch(/^Audit entry 5 \(case\.create by someone else\) was changed after it was written/)

    // The station says the same, through the API.
    const station = openOn(dir)
    expect(await call(station, 'audit.verify', {})).toMatchObject({ intact: false, failure: { entryId: 5, reason: 'content_changed' } })
  })

  it('names a changed detail, even one that is no longer JSON', async () => {
    const dir = tempDir()
    await busyStation(dir)
    tamper(dir, `UPDATE audit_log SET detail = replace(detail, 'investigating', 'closed') WHERE action = 'case.status'`)
    expect(verifyAuditFile(join(dir, DATABASE_FILE)).failure).toMatchObject({ entryId: 7, reason: 'content_changed' })
    tamper(dir, "UPDATE audit_log SET detail = 'not json' WHERE id = 3")
    expect(verifyAuditFile(join(dir, DATABASE_FILE)).failure).toMatchObject({ entryId: 3, reason: 'content_changed' })
  })

  it('names a removed row, a cut-off end, and an entry added by hand', async () => {
    const dir = tempDir()
    const count = await busyStation(dir)
    tamper(dir, 'DELETE FROM audit_log WHERE id = 4')
    expect(verifyAuditFile(join(dir, DATABASE_FILE)).failure).toMatchObject({ entryId: 4, reason: 'entry_missing', message: expect.stringMatching(/^Audit entry 4 is missing/) })

    const tail = tempDir()
    await busyStation(tail)
    tamper(tail, 'DELETE FROM audit_log WHERE id >= ?', count - 1)
    expect(verifyAuditFile(join(tail, DATABASE_FILE))).toMatchObject({ intact: false, verified: count - 2, failure: { entryId: count - 1, reason: 'entry_missing' } })

    const added = tempDir()
    await busyStation(added)
    const db = new Database(join(added, DATABASE_FILE))
    const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string }
    const forged = { id: last.id + 1, at: new Date().toISOString(), actor: 'admin.noi', action: 'case.void', target: null, detail: {} }
    db.prepare("INSERT INTO audit_log (id, at, actor, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, '{}', ?, ?)").run(
      forged.id, forged.at, forged.actor, forged.action, last.hash, entryHash(last.hash, forged)
    )
    db.close()
    expect(verifyAuditFile(join(added, DATABASE_FILE)).failure).toMatchObject({ entryId: count + 1, reason: 'entry_added' })
  })

  it('names the entry after one rewritten with a recomputed hash: the chain no longer links', async () => {
    const dir = tempDir()
    await busyStation(dir)
    const db = new Database(join(dir, DATABASE_FILE))
    db.exec('DROP TRIGGER audit_log_no_update')
    const row = db.prepare('SELECT * FROM audit_log WHERE id = 5').get() as { id: number; at: string; action: string; target_type: string | null; target_id: string; target_label: string; detail: string; prev_hash: string }
    const rewritten = { id: 5, at: row.at, actor: 'admin.noi', action: row.action, target: row.target_type ? { type: row.target_type, id: row.target_id, label: row.target_label } : null, detail: JSON.parse(row.detail) as Record<string, unknown> }
    db.prepare('UPDATE audit_log SET actor = ?, detail = ?, hash = ? WHERE id = 5').run('admin.noi', canonicalJson(rewritten.detail), entryHash(row.prev_hash, rewritten))
    db.close()
    expect(verifyAuditFile(join(dir, DATABASE_FILE)).failure).toMatchObject({ entryId: 6, reason: 'chain_broken' })
  })
})
