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
        -- The narrow columns by seq: filtering the matches of a text search never reads the wide rows.
        CREATE INDEX cases_keys ON cases (seq, voided, category, status, agency, occurred_at, updated_at, ref);

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
  },
  {
    version: 5,
    name: 'joint operation plans',
    up(db) {
      db.exec(`
        -- A read-only view of each plan document (plan/<id>) for the list and search, written by the plan views
        -- in the transaction that stores each document change; rebuildable from the documents at any time.
        CREATE TABLE plans (
          seq              INTEGER PRIMARY KEY,
          id               TEXT NOT NULL UNIQUE,
          doc              TEXT NOT NULL UNIQUE REFERENCES docs (name),
          title            TEXT NOT NULL,
          code_name        TEXT NOT NULL,
          status           TEXT NOT NULL, -- as shown: draft | agreed | active | completed | cancelled
          phase            TEXT NOT NULL, -- as stored: draft | active | completed | cancelled
          period_from      TEXT NOT NULL, -- ISO date or date-time as written, '' if none
          period_to        TEXT NOT NULL,
          area             TEXT NOT NULL,
          origin_station   TEXT NOT NULL,
          partner_station  TEXT NOT NULL,
          signoff          TEXT NOT NULL, -- none | partial | agreed | changed
          content_hash     TEXT NOT NULL,
          tasks_total      INTEGER NOT NULL,
          tasks_open       INTEGER NOT NULL,
          created_at       TEXT NOT NULL,
          updated_at       TEXT NOT NULL, -- last change stored here, from a screen here or from the counterpart
          updated_from     TEXT NOT NULL  -- local | peer
        ) STRICT;
        CREATE INDEX plans_by_updated ON plans (updated_at);
        CREATE INDEX plans_by_period ON plans (period_from, period_to);

        -- Every text of a plan (fields, list items, each line of the notes), one distinct line per row, for
        -- substring search in any script: a keystroke re-indexes the line it changed, not the whole plan.
        CREATE TABLE plan_text (
          id        INTEGER PRIMARY KEY,
          plan_seq  INTEGER NOT NULL REFERENCES plans (seq),
          text      TEXT NOT NULL
        ) STRICT;
        CREATE INDEX plan_text_by_plan ON plan_text (plan_seq);
        CREATE VIRTUAL TABLE plan_text_fts USING fts5 (
          text, content = 'plan_text', content_rowid = 'id', tokenize = 'trigram remove_diacritics 1'
        );
        CREATE TRIGGER plan_text_indexed AFTER INSERT ON plan_text BEGIN
          INSERT INTO plan_text_fts (rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER plan_text_unindexed AFTER DELETE ON plan_text BEGIN
          INSERT INTO plan_text_fts (plan_text_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END;
      `)
    }
  },
  {
    version: 6,
    name: 'accounts, settings and the audit trail',
    up(db) {
      db.exec(`
        -- Accounts are never deleted: a disabled one keeps everything it did attributed to it.
        CREATE TABLE users (
          id                   INTEGER PRIMARY KEY,
          username             TEXT NOT NULL UNIQUE, -- lower-case; what cases, shares and the audit trail name
          display_name         TEXT NOT NULL,
          agency               TEXT NOT NULL,
          role                 TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'admin')),
          language             TEXT NOT NULL,
          password_hash        TEXT NOT NULL, -- scrypt$N$r$p$salt$hash: the cost travels with the hash
          password_changed_at  TEXT NOT NULL,
          disabled_at          TEXT,
          created_at           TEXT NOT NULL,
          created_by           TEXT NOT NULL,
          updated_at           TEXT NOT NULL,
          last_login_at        TEXT
        ) STRICT;

        -- Wrong passwords per account name (a hash of it: a mistyped password must not be kept in clear).
        -- Kept on disk so restarting the station does not reset a lockout.
        CREATE TABLE login_failures (
          name_hash     TEXT PRIMARY KEY,
          failures      INTEGER NOT NULL,
          last_failure  TEXT NOT NULL,
          locked_until  TEXT
        ) STRICT;

        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

        -- Hash-chained: hash = SHA-256(prev_hash || canonical JSON of id, at, actor, action, target, detail).
        -- Written only by AuditLog.record, in the transaction of the change it describes.
        CREATE TABLE audit_log (
          id            INTEGER PRIMARY KEY, -- 1, 2, 3… without gaps: a gap is a removed entry
          at            TEXT NOT NULL,
          actor         TEXT NOT NULL,
          action        TEXT NOT NULL,
          target_type   TEXT,
          target_id     TEXT,
          target_label  TEXT,
          detail        TEXT NOT NULL, -- canonical JSON object
          prev_hash     TEXT NOT NULL,
          hash          TEXT NOT NULL
        ) STRICT;
        CREATE INDEX audit_by_actor ON audit_log (actor, id);
        CREATE INDEX audit_by_action ON audit_log (action, id);
        CREATE INDEX audit_by_target ON audit_log (target_type, target_id, id);
        CREATE INDEX audit_by_at ON audit_log (at, id);
        -- Append-only: the station never changes or removes an entry; this stops its own code from doing so by mistake.
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        -- The last entry written, updated with each one: a trail cut short (or extended by hand) no longer ends here.
        CREATE TABLE audit_head (
          only       INTEGER PRIMARY KEY CHECK (only = 1),
          last_id    INTEGER NOT NULL,
          last_hash  TEXT NOT NULL
        ) STRICT;
      `)
    }
  }
]

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1].version
