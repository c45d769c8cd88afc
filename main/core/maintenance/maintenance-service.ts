/**
 * The administrator's maintenance of a running station: verified backups, a restore staged for the next start,
 * offline updates checked and (in the desktop app) installed. One job at a time: each reads or writes files as big
 * as the database or an installer, in chunks, so the station keeps serving meanwhile; progress goes out as
 * maintenance:progress events. Every act is recorded in the audit trail by the caller's name.
 */
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { basename, isAbsolute, join } from 'node:path'
import type {
  BackupCheck,
  BackupDescription,
  BackupList,
  BackupResult,
  InstallPreview,
  InstallResult,
  MaintenanceProgress,
  MaintenanceStatus,
  PendingRestore,
  StageRestoreResult,
  UpdateCheck
} from '../../../preload/api'
import { ApiError } from '../api/api-error'
import { APP_VERSION } from '../app-version'
import type { AuditLog } from '../audit/audit-log'
import { BackupRefusedError, fileStamp, readSidecar, type BackedUpStation, type BackupSidecar } from '../backup/backup-file'
import { BACKUPS_DIR } from '../backup/migration-backup'
import { BackupCancelledError, backupStation, type StepProgress } from '../backup/station-backup'
import { checkBackupStreaming } from '../backup/station-restore'
import { stageRestore } from '../backup/staged-restore'
import { discardStagedRestore, readLastRestore, readStagedMarker, restorePaths } from '../backup/staged-restore-files'
import type { CallContext } from '../users/connection'
import { installPlan, type InstallFacts, type InstallPlan, type RunnablePlan } from '../update/install-plan'
import { UPDATES_DIR, stageUpdate } from '../update/update-staging'
import { UpdateRefusedError, verifyUpdateStreaming } from '../update/update-signature'
import { listBackups } from './backup-list'
import { throttledProgress } from './progress'

/** What the desktop shell lends the station so it can install updates; the station host has none. */
export interface UpdateInstaller {
  /** The facts of the running app an install plan depends on. */
  facts(): InstallFacts
  /**
   * Carries the plan out; resolves once the installer runs (for apt-get: once it has finished), before the app
   * quits or restarts, so the screen still gets its answer. Rejects with a sentence saying what went wrong.
   */
  run(plan: RunnablePlan): Promise<void>
}

export interface MaintenanceOptions {
  dataDir: string
  dbFile: string
  nativeBinding?: string
  /** The publisher keys an update must be signed by (the built-in ones; tests pass their own). */
  publisherKeys: readonly string[]
  installer?: UpdateInstaller
  /** This station's ID, to tell a backup of this station from one of another. */
  stationId: Promise<string>
  audit: AuditLog
  onProgress: (progress: MaintenanceProgress) => void
}

interface Job {
  id: string
  abort: AbortController
}

const STAGED_UPDATE_NAME = /^[^\\/\0]+$/

function folderProblem(message: string): ApiError {
  return new ApiError('invalid_input', `Invalid backup folder — folder: ${message}`, [{ path: 'folder', message }])
}

const FILE_SYSTEM_REFUSALS: Record<string, string> = {
  ENOSPC: 'there is not enough free space',
  EACCES: 'this account may not write there',
  EPERM: 'this account may not write there',
  EROFS: 'it is read-only'
}

export class MaintenanceService {
  private job: Job | null = null
  private closed = false

  constructor(private readonly options: MaintenanceOptions) {}

  private get backupsFolder(): string {
    return join(this.options.dataDir, BACKUPS_DIR)
  }

  private get updatesFolder(): string {
    return join(this.options.dataDir, UPDATES_DIR)
  }

  async status(): Promise<MaintenanceStatus> {
    const last = readLastRestore(this.options.dataDir)
    return {
      dataDir: this.options.dataDir,
      backupsFolder: this.backupsFolder,
      installedVersion: APP_VERSION,
      pendingRestore: await this.pendingRestore(),
      lastRestore: last && { status: last.status, at: last.at, from: last.from, stagedBy: last.stagedBy, replaced: last.replaced, message: last.message },
      canInstall: this.options.installer !== undefined
    }
  }

  backups(): BackupList {
    return { folder: this.backupsFolder, backups: listBackups(this.backupsFolder) }
  }

  async backup(input: { id?: string; folder?: string }, ctx: CallContext): Promise<BackupResult> {
    const folder = input.folder ?? this.backupsFolder
    if (input.folder === undefined) mkdirSync(folder, { recursive: true })
    else assertFolder(input.folder)
    return this.exclusive(input.id, async (job, progress) => {
      const at = ctx.now()
      const out = join(folder, `station-backup-${fileStamp(at)}.db`)
      try {
        const made = await backupStation(this.options.dbFile, out, {
          now: () => at,
          nativeBinding: this.options.nativeBinding,
          onProgress: progress,
          signal: job.abort.signal
        })
        const { bytes, sha256, schemaVersion, createdAt } = made.backup
        this.options.audit.record({
          actor: ctx.user,
          action: 'maintenance.backup',
          target: { type: 'backup', id: made.file, label: basename(made.file) },
          detail: { file: made.file, bytes, sha256, schemaVersion }
        })
        return { status: 'done', id: job.id, file: made.file, sidecar: made.sidecar, bytes, sha256, createdAt, schemaVersion, verified: true }
      } catch (error) {
        if (error instanceof BackupCancelledError) return { status: 'cancelled', id: job.id }
        const refusal = FILE_SYSTEM_REFUSALS[(error as NodeJS.ErrnoException).code ?? '']
        if (refusal) throw folderProblem(`cannot write the backup in ${folder}: ${refusal}`)
        if (error instanceof BackupRefusedError && (error.code === 'exists' || error.code === 'no-folder')) throw folderProblem(error.message)
        throw error
      }
    })
  }

  cancel(id: string): boolean {
    if (this.job?.id !== id) return false
    this.job.abort.abort()
    return true
  }

  async checkBackup(input: { id?: string; path: string }): Promise<BackupCheck> {
    assertAbsolute(input.path)
    return this.exclusive(input.id, async (_job, progress) => {
      try {
        const checked = await checkBackupStreaming(input.path, { nativeBinding: this.options.nativeBinding, onProgress: progress })
        return { status: 'ok', backup: await this.describe(input.path, checked.backup, checked.station) }
      } catch (error) {
        if (error instanceof BackupRefusedError) return { status: 'refused', reason: error.code, message: error.message }
        throw error
      }
    })
  }

  async stageRestore(input: { id?: string; path: string }, ctx: CallContext): Promise<StageRestoreResult> {
    assertAbsolute(input.path)
    return this.exclusive(input.id, async (_job, progress) => {
      try {
        const staged = await stageRestore(this.options.dataDir, input.path, {
          stagedBy: ctx.user,
          now: ctx.now,
          nativeBinding: this.options.nativeBinding,
          onProgress: progress
        })
        const backup = await this.describe(input.path, staged.checked.backup, staged.checked.station)
        this.options.audit.record({
          actor: ctx.user,
          action: 'maintenance.restore_staged',
          target: { type: 'backup', id: input.path, label: basename(input.path) },
          detail: { from: input.path, sha256: backup.sha256, createdAt: backup.createdAt, schemaVersion: backup.schemaVersion, station: backup.station }
        })
        const { from, stagedAt, stagedBy } = staged.marker
        return { status: 'staged', pending: { from, stagedAt, stagedBy, backup } }
      } catch (error) {
        if (!(error instanceof BackupRefusedError)) throw error
        this.options.audit.record({
          actor: ctx.user,
          action: 'maintenance.restore_refused',
          target: { type: 'backup', id: input.path, label: basename(input.path) },
          detail: { from: input.path, reason: error.code, message: error.message }
        })
        return { status: 'refused', reason: error.code, message: error.message }
      }
    })
  }

  cancelRestore(ctx: CallContext): { cancelled: boolean } {
    const marker = readStagedMarker(this.options.dataDir)
    const cancelled = discardStagedRestore(this.options.dataDir)
    if (cancelled) {
      this.options.audit.record({
        actor: ctx.user,
        action: 'maintenance.restore_cancelled',
        target: marker && { type: 'backup', id: marker.from, label: basename(marker.from) },
        detail: { from: marker?.from ?? null, stagedBy: marker?.stagedBy ?? null }
      })
    }
    return { cancelled }
  }

  async verifyUpdate(input: { id?: string; path: string }, ctx: CallContext): Promise<UpdateCheck> {
    assertAbsolute(input.path)
    return this.exclusive(input.id, async (_job, progress) => {
      try {
        // Only the latest checked update is kept: installers are large.
        rmSync(this.updatesFolder, { recursive: true, force: true })
        const verified = await stageUpdate(input.path, this.updatesFolder, this.options.publisherKeys, { onProgress: progress })
        const { version, platform, bytes, sha256, keyId, signedAt, installedVersion } = verified
        this.options.audit.record({
          actor: ctx.user,
          action: 'maintenance.update_verified',
          target: { type: 'update', id: version, label: basename(input.path) },
          detail: { from: input.path, version, platform, bytes, sha256, keyId }
        })
        const file = basename(verified.file)
        return { status: 'verified', file, path: verified.file, version, platform, bytes, sha256, keyId, signedAt, installedVersion, install: this.preview(verified.file) }
      } catch (error) {
        if (!(error instanceof UpdateRefusedError)) throw error
        this.options.audit.record({
          actor: ctx.user,
          action: 'maintenance.update_refused',
          target: { type: 'update', id: input.path, label: basename(input.path) },
          detail: { from: input.path, reason: error.code, message: error.message }
        })
        return { status: 'refused', reason: error.code, message: error.message }
      }
    })
  }

  async installUpdate(input: { file: string }, ctx: CallContext): Promise<InstallResult> {
    const installer = this.options.installer
    if (!installer) {
      throw new ApiError(
        'unavailable',
        'Install updates on the desktop app: the station host only checks update files. Stop the station host, start the BLO Station desktop app and install the update from its Maintenance screen.'
      )
    }
    if (!STAGED_UPDATE_NAME.test(input.file)) throw new ApiError('invalid_input', 'file: the name of a checked update, without a folder')
    const staged = join(this.updatesFolder, input.file)
    if (!existsSync(staged)) throw new ApiError('not_found', `No checked update named ${input.file}: check the update file again.`)
    return this.exclusive(undefined, async (_job, progress) => {
      let version: string
      try {
        // Checked again just before it runs: what runs is what was checked.
        const size = statSync(staged).size
        const verified = await verifyUpdateStreaming(staged, this.options.publisherKeys, APP_VERSION, (done) => progress('hash', done, size))
        if (!verified.newer || !verified.forThisSystem) throw new UpdateRefusedError(staged, 'is no longer newer than the installed version, or not for this system', 'not-newer')
        version = verified.version
      } catch (error) {
        if (error instanceof UpdateRefusedError) throw new ApiError('conflict', `${error.message}. Check the update file again.`)
        throw error
      }
      const plan = installPlan(staged, installer.facts())
      if (plan.method === 'manual') return { status: 'manual', reason: plan.reason, command: plan.command }
      try {
        await installer.run(plan)
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        this.recordInstall(ctx, input.file, version, plan, { outcome: 'failed', message })
        return { status: 'failed', message }
      }
      this.recordInstall(ctx, input.file, version, plan, { outcome: 'started' })
      return { status: 'started', then: plan.then, version }
    })
  }

  /** A running backup stops at its next step and removes its partial file. */
  close(): void {
    this.closed = true
    this.job?.abort.abort()
  }

  private recordInstall(ctx: CallContext, file: string, version: string, plan: RunnablePlan, detail: Record<string, unknown>): void {
    this.options.audit.record({
      actor: ctx.user,
      action: 'maintenance.update_install',
      target: { type: 'update', id: version, label: file },
      detail: { file, version, method: plan.method, ...detail }
    })
  }

  private preview(stagedFile: string): InstallPreview {
    if (!this.options.installer) return { method: 'desktop-only', reason: null, command: null }
    const plan: InstallPlan = installPlan(stagedFile, this.options.installer.facts())
    return plan.method === 'manual' ? { method: 'manual', reason: plan.reason, command: plan.command } : { method: plan.method, reason: null, command: null }
  }

  private async pendingRestore(): Promise<PendingRestore | null> {
    const marker = readStagedMarker(this.options.dataDir)
    if (!marker) return null
    let sidecar: BackupSidecar
    try {
      sidecar = readSidecar(restorePaths(this.options.dataDir).db)
    } catch {
      return null
    }
    return { from: marker.from, stagedAt: marker.stagedAt, stagedBy: marker.stagedBy, backup: await this.describe(marker.from, sidecar, sidecar.station) }
  }

  /** station: who the backup's database says it belongs to (the sidecar's claim only where the database is not read). */
  private async describe(file: string, sidecar: BackupSidecar, station: BackedUpStation | null): Promise<BackupDescription> {
    const own = await this.options.stationId.catch(() => null)
    const sameStation = station?.stationId && own ? station.stationId === own : null
    const { bytes, sha256, createdAt, appVersion, schemaVersion, reason } = sidecar
    return { file, bytes, sha256, createdAt, appVersion, schemaVersion, reason, station, sameStation }
  }

  private async exclusive<T>(id: string | undefined, work: (job: Job, progress: StepProgress) => Promise<T>): Promise<T> {
    if (this.closed) throw new ApiError('unavailable', 'The station is closing.')
    if (this.job) throw new ApiError('conflict', 'Another maintenance task (a backup, a check or an update) is still running: wait for it to finish.')
    const job: Job = { id: id ?? randomUUID(), abort: new AbortController() }
    this.job = job
    try {
      return await work(job, throttledProgress(job.id, this.options.onProgress))
    } finally {
      this.job = null
    }
  }
}

function assertAbsolute(path: string): void {
  if (!isAbsolute(path)) {
    const message = 'give the full path of the file on this computer'
    throw new ApiError('invalid_input', `Invalid file — path: ${message}`, [{ path: 'path', message }])
  }
}

function assertFolder(folder: string): void {
  if (!isAbsolute(folder)) throw folderProblem('give the full path of a folder on this computer')
  let isFolder = false
  try {
    isFolder = statSync(folder).isDirectory()
  } catch {
    throw folderProblem(`${folder} does not exist (is the USB stick plugged in?)`)
  }
  if (!isFolder) throw folderProblem(`${folder} is a file, not a folder`)
}
