import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import type { AuditVerification } from '../../../preload/api'
import { BLO_APPLICATION_ID } from '../db/open-database'
import { verifyAuditTrail } from './audit-verify'

/** The schema version that brought the audit trail (main/core/db/migrations.ts). */
const AUDIT_SCHEMA_VERSION = 6

/**
 * Verifies the audit trail of a station database file without changing anything in it: opened read-only, no
 * migrations, no lock. So it works while the station runs, and on a copy handed to an inspector.
 */
export function verifyAuditFile(file: string): AuditVerification {
  if (!existsSync(file)) throw new Error(`${file} does not exist: no station in that folder`)
  let db: Database.Database
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
  } catch (error) {
    throw new Error(`${file} cannot be opened: ${(error as Error).message}`)
  }
  try {
    const appId = db.pragma('application_id', { simple: true }) as number
    if (appId !== BLO_APPLICATION_ID) throw new Error(`${file} is not a BLO Station database`)
    const version = db.pragma('user_version', { simple: true }) as number
    if (version < AUDIT_SCHEMA_VERSION) {
      throw new Error(`${file} predates the audit trail (schema ${version}); open it once with this version of BLO Station to add it`)
    }
    return verifyAuditTrail(db)
  } catch (error) {
    if (error instanceof Error && /file is not a database|malformed/i.test(error.message)) {
      throw new Error(`${file} is damaged or not a SQLite database (${error.message})`)
    }
    throw error
  } finally {
    db.close()
  }
}
