import type { Migration } from './migration'

export const v7: Migration = {
  version: 7,
  name: 'sync bundles',
  up(db) {
    db.exec(`
        -- Counterparts' certificates, learned over the link or from a bundle they sent: a bundle is encrypted
        -- to the recipient's key, so a station must know it before it can write one.
        CREATE TABLE counterpart_certificates (
          station_id    TEXT PRIMARY KEY,
          certificate   BLOB NOT NULL,
          learned_at    TEXT NOT NULL,
          learned_from  TEXT NOT NULL CHECK (learned_from IN ('link', 'bundle'))
        ) STRICT;
        -- Every bundle written or read: the history the Link screen shows, and what makes an import idempotent.
        CREATE TABLE sync_bundles (
          bundle_id   TEXT NOT NULL,
          direction   TEXT NOT NULL CHECK (direction IN ('written', 'imported')),
          peer        TEXT NOT NULL,
          kind        TEXT NOT NULL CHECK (kind IN ('delta', 'full', 'introduction')),
          file        TEXT NOT NULL,
          bytes       INTEGER NOT NULL,
          created_at  TEXT NOT NULL,
          at          TEXT NOT NULL,
          by          TEXT NOT NULL,
          contents    TEXT NOT NULL,
          PRIMARY KEY (bundle_id, direction)
        ) STRICT;
        CREATE INDEX sync_bundles_by_peer ON sync_bundles (peer, at);
      `)
  }
}
