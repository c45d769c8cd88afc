import type { Migration } from './migration'

export const v5: Migration = {
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
}
