import type { Database } from 'better-sqlite3'

/** What can happen on the link, as the officer sees it in the link history. */
export type LinkEventKind =
  | 'paired'
  | 'pairing-updated'
  | 'unpaired'
  | 'connected'
  | 'disconnected'
  | 'refused-unpaired'
  | 'refused-wrong-key'
  | 'refused-no-certificate'
  | 'refused-tls'
  | 'refused-frame'
  | 'refused-update'
  | 'refused-foreign-write'
  | 'protocol'
  | 'dial-failed'
  | 'bundle-written'
  | 'bundle-imported'
  | 'bundle-refused'

export interface LinkEvent {
  id: number
  at: string
  /** Station ID of the peer concerned, when known (a stranger that never finished TLS has none). */
  peer: string | null
  kind: LinkEventKind
  detail: string
}

/** A stranger hammering the sync port must not grow the database without bound: keep the newest events only. */
const KEEP_EVENTS = 10_000
const MAX_DETAIL_CHARS = 1_000

export function logLinkEvent(
  db: Database,
  event: { peer?: string | null; kind: LinkEventKind; detail: string },
  now = new Date()
): void {
  db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare('INSERT INTO link_log (at, peer, kind, detail) VALUES (?, ?, ?, ?)')
      .run(now.toISOString(), event.peer ?? null, event.kind, event.detail.slice(0, MAX_DETAIL_CHARS))
    db.prepare('DELETE FROM link_log WHERE id <= ?').run(Number(lastInsertRowid) - KEEP_EVENTS)
  })()
}

/** Newest first. */
export function recentLinkEvents(db: Database, limit = 100): LinkEvent[] {
  return db
    .prepare('SELECT id, at, peer, kind, detail FROM link_log ORDER BY id DESC LIMIT ?')
    .all(Math.max(0, Math.floor(limit))) as LinkEvent[]
}
