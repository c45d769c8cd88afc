/**
 * A restore asked for while the station runs: its database is open, so the backup is checked and copied into the
 * data folder now (restore/pending.db) and put in place at the next start, before the database is opened, exactly
 * as blo restore would (checked again, the replaced database kept in backups/). What the start did is kept in
 * restore/last-restore.json for the Maintenance screen and recorded in the audit trail.
 */
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { LastRestore } from '../../../preload/api'
import { readSidecar, sidecarPathFor } from './backup-file'
import { copyHashing } from './hashed-copy'
import type { StepProgress } from './station-backup'
import { assertIsFile, checkAgainstSidecar, checkBackup, swapInDatabase, type CheckedBackup } from './station-restore'
import {
  discardStagedRestore,
  readLastRestore,
  readStagedMarker,
  restorePaths,
  writeJsonFile,
  type LastRestoreFile,
  type StagedMarker
} from './staged-restore-files'

export interface StageRestoreOptions {
  stagedBy: string
  now?: () => Date
  nativeBinding?: string
  onProgress?: StepProgress
}

export interface StagedRestore {
  marker: StagedMarker
  checked: CheckedBackup
}

/**
 * Checks the backup `from` while copying it into the data folder; only a copy that passes every check replaces a
 * restore staged before. A refused file (BackupRefusedError) leaves everything as it was.
 */
export async function stageRestore(dataDir: string, from: string, options: StageRestoreOptions): Promise<StagedRestore> {
  assertIsFile(from)
  const sidecar = readSidecar(from)
  const size = statSync(from).size
  const paths = restorePaths(dataDir)
  mkdirSync(paths.dir, { recursive: true })
  const incoming = join(paths.dir, 'incoming.db')
  rmSync(incoming, { force: true })
  const progress = options.onProgress
  try {
    const digest = await copyHashing(from, incoming, progress && ((done) => progress('copy', done, size)))
    progress?.('check', 0, 0)
    const checked = checkAgainstSidecar(incoming, sidecar, digest, options.nativeBinding)
    discardStagedRestore(dataDir)
    renameSync(incoming, paths.db)
    writeJsonFile(sidecarPathFor(paths.db), sidecar)
    const marker: StagedMarker = { format: 'blo-staged-restore', from, stagedAt: (options.now ?? (() => new Date()))().toISOString(), stagedBy: options.stagedBy }
    writeJsonFile(paths.marker, marker)
    return { marker, checked: { ...checked, file: from } }
  } finally {
    rmSync(incoming, { force: true })
  }
}

export interface ApplyOptions {
  now?: () => Date
  nativeBinding?: string
}

/**
 * Called with the data folder's lock held and before the database is opened: puts a staged restore in place, or,
 * when its copy no longer passes the checks, leaves the database as it is. Either way the staged restore is done
 * with; returns what happened, or null when none was staged.
 */
export function applyStagedRestore(dataDir: string, options: ApplyOptions = {}): LastRestore | null {
  const paths = restorePaths(dataDir)
  const marker = readStagedMarker(dataDir)
  if (!marker) {
    // Nothing staged; a marker that cannot be read, or a copy without its marker, is a staging that never finished.
    discardStagedRestore(dataDir)
    return null
  }
  const previous = readLastRestore(dataDir)
  if (previous?.stagedAt === marker.stagedAt) {
    // This one was applied by a start that ended before it could remove the marker.
    discardStagedRestore(dataDir)
    return null
  }
  const at = (options.now ?? (() => new Date()))()
  let outcome: LastRestoreFile
  try {
    checkBackup(paths.db, paths.db, options.nativeBinding)
    const replaced = swapInDatabase(dataDir, paths.db, at, options.nativeBinding)
    outcome = { status: 'applied', at: at.toISOString(), from: marker.from, stagedBy: marker.stagedBy, stagedAt: marker.stagedAt, replaced, message: null }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    outcome = { status: 'failed', at: at.toISOString(), from: marker.from, stagedBy: marker.stagedBy, stagedAt: marker.stagedAt, replaced: null, message }
  }
  writeJsonFile(paths.last, outcome)
  discardStagedRestore(dataDir)
  return outcome
}
