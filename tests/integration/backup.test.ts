/**
 * Backup and restore: a station with cases, shared records, an alert and a plan is backed up while it runs,
 * changed, and restored; every check a restore makes is exercised on a damaged, foreign, newer or unpaired backup.
 */
import Database from 'better-sqlite3'
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { backupStation } from '../../main/core/backup/station-backup'
import { checkBackup, restoreStation } from '../../main/core/backup/station-restore'
import { sha256FileSync, sidecarPathFor, type BackupSidecar } from '../../main/core/backup/backup-file'
import { LATEST_SCHEMA_VERSION } from '../../main/core/db/migrations'
import { DATABASE_FILE, type Station } from '../../main/core/station'
import { runCli, startHost, stopAllHosts } from '../helpers/built-programs'
import { stationId } from '../helpers/exchange-pair'
import { call, methCase, officer, openTestStation, pairSilentCounterpart } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'

const tempDir = useTempDirs()
afterEach(stopAllHosts)

/** Everything an officer sees of a station, through the API. */
async function stationView(station: Station) {
  return {
    cases: await call(station, 'cases.search', { includeVoided: true, limit: 500 }),
    sent: await call(station, 'exchange.list', { box: 'sent' }),
    alerts: await call(station, 'exchange.list', { box: 'alerts' }),
    plans: await call(station, 'plans.list', {}),
    card: await call(station, 'link.station', {}),
    audit: await call(station, 'audit.verify', {})
  }
}

async function seedStation(station: Station): Promise<void> {
  await pairSilentCounterpart(station, stationId('Houayxay BLO'))
  const first = await call(station, 'cases.create', methCase)
  await call(station, 'cases.create', { ...methCase, category: 'wildlife', summary: 'Pangolin scales in a long-tail boat', items: [{ commodity: 'pangolin scales', quantity: 42, unit: 'kg' }] })
  await call(station, 'cases.setStatus', { id: first.id, expectedVersion: first.version, status: 'investigating' })
  await call(station, 'exchange.share', { caseId: first.id })
  await call(station, 'exchange.sendAlert', { subject: 'vehicle', text: 'Grey pickup heading to the pier', plate: 'กข 1234' })
  await call(station, 'plans.create', { title: 'ปฏิบัติการร่วม แม่น้ำโขง', codeName: 'MEKONG DAWN', periodFrom: '2026-12-01', periodTo: '2026-12-07' })
}

async function changeStation(station: Station): Promise<void> {
  const page = await call(station, 'cases.search', { limit: 10 })
  await call(station, 'cases.void', { id: page.rows[0].id, expectedVersion: page.rows[0].version, reason: 'entered twice' })
  await call(station, 'cases.create', { ...methCase, summary: 'A case logged after the backup' })
  await call(station, 'exchange.sendAlert', { subject: 'person', text: 'A second alert after the backup' })
  await call(station, 'plans.create', { title: 'A plan made after the backup', periodFrom: '2026-12-10', periodTo: '2026-12-11' })
}

function editSidecar(file: string, change: (sidecar: BackupSidecar) => BackupSidecar): void {
  const path = sidecarPathFor(file)
  writeFileSync(path, JSON.stringify(change(JSON.parse(readFileSync(path, 'utf8')) as BackupSidecar)))
}

describe('backup and restore', () => {
  it('takes a backup while the station runs and restores it exactly, keeping the replaced database', async () => {
    const dir = tempDir()
    const out = join(tempDir(), 'chiang-khong.db')
    const station = openTestStation(dir)
    await seedStation(station)
    const before = await stationView(station)
    expect(before.cases.total).toBe(2)
    expect(before.audit.intact).toBe(true)

    const made = await backupStation(join(dir, DATABASE_FILE), out)
    expect(made.backup).toMatchObject({
      format: 'blo-station-backup',
      schemaVersion: LATEST_SCHEMA_VERSION,
      reason: 'manual',
      sha256: sha256FileSync(out),
      station: { name: 'Chiang Khong BLO', country: 'TH', stationId: before.card.stationId }
    })
    // One self-contained file: readable from a read-only stick, nothing to forget beside it.
    expect(existsSync(`${out}-wal`)).toBe(false)

    await changeStation(station)
    const changed = await stationView(station)
    expect(changed).not.toEqual(before)
    await station.close()

    const restored = restoreStation(dir, out)
    expect(restored.replaced).toMatch(/backups[/\\]station-replaced-.*\.db$/)
    const reopened = openTestStation(dir)
    try {
      expect(await stationView(reopened)).toEqual(before)
    } finally {
      await reopened.close()
    }
    // The replaced database is whole, with everything done after the backup.
    const kept = new Database(restored.replaced!, { readonly: true })
    expect(kept.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 3 })
    kept.close()
  })

  it('refuses a damaged, incomplete, foreign or newer backup, or one without its sidecar, and changes nothing', async () => {
    const dir = tempDir()
    const spare = tempDir()
    const station = openTestStation(dir)
    await seedStation(station)
    const good = join(spare, 'good.db')
    await backupStation(join(dir, DATABASE_FILE), good)
    await station.close()
    const original = sha256FileSync(join(dir, DATABASE_FILE))

    const variant = (name: string): string => {
      const file = join(spare, name)
      copyFileSync(good, file)
      copyFileSync(sidecarPathFor(good), sidecarPathFor(file))
      return file
    }
    const damaged = variant('damaged.db')
    const bytes = readFileSync(damaged)
    bytes[bytes.length - 100] ^= 0xff
    writeFileSync(damaged, bytes)

    const truncated = variant('truncated.db')
    writeFileSync(truncated, readFileSync(good).subarray(0, 8192))

    const lonely = join(spare, 'lonely.db')
    copyFileSync(good, lonely)

    // A SQLite file that passes its own hash check but is not ours / is from a newer BLO Station.
    const sealed = (name: string, change: (db: Database.Database) => void): string => {
      const file = variant(name)
      const db = new Database(file)
      change(db)
      db.close()
      editSidecar(file, (s) => ({ ...s, bytes: readFileSync(file).length, sha256: sha256FileSync(file) }))
      return file
    }
    const foreign = sealed('foreign.db', (db) => db.pragma('application_id = 1'))
    const newer = sealed('newer.db', (db) => db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`))

    const cases: [string, RegExp][] = [
      [damaged, /does not match the SHA-256 in its sidecar/],
      [truncated, /is 8192 bytes but its sidecar says/],
      [lonely, /has no lonely\.db\.backup\.json beside it/],
      [foreign, /is not a BLO Station database/],
      [newer, new RegExp(`newer BLO Station \\(schema ${LATEST_SCHEMA_VERSION + 1}`)]
    ]
    for (const [file, why] of cases) {
      expect(() => checkBackup(file), file).toThrow(why)
      expect(() => restoreStation(dir, file), file).toThrow(why)
    }
    expect(sha256FileSync(join(dir, DATABASE_FILE))).toBe(original)
    expect(existsSync(join(dir, 'backups'))).toBe(false)
    expect(existsSync(join(dir, 'station.lock'))).toBe(false)
  })

  it('catches a page damaged inside a backup whose sidecar was made to match, by SQLite\'s integrity check', async () => {
    const dir = tempDir()
    const station = openTestStation(dir)
    await seedStation(station)
    await station.dispatch('cases.create', methCase, officer)
    const out = join(tempDir(), 'b.db')
    await backupStation(join(dir, DATABASE_FILE), out)
    await station.close()
    // Scribble over the middle of an index page (not the header), then re-seal the sidecar.
    const db = new Database(out, { readonly: true })
    const page = db.pragma('page_size', { simple: true }) as number
    const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'cases_by_occurred'").get() as { rootpage: number }
    db.close()
    const bytes = readFileSync(out)
    bytes.fill(0x41, (rootpage - 1) * page + 16, rootpage * page - 16)
    writeFileSync(out, bytes)
    editSidecar(out, (s) => ({ ...s, sha256: sha256FileSync(out) }))
    expect(() => checkBackup(out)).toThrow(/fails SQLite's integrity check|damaged/)
  })
})

describe('blo backup / blo restore', () => {
  it('backs up through a running station host, refuses to restore under it, and restores once it is stopped', async () => {
    const dir = tempDir()
    const spare = tempDir()
    const init = await runCli(['init', '--data', dir, '--name', 'BLO Chiang Khong', '--country', 'TH'])
    expect(init.code, init.stderr).toBe(0)
    const caseFile = join(spare, 'case.json')
    writeFileSync(caseFile, JSON.stringify(methCase))
    expect((await runCli(['case', 'add', '--data', dir, '--json', caseFile])).code).toBe(0)

    const host = await startHost(['--data', dir])
    const out = join(spare, 'backup.db')
    const backup = await runCli(['backup', '--data', dir, '--out', out])
    expect(backup.code, backup.stderr).toBe(0)
    expect(backup.json<{ file: string; backup: BackupSidecar }>()).toMatchObject({ file: out, backup: { schemaVersion: LATEST_SCHEMA_VERSION } })

    const again = await runCli(['backup', '--data', dir, '--out', out])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/^blo: .*already exists; choose a new file name/)

    // A case added through the host after the backup…
    expect((await runCli(['case', 'add', '--data', dir, '--json', caseFile])).code).toBe(0)
    const refused = await runCli(['restore', '--data', dir, '--from', out])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(new RegExp(`^blo: a BLO Station is running on .* \\(pid ${host.child.pid} at http://127\\.0\\.0\\.1:\\d+\\); stop it before "blo restore"\\n$`))
    expect(await host.stop()).toBe(0)

    const checked = await runCli(['restore', '--from', out, '--check'])
    expect(checked.code, checked.stderr).toBe(0)
    expect(checked.json<{ station: { name: string } }>().station.name).toBe('BLO Chiang Khong')

    const restored = await runCli(['restore', '--data', dir, '--from', out])
    expect(restored.code, restored.stderr).toBe(0)
    expect(restored.json<{ replaced: string }>().replaced).toContain('station-replaced-')
    // …is gone: the folder is as it was at backup time.
    const list = await runCli(['case', 'list', '--data', dir, '--json'])
    expect(list.json<{ total: number }>().total).toBe(1)
  })

  it('names the missing or wrong flag', async () => {
    const noOut = await runCli(['backup', '--data', tempDir()])
    expect(noOut.code).toBe(2)
    expect(noOut.stderr).toBe('blo: backup needs --out\n')
    const noFrom = await runCli(['restore', '--data', tempDir()])
    expect(noFrom.code).toBe(2)
    expect(noFrom.stderr).toBe('blo: restore needs --from\n')
    const nothing = await runCli(['backup', '--data', tempDir(), '--out', join(tempDir(), 'x.db')])
    expect(nothing.code).toBe(1)
    expect(nothing.stderr).toMatch(/station\.db: does not exist: no station in that folder/)
  })
})
