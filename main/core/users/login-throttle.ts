import type { Database, Statement } from 'better-sqlite3'
import { createHash } from 'node:crypto'

/** Wrong passwords in a row before an account name (or a connection) must wait. */
export const FAILURES_BEFORE_LOCK = 5
const FIRST_LOCK_MS = 60_000
const LONGEST_LOCK_MS = 60 * 60_000
/** A day without a wrong password forgets the earlier ones. */
const FORGET_AFTER_MS = 24 * 60 * 60_000

/** 1 min after the 5th wrong password in a row, 2 after the 6th, 4 after the 7th… at most an hour. */
export function lockMsAfter(failures: number): number {
  if (failures < FAILURES_BEFORE_LOCK) return 0
  return Math.min(LONGEST_LOCK_MS, FIRST_LOCK_MS * 2 ** Math.min(failures - FAILURES_BEFORE_LOCK, 30))
}

export interface ThrottleState {
  failures: number
  /** ms since the epoch; 0 when not locked. */
  lockedUntil: number
}

/**
 * Wrong-password counts per account name, on disk so that restarting the station does not reset a lockout.
 * Names are kept as hashes: a password typed into the name field must not be stored in clear. Names that
 * are not accounts are counted too, so a lockout does not tell a guesser which names exist.
 */
export class LoginThrottle {
  private readonly select: Statement
  private readonly upsert: Statement
  private readonly remove: Statement
  private readonly forget: Statement

  constructor(db: Database) {
    this.select = db.prepare('SELECT failures, last_failure, locked_until FROM login_failures WHERE name_hash = ?')
    this.upsert = db.prepare(`
      INSERT INTO login_failures (name_hash, failures, last_failure, locked_until) VALUES (@key, @failures, @at, @lockedUntil)
      ON CONFLICT (name_hash) DO UPDATE SET failures = excluded.failures, last_failure = excluded.last_failure, locked_until = excluded.locked_until`)
    this.remove = db.prepare('DELETE FROM login_failures WHERE name_hash = ?')
    this.forget = db.prepare('DELETE FROM login_failures WHERE last_failure < ?')
  }

  state(username: string, now: number): ThrottleState {
    const row = this.select.get(key(username)) as { failures: number; last_failure: string; locked_until: string | null } | undefined
    if (!row || now - Date.parse(row.last_failure) > FORGET_AFTER_MS) return { failures: 0, lockedUntil: 0 }
    const lockedUntil = row.locked_until ? Date.parse(row.locked_until) : 0
    return { failures: row.failures, lockedUntil: lockedUntil > now ? lockedUntil : 0 }
  }

  failed(username: string, now: number): ThrottleState {
    const failures = this.state(username, now).failures + 1
    const lockMs = lockMsAfter(failures)
    const lockedUntil = lockMs ? now + lockMs : 0
    this.forget.run(new Date(now - FORGET_AFTER_MS).toISOString())
    this.upsert.run({ key: key(username), failures, at: new Date(now).toISOString(), lockedUntil: lockedUntil ? new Date(lockedUntil).toISOString() : null })
    return { failures, lockedUntil }
  }

  clear(username: string): void {
    this.remove.run(key(username))
  }
}

const key = (username: string): string => createHash('sha256').update(`blo-login:${username}`, 'utf8').digest('hex')
