import type { Migration } from './migration'

export const v3: Migration = {
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
}
