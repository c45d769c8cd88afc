import type { Migration } from './migration'

export const v8: Migration = {
  version: 8,
  name: 'audiences',
  up(db) {
    db.exec(`
        -- The counterpart each exchange row's document is addressed to (records/<owner>/<recipient>/<month>);
        -- NULL for a document from before audiences, which is for every counterpart of its owner. One shared
        -- case or message sent to two counterparts is one row per document: the lists show it once, with its audience.
        ALTER TABLE exchange_records ADD COLUMN recipient TEXT;
        ALTER TABLE exchange_messages ADD COLUMN recipient TEXT;
        -- A plan among more than two offices: the stations beyond its origin and partner (JSON array).
        ALTER TABLE plans ADD COLUMN more_stations TEXT NOT NULL DEFAULT '[]';
      `)
  }
}
