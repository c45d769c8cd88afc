import type { Database } from 'better-sqlite3'
import type { Settings, SettingsUpdate } from '../../../preload/api'
import type { AuditLog } from '../audit/audit-log'

const DEFAULTS: Settings = { lockAfterMinutes: 15 }

/** Station-wide settings an administrator changes; every change is audited with its before and after. */
export class StationSettings {
  private current: Settings

  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog
  ) {
    const stored = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]
    const values = Object.fromEntries(stored.map(({ key, value }) => [key, JSON.parse(value) as unknown]))
    this.current = { ...DEFAULTS, ...(values as Partial<Settings>) }
  }

  get(): Settings {
    return { ...this.current }
  }

  update(change: SettingsUpdate, by: string): Settings {
    const before: Record<string, unknown> = {}
    const after: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(change) as [keyof Settings, Settings[keyof Settings] | undefined][]) {
      if (value === undefined || value === this.current[key]) continue
      before[key] = this.current[key]
      after[key] = value
    }
    if (!Object.keys(after).length) return this.get()
    this.db.transaction(() => {
      const put = this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      for (const [key, value] of Object.entries(after)) put.run(key, JSON.stringify(value))
      this.audit.record({ actor: by, action: 'settings.update', target: { type: 'settings', id: 'station', label: 'Station settings' }, detail: { before, after } })
    })()
    this.current = { ...this.current, ...(after as Partial<Settings>) }
    return this.get()
  }
}
