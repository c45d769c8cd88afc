import type { Migration } from './migration'

export const v2: Migration = {
  version: 2,
  name: 'station identity, peers and shared documents',
  up(db) {
    db.exec(`
        CREATE TABLE station_identity (
          only        INTEGER PRIMARY KEY CHECK (only = 1),
          station_id  TEXT NOT NULL,
          key_pem     TEXT NOT NULL,
          cert_pem    TEXT NOT NULL,
          created_at  TEXT NOT NULL
        ) STRICT;

        CREATE TABLE peers (
          station_id  TEXT PRIMARY KEY,
          name        TEXT NOT NULL,
          address     TEXT NOT NULL,
          paired_at   TEXT NOT NULL,
          paired_by   TEXT NOT NULL
        ) STRICT;

        -- What happened on the link, refusals included, so an officer can see why a peer was turned away.
        CREATE TABLE link_log (
          id      INTEGER PRIMARY KEY,
          at      TEXT NOT NULL,
          peer    TEXT,
          kind    TEXT NOT NULL,
          detail  TEXT NOT NULL
        ) STRICT;

        -- Yjs documents. owner is the only station allowed to write (NULL: both paired stations may).
        CREATE TABLE docs (
          name        TEXT PRIMARY KEY,
          kind        TEXT NOT NULL,
          owner       TEXT,
          created_at  TEXT NOT NULL
        ) STRICT;
        -- Updates (V2 encoding) appended as they happen; merged into the snapshot by compaction.
        CREATE TABLE doc_updates (
          id    INTEGER PRIMARY KEY,
          doc   TEXT NOT NULL REFERENCES docs (name),
          data  BLOB NOT NULL
        ) STRICT;
        CREATE INDEX doc_updates_by_doc ON doc_updates (doc, id);
        CREATE TABLE doc_snapshots (
          doc   TEXT PRIMARY KEY REFERENCES docs (name),
          data  BLOB NOT NULL
        ) STRICT;
      `)
  }
}
