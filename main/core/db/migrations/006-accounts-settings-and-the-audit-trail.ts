import type { Migration } from './migration'

export const v6: Migration = {
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
