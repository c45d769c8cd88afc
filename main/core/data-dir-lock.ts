import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'

/**
 * One process owns a data folder at a time: a second writer behind the station's back would break
 * the guarantees the case log gives. The lock file also tells other local tools (the CLI) how to reach
 * the running station, so they can go through it instead of opening the database themselves.
 */
export const LOCK_FILE = 'station.lock'

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
      `The data folder ${dataDir} is in use by another BLO Station process (pid ${holder.pid}). ` +
        (holder.url ? 'Use that running station, or stop it first.' : 'Close it first.')
    )
    this.name = 'DataDirBusyError'
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as LockInfo
    return Number.isInteger(info.pid) ? info : null
  } catch {
    return null
  }
}

/** The live process holding the folder, if any (a lock left by a dead process does not count). */
export function readRunningStation(dataDir: string): LockInfo | null {
  const info = readLock(join(dataDir, LOCK_FILE))
  return info && info.pid !== process.pid && isAlive(info.pid) ? info : null
}

/** How long an unreadable lock may be a holder still writing it (created, not yet filled) before it counts as left behind. */
const LOCK_WRITE_GRACE_MS = 2000

const pause = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/** The holder of an existing lock; waits out a lock just created by another process and not yet written. */
function settledHolder(file: string): LockInfo | null {
  for (;;) {
    const holder = readLock(file)
    if (holder) return holder
    let age: number
    try {
      age = Date.now() - statSync(file).mtimeMs
    } catch {
      return null // gone meanwhile
    }
    if (age > LOCK_WRITE_GRACE_MS) return null
    pause(50)
  }
}

export interface DataDirLock {
  /** Publish the local API endpoint for other tools; the file is private to the user. */
  advertise(endpoint: { url: string; token: string }): void
  release(): void
}

export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, LOCK_FILE)
  const info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() }
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600)
      writeSync(fd, JSON.stringify(info))
      closeSync(fd)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error
      const holder = settledHolder(file)
      if (holder && isAlive(holder.pid)) throw new DataDirBusyError(dataDir, holder)
      rmSync(file, { force: true }) // left behind by a crash
    }
  }
  let released = false
  return {
    advertise(endpoint) {
      const tmp = `${file}.${process.pid}.tmp`
      writeFileSync(tmp, JSON.stringify({ ...info, ...endpoint }), { mode: 0o600 })
      renameSync(tmp, file)
    },
    release() {
      if (released) return
      released = true
      if (readLock(file)?.pid === process.pid) rmSync(file, { force: true })
    }
  }
}
