/**
 * `blo backup` and `blo restore`. A backup reads the database read-only, so it works while a station runs on the
 * folder (desktop app or station host) without going through it; a restore replaces the database, so it refuses
 * while any station runs there, and holds the folder's lock while it works.
 */
import { resolve, join } from 'node:path'
import { DATABASE_FILE } from '../core/db/database-file'
import { dataDirFlag, parseFlags, requiredFlag, UsageError } from './flags'
import { printJson } from './output'
import { assertNoRunningStation } from './station-connection'
import { withHelp } from './subcommands'

export const BACKUP_USAGE = `Usage: blo backup --data DIR --out FILE

Copies the station's database to FILE with SQLite's online backup, and writes FILE.backup.json beside it
(size, SHA-256, schema version, which station). Works while the station runs. FILE must not exist yet.
The backup holds the station's private key: keep it as safe as the computer itself.
Prints {"file", "sidecar", "backup": {…}}.`

export const RESTORE_USAGE = `Usage: blo restore --data DIR --from FILE [--check]

Replaces the station's database with the backup FILE, after checking it: FILE.backup.json must be beside it and
match (size, SHA-256), SQLite's integrity check must pass, and it must be a BLO Station database from this version
or an older one (an older one is upgraded when the station next starts). The database it replaces is kept as
DIR/backups/station-replaced-<time>.db, and a restore staged from the Maintenance screen for the next start is
dropped (this one takes its place). Refuses while a station runs on DIR: stop it first.
  --check   only check FILE; nothing is changed
Prints {"file", "schemaVersion", "station", "replaced", …}.`

export const backupCommand = withHelp(BACKUP_USAGE, async (args) => {
  const { values, positionals } = parseFlags({ args, allowPositionals: true, options: { data: { type: 'string' }, out: { type: 'string' } } })
  if (positionals.length) throw new UsageError(`backup takes no '${positionals[0]}'; name the file with --out FILE`)
  const out = requiredFlag('backup', 'out', values.out)
  if (out.trim() === '') throw new UsageError('--out must name a file')
  const dataDir = dataDirFlag(values.data)
  const { backupStation } = await import('../core/backup/station-backup')
  printJson(await backupStation(join(dataDir, DATABASE_FILE), resolve(out)))
})

export const restoreCommand = withHelp(RESTORE_USAGE, async (args) => {
  const { values } = parseFlags({ args, options: { data: { type: 'string' }, from: { type: 'string' }, check: { type: 'boolean' } } })
  const from = resolve(requiredFlag('restore', 'from', values.from))
  const { checkBackup, restoreStation } = await import('../core/backup/station-restore')
  if (values.check) return printJson(checkBackup(from))
  const dataDir = dataDirFlag(values.data)
  await assertNoRunningStation(dataDir, 'restore')
  printJson(restoreStation(dataDir, from))
})
