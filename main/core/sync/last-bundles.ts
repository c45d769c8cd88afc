import type { Database } from 'better-sqlite3'

export interface LastBundles {
  /** When this station last wrote a bundle for the counterpart, and last imported one from it. */
  written: string | null
  imported: string | null
}

/** Per counterpart, the last bundle each way: with no link, the only honest "when did we last exchange". */
export function lastBundles(db: Database): Map<string, LastBundles> {
  const rows = db.prepare(`SELECT peer, direction, max(at) AS at FROM sync_bundles GROUP BY peer, direction`).all() as {
    peer: string
    direction: 'written' | 'imported'
    at: string
  }[]
  const out = new Map<string, LastBundles>()
  for (const { peer, direction, at } of rows) {
    const last = out.get(peer) ?? { written: null, imported: null }
    last[direction] = at
    out.set(peer, last)
  }
  return out
}
