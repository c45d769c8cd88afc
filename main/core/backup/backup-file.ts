/**
 * A station backup is one self-contained SQLite file (no -wal beside it) plus a small JSON sidecar (FILE.backup.json)
 * with its size and SHA-256, so a copy damaged on the way (a failing USB stick) is caught before it replaces anything.
 * The backup holds the station's private key: whoever has the file can act as the station. Kept private to the user.
 */
import { closeSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import type { Database } from 'better-sqlite3'
import { z } from 'zod'
import type { BackupRefusal } from '../../../preload/api'
import { BLO_APPLICATION_ID } from '../db/application-id'
import { openSqliteFile, SqliteAddonError } from '../db/sqlite-addon'
import { readStationMeta } from '../station-meta'

export const SIDECAR_SUFFIX = '.backup.json'
const MAX_SIDECAR_BYTES = 64 * 1024

export const BackedUpStation = z.object({
  name: z.string(),
  country: z.string(),
  crossing: z.string(),
  stationId: z.string().nullable()
})
export type BackedUpStation = z.infer<typeof BackedUpStation>

export const BackupSidecar = z.object({
  format: z.literal('blo-station-backup'),
  formatVersion: z.literal(1),
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 hex digits'),
  schemaVersion: z.number().int().positive(),
  createdAt: z.string(),
  appVersion: z.string(),
  /** manual: blo backup; before-migration: taken by the station itself before it upgraded the schema. */
  reason: z.enum(['manual', 'before-migration']),
  station: BackedUpStation.nullable()
})
export type BackupSidecar = z.infer<typeof BackupSidecar>

/** A backup that must not be used (or cannot be made), with the reason as a code the screens translate. */
export class BackupRefusedError extends Error {
  constructor(
    readonly file: string,
    reason: string,
    readonly code: BackupRefusal
  ) {
    super(`${file}: ${reason}`)
    this.name = 'BackupRefusedError'
  }
}

export const sidecarPathFor = (file: string): string => `${file}${SIDECAR_SUFFIX}`

/** A file name part that sorts by time and is valid on Windows too: 2026-01-15T08-30-00.123Z */
export const fileStamp = (at: Date): string => at.toISOString().replace(/:/g, '-')

export function sha256FileSync(file: string): string {
  const hash = createHash('sha256')
  const chunk = Buffer.alloc(1024 * 1024)
  const fd = openSync(file, 'r')
  try {
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) hash.update(chunk.subarray(0, read))
  } finally {
    closeSync(fd)
  }
  return hash.digest('hex')
}

/** Who the database belongs to: the identity set at init and, once it has keys, the station ID. */
export function describeStation(db: Database): BackedUpStation | null {
  const has = (table: string): boolean => db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) !== undefined
  const meta = has('meta') ? readStationMeta(db) : null
  if (!meta) return null
  const identity = has('station_identity')
    ? (db.prepare('SELECT station_id AS stationId FROM station_identity').get() as { stationId: string } | undefined)
    : undefined
  return { ...meta, stationId: identity?.stationId ?? null }
}

export interface InspectedBackup {
  schemaVersion: number
  station: BackedUpStation | null
}

/**
 * Opens a backup read-only and checks everything a restore relies on: a SQLite file of ours, not from a newer
 * BLO Station, that passes SQLite's full integrity check.
 */
export function inspectBackupFile(file: string, latestSchema: number, nativeBinding?: string): InspectedBackup {
  let db: Database
  try {
    db = openSqliteFile(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  } catch (error) {
    if (error instanceof SqliteAddonError) throw error
    throw new BackupRefusedError(file, `cannot be opened (${(error as Error).message})`, 'unreadable')
  }
  try {
    const appId = db.pragma('application_id', { simple: true }) as number
    if (appId !== BLO_APPLICATION_ID) throw new BackupRefusedError(file, 'is not a BLO Station database', 'not-blo')
    const schemaVersion = db.pragma('user_version', { simple: true }) as number
    if (schemaVersion > latestSchema) {
      throw new BackupRefusedError(file, `was made by a newer BLO Station (schema ${schemaVersion}, this one knows ${latestSchema}); install the newer version first`, 'newer')
    }
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check)
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new BackupRefusedError(file, `fails SQLite's integrity check (${problems.slice(0, 3).join('; ')})`, 'damaged')
    }
    return { schemaVersion, station: describeStation(db) }
  } catch (error) {
    if (error instanceof BackupRefusedError) throw error
    throw new BackupRefusedError(file, `is damaged or not a SQLite database (${(error as Error).message})`, 'damaged')
  } finally {
    db.close()
  }
}

/** Written next to the backup through a temporary name, so a half-written sidecar is never read as a real one. */
export function writeSidecar(file: string, content: Omit<BackupSidecar, 'format' | 'formatVersion' | 'file'>): BackupSidecar {
  const sidecar: BackupSidecar = { format: 'blo-station-backup', formatVersion: 1, file: basename(file), ...content }
  const target = sidecarPathFor(file)
  const tmp = `${target}.partial`
  writeFileSync(tmp, `${JSON.stringify(sidecar, null, 2)}\n`, { mode: 0o600 })
  renameSync(tmp, target)
  return sidecar
}

export function readSidecar(file: string): BackupSidecar {
  const path = sidecarPathFor(file)
  let text: string
  try {
    if (statSync(path).size > MAX_SIDECAR_BYTES) throw new BackupRefusedError(file, `${basename(path)} is too large to be a backup sidecar`, 'bad-sidecar')
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if (error instanceof BackupRefusedError) throw error
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new BackupRefusedError(file, `has no ${basename(path)} beside it, so it cannot be checked; copy the backup together with its .backup.json`, 'no-sidecar')
    }
    throw new BackupRefusedError(file, `its sidecar cannot be read (${(error as Error).message})`, 'unreadable')
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new BackupRefusedError(file, `${basename(path)} is not valid JSON (damaged or edited)`, 'bad-sidecar')
  }
  const parsed = BackupSidecar.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new BackupRefusedError(file, `${basename(path)} is malformed: ${issue.path.map(String).join('.') || 'sidecar'}: ${issue.message}`, 'bad-sidecar')
  }
  return parsed.data
}

export interface FileDigest {
  bytes: number
  sha256: string
}

/** The file (whose size and SHA-256 are digest) is byte for byte what the sidecar describes. */
export function assertMatchesSidecar(file: string, sidecar: BackupSidecar, digest: FileDigest = digestFileSync(file)): void {
  if (digest.bytes !== sidecar.bytes) {
    throw new BackupRefusedError(file, `is ${digest.bytes} bytes but its sidecar says ${sidecar.bytes}: the copy is incomplete or damaged`, 'incomplete')
  }
  if (digest.sha256 !== sidecar.sha256) {
    throw new BackupRefusedError(file, `does not match the SHA-256 in its sidecar: the copy is damaged or was changed`, 'changed')
  }
}

export const digestFileSync = (file: string): FileDigest => ({ bytes: statSync(file).size, sha256: sha256FileSync(file) })
