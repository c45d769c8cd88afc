import type { Database } from 'better-sqlite3'

/**
 * Forward-only schema migrations. Each runs once, inside the transaction that bumps `user_version`,
 * so a crash mid-migration leaves the previous schema intact. Never edit a released step: add one.
 */
export interface Migration {
  version: number
  name: string
  up(db: Database): void
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'case log',
    up(db) {
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

        -- The current version of each case. Older versions live in case_versions, so a case
        -- that was never edited is stored once.
        CREATE TABLE cases (
          seq          INTEGER PRIMARY KEY,
          id           TEXT NOT NULL UNIQUE,
          ref          TEXT NOT NULL UNIQUE,
          version      INTEGER NOT NULL,
          status       TEXT NOT NULL,
          category     TEXT NOT NULL,
          agency       TEXT NOT NULL,
          occurred_at  TEXT NOT NULL, -- UTC ISO 8601, for sorting and ranges
          updated_at   TEXT NOT NULL,
          voided       INTEGER NOT NULL DEFAULT 0,
          change       TEXT NOT NULL,
          change_note  TEXT NOT NULL DEFAULT '',
          data         TEXT NOT NULL  -- the whole case as JSON, as the API returns it
        ) STRICT;
        -- The case log hides voided cases: partial indexes keep its counts and deep pages inside the
        -- index, never touching the (large) rows; the ORDER BYs of case-search.ts match them.
        CREATE INDEX cases_by_occurred ON cases (occurred_at, seq) WHERE voided = 0;
        CREATE INDEX cases_by_updated ON cases (updated_at, seq) WHERE voided = 0;
        CREATE INDEX cases_by_category ON cases (category, occurred_at, seq) WHERE voided = 0;
        CREATE INDEX cases_by_status ON cases (status, occurred_at, seq) WHERE voided = 0;
        CREATE INDEX cases_by_agency ON cases (agency, occurred_at, seq) WHERE voided = 0;
        CREATE INDEX cases_all_by_occurred ON cases (occurred_at, seq);

        CREATE TABLE case_versions (
          case_seq  INTEGER NOT NULL REFERENCES cases (seq),
          version   INTEGER NOT NULL,
          change    TEXT NOT NULL,
          note      TEXT NOT NULL,
          data      TEXT NOT NULL,
          PRIMARY KEY (case_seq, version)
        ) STRICT, WITHOUT ROWID;

        -- Trigram index: Thai, Lao, Khmer and Burmese have no spaces between words, so only
        -- substring matching finds a name inside a sentence. rowid = cases.seq.
        CREATE VIRTUAL TABLE cases_fts USING fts5 (text, tokenize = 'trigram remove_diacritics 1');
      `)
    }
  },
  {
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
  },
  {
    version: 3,
    name: 'exchange',
    up(db) {
      db.exec(`
        -- What this station shared, corrected and withdrew, and who did it: one row per action.
        CREATE TABLE shares (
          id            INTEGER PRIMARY KEY,
          case_id       TEXT NOT NULL REFERENCES cases (id),
          record_id     TEXT NOT NULL,
          doc           TEXT NOT NULL REFERENCES docs (name),
          action        TEXT NOT NULL, -- share | correct | withdraw
          fields        TEXT NOT NULL, -- JSON array of the field groups that went across
          case_version  INTEGER NOT NULL,
          at            TEXT NOT NULL,
          by            TEXT NOT NULL,
          note          TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE INDEX shares_by_case ON shares (case_id, id);

        -- Read-only views of the records and messages documents, ours and the counterpart's (origin = the
        -- owning station). Written only by the exchange views, in the transaction that stores the document
        -- change, so they can always be rebuilt from the documents and never disagree with them.
        CREATE TABLE exchange_records (
          seq           INTEGER PRIMARY KEY,
          origin        TEXT NOT NULL,
          doc           TEXT NOT NULL,
          record_id     TEXT NOT NULL,
          case_ref      TEXT NOT NULL,
          revision      INTEGER NOT NULL,
          category      TEXT,          -- NULL once withdrawn
          occurred_at   TEXT,          -- UTC ISO 8601
          location      TEXT,
          summary       TEXT,
          fields        TEXT NOT NULL, -- JSON array
          shared_at     TEXT NOT NULL,
          updated_at    TEXT NOT NULL,
          withdrawn_at  TEXT,
          data          TEXT NOT NULL, -- the record as validated, JSON
          UNIQUE (doc, record_id)
        ) STRICT;
        CREATE INDEX exchange_records_by_origin ON exchange_records (origin, record_id);
        CREATE INDEX exchange_records_by_updated ON exchange_records (updated_at);
        CREATE INDEX exchange_records_by_occurred ON exchange_records (occurred_at);
        CREATE VIRTUAL TABLE exchange_records_fts USING fts5 (text, tokenize = 'trigram remove_diacritics 1');

        CREATE TABLE exchange_messages (
          seq              INTEGER PRIMARY KEY,
          origin           TEXT NOT NULL,
          doc              TEXT NOT NULL,
          message_id       TEXT NOT NULL,
          kind             TEXT NOT NULL, -- alert | request | reply | ack | read
          sent_at          TEXT NOT NULL,
          priority         TEXT,
          target_type      TEXT,          -- what a reply, ack or read points at, or the record a request is about
          target_origin    TEXT,
          target_id        TEXT,
          target_revision  INTEGER,       -- the record revision a read receipt covers
          data             TEXT NOT NULL,
          UNIQUE (doc, message_id)
        ) STRICT;
        CREATE INDEX exchange_messages_by_origin ON exchange_messages (origin, message_id);
        CREATE INDEX exchange_messages_by_kind ON exchange_messages (kind, sent_at);
        CREATE INDEX exchange_messages_by_target ON exchange_messages (target_origin, target_id, kind);
        CREATE VIRTUAL TABLE exchange_messages_fts USING fts5 (text, tokenize = 'trigram remove_diacritics 1');
      `)
    }
  },
  {
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
]

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1].version
