/**
 * blo restore: puts a verified backup in place of a station's database. Nothing is replaced until the copy inside
 * the data folder has passed every check, and the database it replaces is kept (backups/station-replaced-<time>.db),
 * so a restore can itself be undone. Holds the data folder's lock throughout: no station can start meanwhile.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { lockDataDir } from '../data-dir-lock'
import { LATEST_SCHEMA_VERSION } from '../db/migrations'
import { openSqliteFile } from '../db/sqlite-addon'
import { DATABASE_FILE } from '../db/database-file'
import {
  assertMatchesSidecar,
  BackupRefusedError,
  digestFileSync,
  fileStamp,
  inspectBackupFile,
  readSidecar,
  type BackedUpStation,
  type BackupSidecar,
  type FileDigest
} from './backup-file'
import { digestFile } from './hashed-copy'
import { BACKUPS_DIR } from './migration-backup'
import type { StepProgress } from './station-backup'
import { discardStagedRestore } from './staged-restore-files'

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

export function assertIsFile(file: string): void {
  let isFile: boolean
  try {
    isFile = statSync(file).isFile()
  } catch {
    throw new BackupRefusedError(file, 'does not exist', 'missing')
  }
  if (!isFile) throw new BackupRefusedError(file, 'is a folder, not a backup file', 'not-a-file')
}

/** What the sidecar promises, checked against the file's digest, SQLite's integrity check and the schema. */
export function checkAgainstSidecar(file: string, backup: BackupSidecar, digest: FileDigest, nativeBinding?: string): CheckedBackup {
  assertMatchesSidecar(file, backup, digest)
  const inspected = inspectBackupFile(file, LATEST_SCHEMA_VERSION, nativeBinding)
  if (inspected.schemaVersion !== backup.schemaVersion) {
    throw new BackupRefusedError(file, `is at schema ${inspected.schemaVersion} but its sidecar says ${backup.schemaVersion}`, 'bad-sidecar')
  }
  return { file, backup, ...inspected }
}

/**
 * Every check a restore makes, without touching any station: sidecar, size, SHA-256, SQLite integrity, ownership,
 * schema. describedBy: the backup whose sidecar file must match (itself, or the original of a copy).
 */
export function checkBackup(file: string, describedBy: string = file, nativeBinding?: string): CheckedBackup {
  assertIsFile(file)
  return checkAgainstSidecar(file, readSidecar(describedBy), digestFileSync(file), nativeBinding)
}

/** checkBackup for a station that keeps running meanwhile: the file is hashed in chunks, with progress. */
export async function checkBackupStreaming(file: string, options: { nativeBinding?: string; onProgress?: StepProgress } = {}): Promise<CheckedBackup> {
  assertIsFile(file)
  const backup = readSidecar(file)
  const progress = options.onProgress
  const size = statSync(file).size
  const digest = await digestFile(file, progress && ((done) => progress('hash', done, size)))
  progress?.('check', 0, 0)
  return checkAgainstSidecar(file, backup, digest, options.nativeBinding)
}

const SQLITE_COMPANIONS = ['-wal', '-shm'] as const

/** Moves the current database (with anything still in its WAL) out of the way; returns where it went. */
function setAside(dbFile: string, backupsDir: string, at: Date, nativeBinding: string | undefined): string | null {
  if (!existsSync(dbFile)) return null
  try {
    // Folds the WAL into the file, so the kept copy is one file; a damaged database simply moves as it is.
    const db = openSqliteFile(dbFile, nativeBinding ? { nativeBinding } : {})
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

/**
 * Puts the checked file `incoming` (inside the data folder, so the rename is atomic) in place of the station's
 * database, keeping the one it replaces; returns where that went. The caller holds the data folder's lock.
 */
export function swapInDatabase(dataDir: string, incoming: string, at: Date, nativeBinding?: string): string | null {
  const dbFile = join(dataDir, DATABASE_FILE)
  const replaced = setAside(dbFile, join(dataDir, BACKUPS_DIR), at, nativeBinding)
  try {
    renameSync(incoming, dbFile)
  } catch (error) {
    if (replaced) renameSync(replaced, dbFile)
    throw error
  }
  return replaced
}

export function restoreStation(dataDir: string, from: string, now: () => Date = () => new Date()): RestoreResult {
  checkBackup(from)
  const lock = lockDataDir(dataDir)
  const incoming = join(dataDir, `${DATABASE_FILE}.restoring`)
  try {
    rmSync(incoming, { force: true })
    copyFileSync(from, incoming)
    chmodSync(incoming, 0o600)
    // Checked again where it will be used: the copy from a USB stick can fail on the way.
    const checked = checkBackup(incoming, from)
    const replaced = swapInDatabase(dataDir, incoming, now())
    // This restore is the one the administrator wants now: one staged earlier must not undo it at the next start.
    discardStagedRestore(dataDir)
    return { ...checked, file: from, dataDir, replaced }
  } finally {
    rmSync(incoming, { force: true })
    lock.release()
  }
}
