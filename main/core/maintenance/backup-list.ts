/** The backups in a folder, newest first, as their sidecars describe them (listing does not re-check them). */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { BackupEntry } from '../../../preload/api'
import { readSidecar, SIDECAR_SUFFIX } from '../backup/backup-file'

export const MAX_LISTED_BACKUPS = 20

function entryFor(file: string): BackupEntry | null {
  try {
    if (!statSync(file).isFile()) return null
    const sidecar = readSidecar(file)
    return {
      file,
      name: sidecar.file,
      bytes: sidecar.bytes,
      createdAt: sidecar.createdAt,
      reason: sidecar.reason,
      schemaVersion: sidecar.schemaVersion,
      station: sidecar.station
    }
  } catch {
    // A sidecar without its file, or one that is not a sidecar: not a backup to offer.
    return null
  }
}

export function listBackups(folder: string): BackupEntry[] {
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return []
  }
  return names
    .filter((name) => name.endsWith(SIDECAR_SUFFIX))
    .map((name) => entryFor(join(folder, name.slice(0, -SIDECAR_SUFFIX.length))))
    .filter((entry): entry is BackupEntry => entry !== null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, MAX_LISTED_BACKUPS)
}
