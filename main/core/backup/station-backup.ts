/**
 * blo backup: a copy of a station's database made with SQLite's online backup API from a read-only connection.
 * In WAL mode that reader sees one consistent snapshot and never blocks the station, so a backup may be taken
 * while the station runs (desktop app or station host), from another process.
 */
import { chmodSync, existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Database } from 'better-sqlite3'
import { APP_VERSION } from '../app-version'
import { openSqliteFile } from '../db/sqlite-addon'
import { LATEST_SCHEMA_VERSION } from '../db/migrations'
import { BackupRefusedError, inspectBackupFile, sha256FileSync, sidecarPathFor, writeSidecar, type BackupSidecar } from './backup-file'

/** Pages per backup step: all of them, so the copy is one read snapshot even while the station writes. */
const ALL_PAGES = 0x7fffffff

export interface BackupResult {
  file: string
  sidecar: string
  backup: BackupSidecar
}

function openSource(dbFile: string): Database {
  if (!existsSync(dbFile)) throw new BackupRefusedError(dbFile, 'does not exist: no station in that folder')
  const db = openSqliteFile(dbFile, { readonly: true, fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  return db
}

/** Copies the station database dbFile to out (which must not exist yet) and writes out.backup.json beside it. */
export async function backupStation(dbFile: string, out: string, now: () => Date = () => new Date()): Promise<BackupResult> {
  if (existsSync(out)) throw new BackupRefusedError(out, 'already exists; choose a new file name (a backup never overwrites)')
  if (!existsSync(dirname(out))) throw new BackupRefusedError(out, `the folder ${dirname(out)} does not exist`)
  const partial = `${out}.partial`
  rmSync(partial, { force: true })
  const source = openSource(dbFile)
  const at = now()
  try {
    await source.backup(partial, { progress: () => ALL_PAGES })
    // A single self-contained file: readable from a read-only USB stick, nothing to forget beside it.
    const copy = openSqliteFile(partial)
    try {
      copy.pragma('journal_mode = DELETE')
    } finally {
      copy.close()
    }
    chmodSync(partial, 0o600)
    const inspected = inspectBackupFile(partial, LATEST_SCHEMA_VERSION)
    const sha256 = sha256FileSync(partial)
    const bytes = statSync(partial).size
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
