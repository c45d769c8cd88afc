/**
 * Upgrading an existing database: a verified copy of it as it was is kept in backups/ before any migration runs,
 * and no copy means no upgrade. "Old" databases are made with only the first migrations.
 */
import Database from 'better-sqlite3'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSidecar, sha256FileSync } from '../../main/core/backup/backup-file'
import { checkBackup, restoreStation } from '../../main/core/backup/station-restore'
import { LATEST_SCHEMA_VERSION, migrations } from '../../main/core/db/migrations'
import { openStationDatabase } from '../../main/core/backup/station-database'
import { DatabaseRefusedError, openDatabase } from '../../main/core/db/open-database'
import { DATABASE_FILE } from '../../main/core/station'
import { call, openTestStation } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'

const tempDir = useTempDirs()

/** A station database as an earlier BLO Station left it: schema `version`, one case, the station's name. */
function oldDatabase(dir: string, version: number): string {
  const file = join(dir, DATABASE_FILE)
  const db = openDatabase(file, { migrations: migrations.slice(0, version) })
  db.prepare("INSERT INTO meta (key, value) VALUES ('name', 'Chiang Khong BLO'), ('country', 'TH'), ('crossing', '')").run()
  db.prepare(
    `INSERT INTO cases (id, ref, version, status, category, agency, occurred_at, updated_at, change, data)
     VALUES ('c1', 'TH-2026-000001', 1, 'open', 'narcotics', 'police', '2026-11-20T01:30:00.000Z', '2026-11-20T01:30:00.000Z', 'create', '{}')`
  ).run()
  db.close()
  return file
}

const backupsIn = (dir: string): string[] => (existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')).sort() : [])

describe('migration with a backup first', () => {
  it.each([1, 3, LATEST_SCHEMA_VERSION - 1])('keeps a verified copy of a schema %i database before upgrading it', (version) => {
    const dir = tempDir()
    const file = oldDatabase(dir, version)
    const before = sha256FileSync(file)

    const db = openStationDatabase(file)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    expect(db.prepare('SELECT id FROM cases').all()).toEqual([{ id: 'c1' }])
    db.close()

    const files = backupsIn(dir)
    expect(files).toHaveLength(2)
    const [copy, sidecar] = files
    expect(copy).toMatch(new RegExp(`^station-before-v${LATEST_SCHEMA_VERSION}-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d\\.\\d{3}Z\\.db$`))
    expect(sidecar).toBe(`${copy}.backup.json`)
    const path = join(dir, 'backups', copy)
    // The copy is the old database, whole: same schema, same data, SQLite's integrity check passes.
    expect(readSidecar(path)).toMatchObject({ reason: 'before-migration', schemaVersion: version, station: { name: 'Chiang Khong BLO', country: 'TH' } })
    expect(checkBackup(path).schemaVersion).toBe(version)
    const kept = new Database(path, { readonly: true })
    expect(kept.pragma('user_version', { simple: true })).toBe(version)
    expect(kept.prepare('SELECT id, ref FROM cases').all()).toEqual([{ id: 'c1', ref: 'TH-2026-000001' }])
    kept.close()
    expect(sha256FileSync(file)).not.toBe(before)
  })

  it('takes no copy of a new database or of one already up to date', () => {
    const dir = tempDir()
    const file = join(dir, DATABASE_FILE)
    openStationDatabase(file).close()
    openStationDatabase(file).close()
    expect(backupsIn(dir)).toEqual([])
  })

  it('does not upgrade when the copy cannot be made, and says why', () => {
    const dir = tempDir()
    const file = oldDatabase(dir, 2)
    writeFileSync(join(dir, 'backups'), 'a file where the backups folder should be')
    expect(() => openStationDatabase(file)).toThrow(DatabaseRefusedError)
    expect(() => openStationDatabase(file)).toThrow(/needs upgrading from schema 2 to \d+, but the backup taken first failed .* so nothing was changed/)
    const db = new Database(file, { readonly: true })
    expect(db.pragma('user_version', { simple: true })).toBe(2)
    db.close()
  })

  it('upgrades a whole station on start, and its pre-upgrade copy restores it', async () => {
    const dir = tempDir()
    oldDatabase(dir, 5)
    const station = openTestStation(dir)
    expect(await call(station, 'station.info', {})).toMatchObject({ name: 'Chiang Khong BLO', caseCount: 1 })
    await station.close()

    const [copy] = backupsIn(dir)
    restoreStation(dir, join(dir, 'backups', copy))
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true })
    expect(db.pragma('user_version', { simple: true })).toBe(5)
    db.close()
    // Opening it again upgrades it again, with a fresh copy first.
    const again = openTestStation(dir)
    await again.close()
    expect(backupsIn(dir).filter((name) => name.startsWith('station-before-') && name.endsWith('.db'))).toHaveLength(2)
    expect(backupsIn(dir).filter((name) => name.startsWith('station-replaced-') && name.endsWith('.db'))).toHaveLength(1)
  })
})
