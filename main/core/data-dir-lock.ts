import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { openSqliteFile } from './db/sqlite-addon'

/**
 * One process owns a data folder at a time: a second writer behind the station's back would break
 * the guarantees the case log gives.
 *
 * Ownership is an operating-system file lock, held for the life of the process: the OS drops it when the
 * process ends in any way, a power cut included. A pid in a file cannot do that — after a reboot the pid of
 * the last owner may belong to some unrelated process. Node has no file-lock call of its own, so the lock is
 * SQLite's (fcntl on Linux, LockFileEx on Windows): a tiny database held in exclusive locking mode.
 *
 * The JSON lock file only describes the owner — its pid, and once the station host listens, how a local tool
 * (the CLI) may reach its API — and is believed only while the OS lock is held.
 */
export const LOCK_FILE = 'station.lock'
export const OWNER_LOCK_FILE = 'station.owner'

export interface LockInfo {
  pid: number
  startedAt: string
  /** Set by the station host once it listens: where and how a local tool may call the API. */
  url?: string
  token?: string
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo
  ) {
    super(
      `The data folder ${dataDir} is in use by another BLO Station process${Number.isInteger(holder.pid) ? ` (pid ${holder.pid})` : ''}. ` +
        (holder.url ? 'Use that running station, or stop it first.' : 'Close it first.')
    )
    this.name = 'DataDirBusyError'
  }
}

export interface LockOptions {
  /** The better-sqlite3 addon for this runtime (the desktop app's own build). */
  nativeBinding?: string
}

/** Long enough to ride out another tool's momentary look at the lock, short enough that a refusal is prompt. */
const ACQUIRE_WAIT_MS = 500
/** How long the owner may take between taking the OS lock and describing itself in the lock file. */
const DESCRIBE_GRACE_MS = 2000

const pause = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

const isBusy = (error: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test((error as { code?: string }).code ?? '')

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as LockInfo
    return Number.isInteger(info.pid) ? info : null
  } catch {
    return null
  }
}

/** The OS lock on the folder, or null when another live process holds it. */
function takeOwnerLock(dataDir: string, options: LockOptions): Database.Database | null {
  const db = openSqliteFile(join(dataDir, OWNER_LOCK_FILE), {
    timeout: ACQUIRE_WAIT_MS,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  })
  try {
    db.pragma('locking_mode = EXCLUSIVE')
    db.pragma('journal_mode = MEMORY')
    // The first write takes the exclusive lock, and in exclusive locking mode it is kept until close.
    db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS owner (pid INTEGER); DELETE FROM owner;')
    db.prepare('INSERT INTO owner (pid) VALUES (?)').run(process.pid)
    db.exec('COMMIT')
    return db
  } catch (error) {
    db.close()
    if (isBusy(error)) return null
    throw error
  }
}

/** Whether some process holds the folder's OS lock right now (looked at without taking it). */
function ownerLockHeld(dataDir: string): boolean {
  const file = join(dataDir, OWNER_LOCK_FILE)
  let db: Database.Database
  try {
    db = openSqliteFile(file, { readonly: true, fileMustExist: true, timeout: 0 })
  } catch {
    return false // never locked here
  }
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    return false
  } catch (error) {
    if (isBusy(error)) return true
    throw error
  } finally {
    db.close()
  }
}

/** The live process holding the folder, if any: a lock file left by a dead process does not count. */
export function readRunningStation(dataDir: string): LockInfo | null {
  const info = readLock(join(dataDir, LOCK_FILE))
  return info && info.pid !== process.pid && ownerLockHeld(dataDir) ? info : null
}

/** What the live owner says about itself; it may have the OS lock a moment before it has written the file. */
function describeOwner(file: string): LockInfo {
  const deadline = Date.now() + DESCRIBE_GRACE_MS
  for (;;) {
    const info = readLock(file)
    if (info && info.pid !== process.pid) return info
    if (Date.now() > deadline) return { pid: info?.pid ?? Number.NaN, startedAt: info?.startedAt ?? '' }
    pause(50)
  }
}

function writeAtomically(file: string, info: LockInfo): void {
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(info), { mode: 0o600 })
  renameSync(tmp, file)
}

export interface DataDirLock {
  /** Publish the local API endpoint for other tools; the file is private to the user. */
  advertise(endpoint: { url: string; token: string }): void
  release(): void
}

export function lockDataDir(dataDir: string, options: LockOptions = {}): DataDirLock {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, LOCK_FILE)
  const owner = takeOwnerLock(dataDir, options)
  if (!owner) throw new DataDirBusyError(dataDir, describeOwner(file))
  // Whatever the lock file says now was written by an owner that is gone.
  const info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() }
  try {
    writeAtomically(file, info)
  } catch (error) {
    owner.close()
    throw error
  }
  let released = false
  return {
    advertise(endpoint) {
      writeAtomically(file, { ...info, ...endpoint })
    },
    release() {
      if (released) return
      released = true
      if (readLock(file)?.pid === process.pid) rmSync(file, { force: true })
      owner.close()
    }
  }
}

