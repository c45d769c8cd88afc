/**
 * blo restore: puts a verified backup in place of a station's database. Nothing is replaced until the copy inside
 * the data folder has passed every check, and the database it replaces is kept (backups/station-replaced-<time>.db),
 * so a restore can itself be undone. Holds the data folder's lock throughout: no station can start meanwhile.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { lockDataDir } from '../data-dir-lock'
import { LATEST_SCHEMA_VERSION } from '../db/migrations'
import { openSqliteFile } from '../db/sqlite-addon'
import { DATABASE_FILE } from '../station'
import {
  assertMatchesSidecar,
  BackupRefusedError,
  fileStamp,
  inspectBackupFile,
  readSidecar,
  type BackedUpStation,
  type BackupSidecar
} from './backup-file'
import { BACKUPS_DIR } from './migration-backup'

export interface CheckedBackup {
  file: string
  backup: BackupSidecar
  schemaVersion: number
  station: BackedUpStation | null
}

export interface RestoreResult extends CheckedBackup {
  dataDir: string
  /** Where the database that was replaced now is, or null when the folder had none. */
  replaced: string | null
}

/**
 * Every check a restore makes, without touching any station: sidecar, size, SHA-256, SQLite integrity, ownership,
 * schema. describedBy: the backup whose sidecar file must match (itself, or the original of a copy).
 */
export function checkBackup(file: string, describedBy: string = file): CheckedBackup {
  if (!existsSync(file)) throw new BackupRefusedError(file, 'does not exist')
  const backup = readSidecar(describedBy)
  assertMatchesSidecar(file, backup)
  const inspected = inspectBackupFile(file, LATEST_SCHEMA_VERSION)
  if (inspected.schemaVersion !== backup.schemaVersion) {
    throw new BackupRefusedError(file, `is at schema ${inspected.schemaVersion} but its sidecar says ${backup.schemaVersion}`)
  }
  return { file, backup, ...inspected }
}

const SQLITE_COMPANIONS = ['-wal', '-shm'] as const

/** Moves the current database (with anything still in its WAL) out of the way; returns where it went. */
function setAside(dbFile: string, backupsDir: string, at: Date): string | null {
  if (!existsSync(dbFile)) return null
  try {
    // Folds the WAL into the file, so the kept copy is one file; a damaged database simply moves as it is.
    const db = openSqliteFile(dbFile)
    try {
      db.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      db.close()
    }
  } catch {
    // kept as found, companions included
  }
  mkdirSync(backupsDir, { recursive: true })
  const kept = join(backupsDir, `station-replaced-${fileStamp(at)}.db`)
  renameSync(dbFile, kept)
  for (const suffix of SQLITE_COMPANIONS) {
    if (existsSync(`${dbFile}${suffix}`)) renameSync(`${dbFile}${suffix}`, `${kept}${suffix}`)
  }
  return kept
}

export function restoreStation(dataDir: string, from: string, now: () => Date = () => new Date()): RestoreResult {
  checkBackup(from)
  const lock = lockDataDir(dataDir)
  const dbFile = join(dataDir, DATABASE_FILE)
  const incoming = `${dbFile}.restoring`
  try {
    rmSync(incoming, { force: true })
    copyFileSync(from, incoming)
    chmodSync(incoming, 0o600)
    // Checked again where it will be used: the copy from a USB stick can fail on the way.
    const checked = checkBackup(incoming, from)
    const replaced = setAside(dbFile, join(dataDir, BACKUPS_DIR), now())
    try {
      renameSync(incoming, dbFile)
    } catch (error) {
      if (replaced) renameSync(replaced, dbFile)
      throw error
    }
    return { ...checked, file: from, dataDir, replaced }
  } finally {
    rmSync(incoming, { force: true })
    lock.release()
  }
}
