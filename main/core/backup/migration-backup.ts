/**
 * Before a newer BLO Station upgrades an existing database, it keeps a verified copy of it as it was:
 * <dataDir>/backups/station-before-v<N>-<time>.db (+ its sidecar), so a failed or unwanted upgrade can be undone
 * with blo restore. The copy is made with VACUUM INTO: SQLite's synchronous way to write a consistent snapshot of
 * a live database into a new file (opening a station is synchronous; the step-wise backup API is not).
 */
import { mkdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import { APP_VERSION } from '../app-version'
import { describeStation, fileStamp, inspectBackupFile, sha256FileSync, writeSidecar } from './backup-file'

export const BACKUPS_DIR = 'backups'

export interface MigrationBackupOptions {
  dir: string
  fromVersion: number
  toVersion: number
  nativeBinding?: string
  now?: Date
}

const sqlString = (text: string): string => `'${text.replace(/'/g, "''")}'`

/** Returns the backup's path; throws (leaving no half-made file) when the copy cannot be made or does not verify. */
export function backupBeforeMigration(db: Database, options: MigrationBackupOptions): string {
  const at = options.now ?? new Date()
  mkdirSync(options.dir, { recursive: true })
  const file = join(options.dir, `station-before-v${options.toVersion}-${fileStamp(at)}.db`)
  try {
    db.exec(`VACUUM INTO ${sqlString(file)}`)
    const inspected = inspectBackupFile(file, options.fromVersion, options.nativeBinding)
    if (inspected.schemaVersion !== options.fromVersion) {
      throw new Error(`the copy is at schema ${inspected.schemaVersion}, expected ${options.fromVersion}`)
    }
    writeSidecar(file, {
      bytes: statSync(file).size,
      sha256: sha256FileSync(file),
      schemaVersion: inspected.schemaVersion,
      createdAt: at.toISOString(),
      appVersion: APP_VERSION,
      reason: 'before-migration',
      station: describeStation(db)
    })
    return file
  } catch (error) {
    rmSync(file, { force: true })
    throw error
  }
}
