/**
 * Where a restore waits for the next start: <data folder>/restore/. pending.db is the checked copy of the backup,
 * pending.db.backup.json its sidecar, and pending.json (written last, removed first) says a restore is staged, from
 * which file and by whom. last-restore.json says what the last start did with one.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { LastRestore } from '../../../preload/api'
import { sidecarPathFor } from './backup-file'

export const RESTORE_DIR = 'restore'

export interface RestorePaths {
  dir: string
  /** The checked copy, waiting. */
  db: string
  /** Present only while a restore is staged: the commit point of staging. */
  marker: string
  last: string
}

export function restorePaths(dataDir: string): RestorePaths {
  const dir = join(dataDir, RESTORE_DIR)
  return { dir, db: join(dir, 'pending.db'), marker: join(dir, 'pending.json'), last: join(dir, 'last-restore.json') }
}

export const StagedMarker = z.object({
  format: z.literal('blo-staged-restore'),
  from: z.string(),
  stagedAt: z.string(),
  stagedBy: z.string()
})
export type StagedMarker = z.infer<typeof StagedMarker>

/** What the last start did; stagedAt tells a start that finds the same marker again that it was already handled. */
export const LastRestoreFile = LastRestore.extend({ stagedAt: z.string() })
export type LastRestoreFile = z.infer<typeof LastRestoreFile>

/** Written through a temporary name and renamed: a reader sees the old file or the new one, never half of one. */
export function writeJsonFile(file: string, value: unknown): void {
  const temp = `${file}.partial`
  writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600, flush: true })
  renameSync(temp, file)
}

function readJsonFile<T>(file: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** The staged restore's marker, or null when none is staged (or its marker is unreadable). */
export const readStagedMarker = (dataDir: string): StagedMarker | null => readJsonFile(restorePaths(dataDir).marker, StagedMarker)

export const readLastRestore = (dataDir: string): LastRestoreFile | null => readJsonFile(restorePaths(dataDir).last, LastRestoreFile)

/** Removes a staged restore (marker first, so a crash halfway never leaves a marker without its file); true if one was there. */
export function discardStagedRestore(dataDir: string): boolean {
  const paths = restorePaths(dataDir)
  const staged = existsSync(paths.marker)
  rmSync(paths.marker, { force: true })
  rmSync(paths.db, { force: true })
  rmSync(sidecarPathFor(paths.db), { force: true })
  return staged
}
