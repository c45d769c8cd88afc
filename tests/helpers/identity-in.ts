import Database from 'better-sqlite3'
import { join } from 'node:path'
import { DATABASE_FILE } from '../../main/core/db/database-file'
import { readStationIdentity, type StationIdentity } from '../../main/core/identity/station-identity'

/** The key and certificate of the station in a data folder, read beside it (tests that must sign as that station). */
export function identityIn(dataDir: string): StationIdentity {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true })
  try {
    const identity = readStationIdentity(db)
    if (!identity) throw new Error(`${dataDir} has no station identity yet`)
    return identity
  } finally {
    db.close()
  }
}
