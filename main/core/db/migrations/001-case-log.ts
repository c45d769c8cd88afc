import type { Migration } from './migration'

export const v1: Migration = {
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
}
