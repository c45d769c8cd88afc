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
