/**
 * blo backup and the Maintenance screen's "Back up now": a copy of a station's database made with SQLite's online
 * backup API from a read-only connection, so it may be taken while the station runs (desktop app or station host),
 * from this process or another.
 */
import { chmodSync, existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Database } from 'better-sqlite3'
import type { MaintenanceProgress } from '../../../preload/api'
import { APP_VERSION } from '../app-version'
import { openSqliteFile } from '../db/sqlite-addon'
import { LATEST_SCHEMA_VERSION } from '../db/migrations'
import { BackupRefusedError, inspectBackupFile, sidecarPathFor, writeSidecar, type BackupSidecar } from './backup-file'
import { digestFile } from './hashed-copy'

/** Pages per backup step (4 MB at SQLite's default page size): the event loop and progress get a turn between steps. */
const PAGES_PER_STEP = 1024

export interface BackupResult {
  file: string
  sidecar: string
  backup: BackupSidecar
}

export type StepProgress = (step: MaintenanceProgress['step'], done: number, total: number) => void

export interface BackupOptions {
  now?: () => Date
  /** The better-sqlite3 binary of this runtime (Electron's differs from Node's). */
  nativeBinding?: string
  onProgress?: StepProgress
  /** Stops the copy at its next step; nothing is left behind. */
  signal?: AbortSignal
}

export class BackupCancelledError extends Error {
  constructor() {
    super('backup cancelled')
    this.name = 'BackupCancelledError'
  }
}

function openSource(dbFile: string, nativeBinding: string | undefined): Database {
  if (!existsSync(dbFile)) throw new BackupRefusedError(dbFile, 'does not exist: no station in that folder', 'no-station')
  const db = openSqliteFile(dbFile, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  db.pragma('busy_timeout = 5000')
  return db
}

/**
 * Copies in steps inside one read transaction: in WAL mode that reader keeps one snapshot for the whole copy, so
 * the station's writes meanwhile neither get into the copy nor make SQLite restart it (which, without the
 * transaction, it does after every write from another connection: a busy station would never finish).
 */
async function copyDatabase(source: Database, to: string, options: BackupOptions): Promise<void> {
  source.exec('BEGIN')
  try {
    source.prepare('SELECT count(*) FROM sqlite_schema').get()
    await source.backup(to, {
      progress: ({ totalPages, remainingPages }) => {
        if (options.signal?.aborted) throw new BackupCancelledError()
        options.onProgress?.('copy', totalPages - remainingPages, totalPages)
        return PAGES_PER_STEP
      }
    })
  } finally {
    source.exec('COMMIT')
  }
}

/** Copies the station database dbFile to out (which must not exist yet) and writes out.backup.json beside it. */
export async function backupStation(dbFile: string, out: string, options: BackupOptions = {}): Promise<BackupResult> {
  if (existsSync(out)) throw new BackupRefusedError(out, 'already exists; choose a new file name (a backup never overwrites)', 'exists')
  if (!existsSync(dirname(out))) throw new BackupRefusedError(out, `the folder ${dirname(out)} does not exist`, 'no-folder')
  const { nativeBinding, onProgress } = options
  const binding = nativeBinding ? { nativeBinding } : {}
  const partial = `${out}.partial`
  rmSync(partial, { force: true })
  const source = openSource(dbFile, nativeBinding)
  const at = (options.now ?? (() => new Date()))()
  try {
    await copyDatabase(source, partial, options)
    // A single self-contained file: readable from a read-only USB stick, nothing to forget beside it.
    const copy = openSqliteFile(partial, binding)
    try {
      copy.pragma('journal_mode = DELETE')
    } finally {
      copy.close()
    }
    chmodSync(partial, 0o600)
    onProgress?.('check', 0, 0)
    const inspected = inspectBackupFile(partial, LATEST_SCHEMA_VERSION, nativeBinding)
    const size = statSync(partial).size
    const { bytes, sha256 } = await digestFile(partial, onProgress && ((done) => onProgress('hash', done, size)))
    renameSync(partial, out)
    const backup = writeSidecar(out, {
      bytes,
      sha256,
      schemaVersion: inspected.schemaVersion,
      createdAt: at.toISOString(),
      appVersion: APP_VERSION,
      reason: 'manual',
      station: inspected.station
    })
    return { file: out, sidecar: sidecarPathFor(out), backup }
  } catch (error) {
    rmSync(partial, { force: true })
    for (const leftover of ['-journal', '-wal', '-shm']) rmSync(`${partial}${leftover}`, { force: true })
    throw error
  } finally {
    source.close()
  }
}
