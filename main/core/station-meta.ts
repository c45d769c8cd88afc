import type { Database } from 'better-sqlite3'

/** Who this station is, as the officer set it at init. Kept in the database so it travels with backups. */
export interface StationMeta {
  name: string
  country: string
  crossing: string
}

const KEYS = ['name', 'country', 'crossing'] as const

export function readStationMeta(db: Database): StationMeta | null {
  const rows = db.prepare(`SELECT key, value FROM meta WHERE key IN (${KEYS.map(() => '?').join(',')})`).all(...KEYS) as {
    key: string
    value: string
  }[]
  const map = new Map(rows.map((r) => [r.key, r.value]))
  if (!map.has('name') || !map.has('country')) return null
  return { name: map.get('name')!, country: map.get('country')!, crossing: map.get('crossing') ?? '' }
}

export function writeStationMeta(db: Database, meta: StationMeta): void {
  const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
  db.transaction(() => {
    for (const key of KEYS) put.run(key, meta[key])
  })()
}
