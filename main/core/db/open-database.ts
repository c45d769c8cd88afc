import type Database from 'better-sqlite3'
import { closeSync, existsSync, openSync, readSync } from 'node:fs'
import { BLO_APPLICATION_ID } from './application-id'
import { migrations, type Migration } from './migrations'
import { openSqliteFile } from './sqlite-addon'

export { BLO_APPLICATION_ID }

export class DatabaseRefusedError extends Error {
  constructor(
    readonly file: string,
    reason: string
  ) {
    super(`${file}: ${reason}`)
    this.name = 'DatabaseRefusedError'
  }
}

export interface UpgradeStep {
  file: string
  fromVersion: number
  toVersion: number
}

export interface OpenDatabaseOptions {
  nativeBinding?: string
  migrations?: readonly Migration[]
  /**
   * Runs before an existing database that holds data is migrated, with nothing changed yet; throwing stops the
   * upgrade. The station keeps a verified copy here (backup/station-database.ts).
   */
  beforeUpgrade?: (db: Database.Database, step: UpgradeStep) => void
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

function assertLooksLikeSqlite(file: string): void {
  const fd = openSync(file, 'r')
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length)
    const read = readSync(fd, header, 0, header.length, 0)
    if (read > 0 && (read < header.length || !header.equals(SQLITE_HEADER))) {
      throw new DatabaseRefusedError(file, 'is not a SQLite database (corrupt or a different kind of file). Restore it from a backup or choose another data folder.')
    }
  } finally {
    closeSync(fd)
  }
}

/**
 * Opens (creating if needed) the station database with the durability settings the station relies on,
 * refuses files that are not ours or are from a newer version, and runs pending migrations.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  const steps = options.migrations ?? migrations
  const latest = steps.length ? steps[steps.length - 1].version : 0
  if (existsSync(file)) assertLooksLikeSqlite(file)

  // A binary built for another runtime (Node's in Electron or the reverse) fails here with a sentence naming the fix.
  const db = openSqliteFile(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  try {
    // WAL lets readers run beside the writer; synchronous=FULL fsyncs the WAL at every commit, so a
    // write the station has acknowledged survives a power cut, not only a process crash.
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')

    const appId = db.pragma('application_id', { simple: true }) as number
    const version = db.pragma('user_version', { simple: true }) as number
    const hasTables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as { n: number }).n > 0
    if (appId !== BLO_APPLICATION_ID && (appId !== 0 || hasTables)) {
      throw new DatabaseRefusedError(file, 'is a SQLite database of another application, not a BLO Station. Choose another data folder.')
    }
    if (version > latest) {
      throw new DatabaseRefusedError(file, `was written by a newer BLO Station (schema ${version}, this one knows ${latest}). Install the newer version.`)
    }
    if (version > 0 && version < latest) {
      options.beforeUpgrade?.(db, { file, fromVersion: version, toVersion: latest })
    }
    migrate(db, steps, version)
    return db
  } catch (error) {
    db.close()
    if (error instanceof DatabaseRefusedError) throw error
    if (error instanceof Error && /file is not a database|malformed/i.test(error.message)) {
      throw new DatabaseRefusedError(file, `is damaged (${error.message}). Restore it from a backup.`)
    }
    throw error
  }
}

function migrate(db: Database.Database, steps: readonly Migration[], from: number): void {
  for (const step of steps) {
    if (step.version <= from) continue
    db.transaction(() => {
      step.up(db)
      db.pragma(`application_id = ${BLO_APPLICATION_ID}`)
      db.pragma(`user_version = ${step.version}`)
    })()
  }
}
