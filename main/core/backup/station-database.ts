/**
 * The station's database as the station opens it: an upgrade of one that holds data first keeps a verified copy
 * of it as it was (migration-backup.ts), and is refused, with nothing changed, when that copy cannot be made.
 */
import type Database from 'better-sqlite3'
import { dirname, join } from 'node:path'
import { DatabaseRefusedError, openDatabase, type OpenDatabaseOptions } from '../db/open-database'
import { BACKUPS_DIR, backupBeforeMigration } from './migration-backup'

export interface StationDatabaseOptions extends Omit<OpenDatabaseOptions, 'beforeUpgrade'> {
  /** Where the copy taken before an upgrade goes; default: backups/ beside the file. */
  backupDir?: string
}

export function openStationDatabase(file: string, options: StationDatabaseOptions = {}): Database.Database {
  const { backupDir, ...rest } = options
  return openDatabase(file, {
    ...rest,
    beforeUpgrade: (db, { fromVersion, toVersion }) => {
      const dir = backupDir ?? join(dirname(file), BACKUPS_DIR)
      try {
        backupBeforeMigration(db, { dir, fromVersion, toVersion, nativeBinding: options.nativeBinding })
      } catch (error) {
        throw new DatabaseRefusedError(
          file,
          `needs upgrading from schema ${fromVersion} to ${toVersion}, but the backup taken first failed (${(error as Error).message}), so nothing was changed. Free some disk space or check that ${dir} can be written, then start again.`
        )
      }
    }
  })
}
