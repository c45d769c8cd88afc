import Database from 'better-sqlite3'

/**
 * Opens read-only connections to the station database for exports. In WAL mode a reader sees one snapshot
 * for as long as its transaction lasts and never blocks the writer, nor is blocked by it.
 */
export function snapshotReader(file: string, nativeBinding?: string): () => Database.Database {
  return () => {
    const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
    db.pragma('busy_timeout = 5000')
    return db
  }
}
