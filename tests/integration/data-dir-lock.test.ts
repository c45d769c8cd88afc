/**
 * One process per data folder, between real processes: a second station host on a folder in use is refused with
 * a message naming the holder; two started at once end with exactly one running; a lock left by a killed
 * process, or naming a pid that now belongs to another process, does not keep the folder locked.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DataDirBusyError, LOCK_FILE, lockDataDir, readRunningStation } from '../../main/core/data-dir-lock'
import { startHost, stopAllHosts, type RunningHost } from '../helpers/built-programs'
import { useTempDirs } from '../helpers/temp-dir'

const tempDir = useTempDirs()
afterEach(stopAllHosts)

const busy = (dir: string, pid: number) =>
  new RegExp(`station exited with 1 before it was ready; stderr: station: The data folder ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by another BLO Station process \\(pid ${pid}\\)\\. (Use that running station, or stop it first|Close it first)\\.`)

describe('data folder lock between processes', () => {
  it('refuses a second station host on a folder in use, naming the running one', async () => {
    const dir = tempDir()
    const first = await startHost(['--data', dir])
    // The first host has published its address by now, so the message points to it.
    await expect(startHost(['--data', dir])).rejects.toThrow(/Use that running station, or stop it first\./)
    await expect(startHost(['--data', dir])).rejects.toThrow(busy(dir, first.child.pid!))
    // The refused process left the holder's lock alone: it still advertises the first host.
    const lock = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as { pid: number; url: string }
    expect(lock.pid).toBe(first.child.pid)
    expect(lock.url).toBe(first.origin)
    expect(await first.stop()).toBe(0)
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
  })

  it('lets exactly one of two hosts started at the same moment have the folder', async () => {
    const dir = tempDir()
    const outcomes = await Promise.allSettled([startHost(['--data', dir]), startHost(['--data', dir])])
    const running = outcomes.filter((o): o is PromiseFulfilledResult<RunningHost> => o.status === 'fulfilled')
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')
    expect(running).toHaveLength(1)
    expect(refused).toHaveLength(1)
    expect(String(refused[0].reason)).toMatch(busy(dir, running[0].value.child.pid!))
  })

  it('takes over a lock left behind by a process that was killed', async () => {
    const dir = tempDir()
    const first = await startHost(['--data', dir])
    first.child.kill('SIGKILL')
    await new Promise((resolve) => first.child.once('exit', resolve))
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(first.child.pid)
    const second = await startHost(['--data', dir])
    expect(second.ready.data).toBe(dir)
    expect(await second.stop()).toBe(0)
  })

  it('takes over a lock file naming a live process that is not a station (pid reused after a power cut)', async () => {
    const dir = tempDir()
    // After a reboot the pid in the old lock file may belong to anything; here: a live process that holds nothing.
    const stranger = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'])
    try {
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: stranger.pid, startedAt: '2026-01-01T00:00:00.000Z', url: 'http://127.0.0.1:9', token: 'x' }))
      expect(readRunningStation(dir)).toBeNull()
      const host = await startHost(['--data', dir])
      expect(host.ready.data).toBe(dir)
      expect(readRunningStation(dir)?.pid).toBe(host.child.pid)
      expect(await host.stop()).toBe(0)
    } finally {
      stranger.kill('SIGKILL')
    }
  })

  it('refuses the folder while another process holds it, even before that process has described itself', () => {
    const dir = tempDir()
    // The holder here is this process's own lock; its lock file is gone (deleted by hand, or not yet written).
    const held = lockDataDir(dir)
    try {
      rmSync(join(dir, LOCK_FILE))
      let refused: unknown
      try {
        lockDataDir(dir).release()
      } catch (error) {
        refused = error
      }
      expect(refused).toBeInstanceOf(DataDirBusyError)
      expect((refused as Error).message).toBe(`The data folder ${dir} is in use by another BLO Station process. Close it first.`)
    } finally {
      held.release()
    }
    lockDataDir(dir).release()
  })

  it('takes over an empty lock file', () => {
    const dir = tempDir()
    const lock = join(dir, LOCK_FILE)
    writeFileSync(lock, '')
    const held = lockDataDir(dir)
    expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(process.pid)
    held.release()
  })
})
