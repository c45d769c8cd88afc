import Database from 'better-sqlite3'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BLO_APPLICATION_ID, DatabaseRefusedError, openDatabase } from '../../main/core/db/open-database'
import { LATEST_SCHEMA_VERSION, migrations } from '../../main/core/db/migrations'
import { useTempDirs } from '../helpers/temp-dir'

describe('station database', () => {
  const tempDir = useTempDirs()

  it('creates a fresh database at the latest schema, in WAL mode with full fsync', () => {
    const db = openDatabase(join(tempDir(), 'station.db'))
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    expect(db.pragma('application_id', { simple: true })).toBe(BLO_APPLICATION_ID)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    db.close()
  })

  it('runs only the migrations a database has not seen, keeping its data', () => {
    const file = join(tempDir(), 'station.db')
    const v1 = openDatabase(file, { migrations: migrations.slice(0, 1) })
    v1.prepare("INSERT INTO meta (key, value) VALUES ('name', 'Chiang Khong BLO')").run()
    v1.close()

    let ran = 0
    const next = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'test step',
      up: (db: Database.Database) => {
        ran++
        db.exec('CREATE TABLE extra (x INTEGER) STRICT')
      }
    }
    const upgraded = openDatabase(file, { migrations: [...migrations, next] })
    expect(upgraded.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1)
    expect(upgraded.prepare("SELECT value FROM meta WHERE key = 'name'").get()).toEqual({ value: 'Chiang Khong BLO' })
    upgraded.close()
    openDatabase(file, { migrations: [...migrations, next] }).close()
    expect(ran).toBe(1)
  })

  it('rolls back a failing migration as a whole', () => {
    const file = join(tempDir(), 'station.db')
    openDatabase(file).close()
    const broken = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'broken',
      up: (db: Database.Database) => {
        db.exec('CREATE TABLE half (x INTEGER)')
        throw new Error('disk full')
      }
    }
    expect(() => openDatabase(file, { migrations: [...migrations, broken] })).toThrow('disk full')
    const db = openDatabase(file)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half'").get()).toBeUndefined()
    db.close()
  })

  it('refuses a file that is not a SQLite database, and leaves it untouched', () => {
    const file = join(tempDir(), 'station.db')
    writeFileSync(file, 'PK\u0003\u0004 this is a zip file, not a database at all')
    expect(() => openDatabase(file)).toThrow(DatabaseRefusedError)
    expect(() => openDatabase(file)).toThrow(/not a SQLite database/)
  })

  it("refuses another application's SQLite database", () => {
    const file = join(tempDir(), 'other.db')
    const foreign = new Database(file)
    foreign.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)')
    foreign.close()
    expect(() => openDatabase(file)).toThrow(/another application/)
    const check = new Database(file)
    expect(check.pragma('user_version', { simple: true })).toBe(0)
    check.close()
  })

  it('refuses a database written by a newer version', () => {
    const file = join(tempDir(), 'station.db')
    const db = openDatabase(file)
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`)
    db.close()
    expect(() => openDatabase(file)).toThrow(/newer BLO Station/)
  })
})
