import type { Database } from 'better-sqlite3'

/** For readers of a database that may predate a table (an older backup, a station not yet migrated). */
export function tableExists(db: Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined
}
