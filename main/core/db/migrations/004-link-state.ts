import type { Migration } from './migration'

export const v4: Migration = {
  version: 4,
  name: 'link state',
  up(db) {
    db.exec(`
        -- Survives restarts so the link status stays honest while offline: when we last heard from the
        -- peer, when both sides last confirmed identical documents.
        CREATE TABLE sync_peer_status (
          peer                TEXT PRIMARY KEY,
          last_contact        TEXT,
          last_complete_sync  TEXT
        ) STRICT;
        -- What the peer was last known to hold of each document: the base for "pending" while offline.
        CREATE TABLE sync_peer_docs (
          peer          TEXT NOT NULL,
          doc           TEXT NOT NULL,
          state_vector  BLOB NOT NULL,
          delete_hash   BLOB NOT NULL,
          PRIMARY KEY (peer, doc)
        ) STRICT, WITHOUT ROWID;
      `)
  }
}
