/**
 * The Maintenance screen's calls on a real station data folder: a verified backup (with progress, cancellation and
 * the folder checked), a restore staged while the station runs and put in place at the next open (the replaced
 * database kept, a damaged or foreign file refused with nothing staged), update files checked against a test
 * publisher key and installed through the desktop's plan, and every one of them refused to officers and
 * supervisors.
 */
import Database from 'better-sqlite3'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sha256FileSync, sidecarPathFor } from '../../main/core/backup/backup-file'
import { generateCases } from '../../main/core/cases/seed'
import { applyStagedRestore } from '../../main/core/backup/staged-restore'
import { readLastRestore, restorePaths } from '../../main/core/backup/staged-restore-files'
import { restoreStation } from '../../main/core/backup/station-restore'
import type { UpdateInstaller } from '../../main/core/maintenance/maintenance-service'
import type { Station, StationOptions } from '../../main/core/station'
import { shellQuote, type InstallFacts, type RunnablePlan } from '../../main/core/update/install-plan'
import { replaceExecutable } from '../../main/core/update/replace-executable'
import { signUpdate } from '../../main/core/update/update-signature'
import type { MaintenanceProgress, MethodName, Reply } from '../../preload/api'
import { ADMIN, OFFICER_A, setUpAccounts, signIn, SUPERVISOR, tryOn } from '../helpers/accounts'
import { call, methCase, officer, openTestStation } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'

const tempDir = useTempDirs()
const open: Station[] = []
afterEach(async () => {
  for (const station of open.splice(0)) await station.close()
})

function start(dir: string, options: Partial<StationOptions> = {}): Station {
  const station = openTestStation(dir, options)
  open.push(station)
  return station
}

async function stop(station: Station): Promise<void> {
  open.splice(open.indexOf(station), 1)
  await station.close()
}

function progressOf(station: Station): MaintenanceProgress[] {
  const seen: MaintenanceProgress[] = []
  station.onEvent((event, payload) => {
    if (event === 'maintenance:progress') seen.push(payload as MaintenanceProgress)
  })
  return seen
}

const summaries = async (station: Station) => (await call(station, 'cases.search', { limit: 100 })).rows.map((c) => c.summary).sort()

async function auditActions(station: Station): Promise<string[]> {
  return (await call(station, 'audit.list', { action: 'maintenance', limit: 100 })).rows.map((e) => e.action).reverse()
}

describe('back up now', () => {
  it('makes a verified backup in the data folder, with progress, and lists it', async () => {
    const dir = tempDir()
    const station = start(dir)
    await call(station, 'link.station', {})
    await call(station, 'cases.create', methCase)
    const seen = progressOf(station)
    const made = await call(station, 'maintenance.backup', { id: 'first' })
    expect(made).toMatchObject({ status: 'done', id: 'first', verified: true })
    if (made.status !== 'done') throw new Error('not done')
    expect(made.file).toMatch(new RegExp(`^${dir.replace(/[/\\.]/g, '\\$&')}[/\\\\]backups[/\\\\]station-backup-.*\\.db$`))
    expect(made.sha256).toBe(sha256FileSync(made.file))
    expect(made.bytes).toBe(statSync(made.file).size)
    expect(existsSync(sidecarPathFor(made.file))).toBe(true)
    // Each step is reported, the first time it starts at least: the copy, SQLite's check, the hash.
    expect([...new Set(seen.map((p) => p.step))]).toEqual(['copy', 'check', 'hash'])
    expect(seen.every((p) => p.id === 'first')).toBe(true)
    expect(seen.filter((p) => p.step === 'hash').at(-1)).toMatchObject({ done: made.bytes, total: made.bytes })

    const list = await call(station, 'maintenance.backups', {})
    expect(list.folder).toBe(join(dir, 'backups'))
    expect(list.backups).toEqual([expect.objectContaining({ file: made.file, bytes: made.bytes, reason: 'manual', station: expect.objectContaining({ name: 'Chiang Khong BLO' }) })])
    expect(await auditActions(station)).toEqual(['maintenance.backup'])
  })

  it('copies one consistent snapshot while the station keeps writing, and stays responsive', { timeout: 60_000 }, async () => {
    const dir = tempDir()
    const station = start(dir)
    station.importCases(generateCases(3000, 'maintenance'), officer)
    const before = (await call(station, 'cases.search', { limit: 1 })).total
    let settled = false
    const running = call(station, 'maintenance.backup', { id: 'busy' }).finally(() => (settled = true))
    // A write between every step of the copy (each step is its own turn of the event loop, as a screen's call is):
    // without its own read snapshot the copy would start over after each of them, and never finish.
    let written = 0
    while (!settled) {
      await call(station, 'cases.create', { ...methCase, summary: `Logged during the backup ${written}` })
      written++
      await new Promise((resolve) => setImmediate(resolve))
    }
    const made = await running
    if (made.status !== 'done') throw new Error('backup not done')
    // The copy took several steps (4 MB each), with writes between them.
    expect(made.bytes).toBeGreaterThan(3 * 4 * 1024 * 1024)
    expect(written).toBeGreaterThan(3)
    const copy = new Database(made.file, { readonly: true })
    const inCopy = (copy.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    copy.close()
    expect(inCopy).toBeGreaterThanOrEqual(before)
    expect(inCopy).toBeLessThan(before + written)
  })

  it('backs up into a chosen folder, and names the folder when it cannot', async () => {
    const dir = tempDir()
    const stick = tempDir()
    const station = start(dir)
    const made = await call(station, 'maintenance.backup', { folder: stick })
    expect(made.status === 'done' && made.file.startsWith(stick)).toBe(true)
    // The default folder's list shows the default folder only.
    expect((await call(station, 'maintenance.backups', {})).backups).toEqual([])

    const missing = await station.dispatch('maintenance.backup', { folder: join(stick, 'no-such-folder') }, officer)
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'folder', message: expect.stringMatching(/does not exist \(is the USB stick plugged in\?\)/) }] } })
    for (const folder of ['relative/folder', `${stick}\0x`, `/${'a'.repeat(5000)}`]) {
      const reply = await station.dispatch('maintenance.backup', { folder }, officer)
      expect(reply, folder.slice(0, 40)).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'folder' }] } })
    }
  })

  it('stops a backup on cancel and leaves nothing behind', async () => {
    const dir = tempDir()
    const station = start(dir)
    const running = station.dispatch('maintenance.backup', { id: 'to-cancel' }, officer)
    // One job at a time: a second one is told to wait.
    expect(await station.dispatch('maintenance.backup', {}, officer)).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(await call(station, 'maintenance.cancel', { id: 'to-cancel' })).toEqual({ cancelled: true })
    expect(await running).toEqual({ ok: true, value: { status: 'cancelled', id: 'to-cancel' } })
    expect(readdirSync(join(dir, 'backups'))).toEqual([])
    expect(await call(station, 'maintenance.cancel', { id: 'to-cancel' })).toEqual({ cancelled: false })
  })
})

describe('restore at the next start', () => {
  it('stages a checked backup while the station runs and puts it in place at the next open, keeping the replaced database', async () => {
    const dir = tempDir()
    let station = start(dir)
    const card = await call(station, 'link.station', {})
    await call(station, 'cases.create', methCase)
    await call(station, 'cases.create', { ...methCase, summary: 'Pangolin scales in a long-tail boat', category: 'wildlife' })
    const made = await call(station, 'maintenance.backup', {})
    if (made.status !== 'done') throw new Error('backup not done')
    const backedUp = await summaries(station)

    await call(station, 'cases.create', { ...methCase, summary: 'Logged after the backup' })
    const changed = await summaries(station)
    expect(changed).toHaveLength(3)

    const checked = await call(station, 'maintenance.checkBackup', { path: made.file })
    expect(checked).toMatchObject({ status: 'ok', backup: { sha256: made.sha256, sameStation: true, station: { stationId: card.stationId } } })
    const staged = await call(station, 'maintenance.stageRestore', { path: made.file })
    expect(staged).toMatchObject({ status: 'staged', pending: { from: made.file, stagedBy: 'Sgt. Somchai', backup: { createdAt: made.createdAt } } })
    // Nothing changes while the station runs; the screen says a restore is waiting.
    expect(await summaries(station)).toEqual(changed)
    expect((await call(station, 'maintenance.status', {})).pendingRestore).toMatchObject({ from: made.file })
    await stop(station)

    station = start(dir)
    expect(await summaries(station)).toEqual(backedUp)
    const status = await call(station, 'maintenance.status', {})
    expect(status.pendingRestore).toBeNull()
    expect(status.lastRestore).toMatchObject({ status: 'applied', from: made.file, stagedBy: 'Sgt. Somchai', message: null })
    const replaced = status.lastRestore!.replaced!
    expect(replaced).toMatch(/backups[/\\]station-replaced-.*\.db$/)
    // The database it replaced is whole, with the case logged after the backup.
    const kept = new Database(replaced, { readonly: true })
    expect(kept.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 3 })
    kept.close()
    expect(readdirSync(restorePaths(dir).dir).sort()).toEqual(['last-restore.json'])
    // The restored trail (a snapshot from before the backup's own entry) says where it came from, and still verifies.
    expect(await auditActions(station)).toEqual(['maintenance.restore_applied'])
    expect((await call(station, 'audit.verify', {})).intact).toBe(true)
    await stop(station)

    // A later start finds nothing staged and changes nothing.
    station = start(dir)
    expect(await summaries(station)).toEqual(backedUp)
    expect(await auditActions(station)).toEqual(['maintenance.restore_applied'])
  })

  it('refuses a damaged, incomplete, foreign or lonely file with a reason, and stages nothing', async () => {
    const dir = tempDir()
    const spare = tempDir()
    const station = start(dir)
    await call(station, 'cases.create', methCase)
    const made = await call(station, 'maintenance.backup', {})
    if (made.status !== 'done') throw new Error('backup not done')
    const variant = (name: string): string => {
      const file = join(spare, name)
      copyFileSync(made.file, file)
      copyFileSync(sidecarPathFor(made.file), sidecarPathFor(file))
      return file
    }
    const damaged = variant('damaged.db')
    const bytes = readFileSync(damaged)
    bytes[bytes.length - 100] ^= 0xff
    writeFileSync(damaged, bytes)
    const truncated = variant('truncated.db')
    writeFileSync(truncated, readFileSync(made.file).subarray(0, 4096))
    const lonely = join(spare, 'lonely.db')
    copyFileSync(made.file, lonely)
    // Another application's SQLite file, with a sidecar that matches it byte for byte.
    const foreign = variant('foreign.db')
    const other = new Database(foreign)
    other.pragma('application_id = 1')
    other.close()
    const sidecar = JSON.parse(readFileSync(sidecarPathFor(foreign), 'utf8')) as Record<string, unknown>
    writeFileSync(sidecarPathFor(foreign), JSON.stringify({ ...sidecar, bytes: statSync(foreign).size, sha256: sha256FileSync(foreign) }))

    const expected: [string, string, RegExp][] = [
      [damaged, 'changed', /does not match the SHA-256 in its sidecar/],
      [truncated, 'incomplete', /is 4096 bytes but its sidecar says/],
      [lonely, 'no-sidecar', /has no lonely\.db\.backup\.json beside it/],
      [foreign, 'not-blo', /is not a BLO Station database/],
      [join(spare, 'nowhere.db'), 'missing', /does not exist/],
      [spare, 'not-a-file', /is a folder/]
    ]
    for (const [file, reason, message] of expected) {
      expect(await call(station, 'maintenance.checkBackup', { path: file }), file).toMatchObject({ status: 'refused', reason, message: expect.stringMatching(message) })
      expect(await call(station, 'maintenance.stageRestore', { path: file }), file).toMatchObject({ status: 'refused', reason, message: expect.stringMatching(message) })
    }
    expect((await call(station, 'maintenance.status', {})).pendingRestore).toBeNull()
    expect(readdirSync(restorePaths(dir).dir)).toEqual([])
    expect((await auditActions(station)).filter((a) => a === 'maintenance.restore_refused')).toHaveLength(expected.length)
  })

  it('keeps an earlier staged restore when a later file is refused, and takes a staged restore back on cancel', async () => {
    const dir = tempDir()
    let station = start(dir)
    await call(station, 'cases.create', methCase)
    const made = await call(station, 'maintenance.backup', {})
    if (made.status !== 'done') throw new Error('backup not done')
    await call(station, 'maintenance.stageRestore', { path: made.file })
    expect(await call(station, 'maintenance.stageRestore', { path: join(tempDir(), 'nowhere.db') })).toMatchObject({ status: 'refused', reason: 'missing' })
    expect((await call(station, 'maintenance.status', {})).pendingRestore).toMatchObject({ from: made.file })

    expect(await call(station, 'maintenance.cancelRestore', {})).toEqual({ cancelled: true })
    expect(await call(station, 'maintenance.cancelRestore', {})).toEqual({ cancelled: false })
    await call(station, 'cases.create', { ...methCase, summary: 'Kept: the restore was cancelled' })
    const now = await summaries(station)
    await stop(station)
    station = start(dir)
    expect(await summaries(station)).toEqual(now)
    expect((await call(station, 'maintenance.status', {})).lastRestore).toBeNull()
    expect(await auditActions(station)).toEqual(['maintenance.backup', 'maintenance.restore_staged', 'maintenance.restore_refused', 'maintenance.restore_cancelled'])
  })

  it('lets blo restore win over a restore staged earlier, and never applies one twice', async () => {
    const dir = tempDir()
    let station = start(dir)
    await call(station, 'cases.create', methCase)
    const first = await call(station, 'maintenance.backup', {})
    await call(station, 'cases.create', { ...methCase, summary: 'In the second backup only' })
    const second = await call(station, 'maintenance.backup', {})
    if (first.status !== 'done' || second.status !== 'done') throw new Error('backups not done')
    await call(station, 'maintenance.stageRestore', { path: first.file })
    await stop(station)

    // The command line's restore (station stopped) is what the administrator wants now: the staged one is dropped.
    restoreStation(dir, second.file)
    station = start(dir)
    expect(await summaries(station)).toContain('In the second backup only')
    expect((await call(station, 'maintenance.status', {})).lastRestore).toBeNull()
    await call(station, 'maintenance.stageRestore', { path: first.file })
    await stop(station)

    // A start that put the backup in place but ended before removing the marker: the next start does not apply it again.
    const applied = applyStagedRestore(dir)
    expect(applied).toMatchObject({ status: 'applied', from: first.file })
    const marker = JSON.stringify({ format: 'blo-staged-restore', from: first.file, stagedAt: (readLastRestore(dir) as { stagedAt: string }).stagedAt, stagedBy: 'Sgt. Somchai' })
    writeFileSync(restorePaths(dir).marker, marker)
    const database = sha256FileSync(join(dir, 'station.db'))
    expect(applyStagedRestore(dir)).toBeNull()
    expect(sha256FileSync(join(dir, 'station.db'))).toBe(database)
    expect(existsSync(restorePaths(dir).marker)).toBe(false)
  })

  it('does not put in place a staged copy that was damaged before the start, and says so', async () => {
    const dir = tempDir()
    let station = start(dir)
    await call(station, 'cases.create', methCase)
    const made = await call(station, 'maintenance.backup', {})
    if (made.status !== 'done') throw new Error('backup not done')
    await call(station, 'cases.create', { ...methCase, summary: 'Logged after the backup' })
    await call(station, 'maintenance.stageRestore', { path: made.file })
    const now = await summaries(station)
    await stop(station)

    const pending = restorePaths(dir).db
    const bytes = readFileSync(pending)
    bytes[bytes.length - 50] ^= 0xff
    writeFileSync(pending, bytes)

    station = start(dir)
    expect(await summaries(station)).toEqual(now)
    expect((await call(station, 'maintenance.status', {})).lastRestore).toMatchObject({
      status: 'failed',
      replaced: null,
      message: expect.stringMatching(/does not match the SHA-256 in its sidecar/)
    })
    expect((await auditActions(station)).at(-1)).toBe('maintenance.restore_failed')
    expect(existsSync(pending)).toBe(false)
    expect(readdirSync(join(dir, 'backups')).filter((name) => name.startsWith('station-replaced-'))).toEqual([])
  })
})

describe('updates from a USB stick', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const publisher = {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString()
  }

  function installer(stick: string, name: string, version: string | null): string {
    const file = join(stick, name)
    writeFileSync(file, randomBytes(300 * 1024))
    if (version) signUpdate(file, publisher.privatePem, { version })
    return file
  }

  /**
   * The desktop shell's part on a Linux desktop started from an AppImage, without Electron: the same file
   * replacement main/electron runs, then (there) a restart.
   */
  function appImageDesktop(running: string): UpdateInstaller & { ran: RunnablePlan[] } {
    const ran: RunnablePlan[] = []
    const facts: InstallFacts = { platform: 'linux', env: { APPIMAGE: running }, packaged: true, pkexec: null }
    return {
      ran,
      facts: () => facts,
      async run(plan) {
        ran.push(plan)
        if (plan.method !== 'replace-appimage') throw new Error(`this desktop cannot ${plan.method}`)
        replaceExecutable(plan.source, plan.target)
      }
    }
  }

  it('refuses every file while no publisher key is built in, saying so', async () => {
    const station = start(tempDir())
    const file = installer(tempDir(), 'BLO-Station-99.0.0-x86_64.AppImage', '99.0.0')
    expect(await call(station, 'maintenance.verifyUpdate', { path: file })).toMatchObject({
      status: 'refused',
      reason: 'no-publisher-key',
      message: expect.stringMatching(/has no publisher key built in/)
    })
    expect(existsSync(join(station.dataDir, 'updates', 'BLO-Station-99.0.0-x86_64.AppImage'))).toBe(false)
    expect(await auditActions(station)).toEqual(['maintenance.update_refused'])
  })

  it('names the reason for each file it refuses, and copies none of them', async () => {
    const station = start(tempDir(), { publisherKeys: [publisher.publicPem] })
    const stick = tempDir()
    const foreignOs = process.platform === 'win32' ? 'blo-station_99.0.0_amd64.deb' : 'BLO-Station-Setup-99.0.0-x64.exe'
    const own = process.platform === 'win32' ? 'exe' : 'AppImage'
    const changed = installer(stick, `changed.${own}`, '99.0.0')
    writeFileSync(changed, randomBytes(1024))
    const cases: [string, string][] = [
      [installer(stick, `unsigned.${own}`, null), 'no-signature'],
      [installer(stick, `old.${own}`, '0.0.0'), 'not-newer'],
      [installer(stick, foreignOs, '99.0.0'), 'other-system'],
      [installer(stick, 'notes.zip', null), 'not-installer'],
      [changed, 'changed'],
      [join(stick, `missing.${own}`), 'no-signature']
    ]
    for (const [file, reason] of cases) {
      expect(await call(station, 'maintenance.verifyUpdate', { path: file }), file).toMatchObject({ status: 'refused', reason })
    }
    expect(existsSync(join(station.dataDir, 'updates')) ? readdirSync(join(station.dataDir, 'updates')) : []).toEqual([])
  })

  it('checks and copies a signed update; the station host cannot install it and says where to', async () => {
    const station = start(tempDir(), { publisherKeys: [publisher.publicPem] })
    const own = process.platform === 'win32' ? 'BLO-Station-Setup-99.0.0-x64.exe' : 'BLO-Station-99.0.0-x86_64.AppImage'
    const file = installer(tempDir(), own, '99.0.0')
    const seen = progressOf(station)
    const verified = await call(station, 'maintenance.verifyUpdate', { id: 'check-1', path: file })
    expect(verified).toMatchObject({
      status: 'verified',
      file: own,
      path: join(station.dataDir, 'updates', own),
      version: '99.0.0',
      install: { method: 'desktop-only', reason: null, command: null }
    })
    expect(readFileSync(join(station.dataDir, 'updates', own))).toEqual(readFileSync(file))
    expect([...new Set(seen.map((p) => p.step))]).toEqual(['copy', 'hash'])
    expect((await call(station, 'maintenance.status', {})).canInstall).toBe(false)
    const install = await station.dispatch('maintenance.installUpdate', { file: own }, officer)
    expect(install).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/^Install updates on the desktop app/) } })
    expect(await auditActions(station)).toEqual(['maintenance.update_verified'])
  })

  it.runIf(process.platform === 'linux')('installs a checked AppImage over the running one through the desktop, after checking it again', async () => {
    const apps = tempDir()
    const running = join(apps, 'BLO-Station.AppImage')
    writeFileSync(running, 'the running version')
    chmodSync(running, 0o755)
    const desktop = appImageDesktop(running)
    const station = start(tempDir(), { publisherKeys: [publisher.publicPem], installer: desktop })
    const file = installer(tempDir(), 'BLO-Station-99.0.0-x86_64.AppImage', '99.0.0')
    const verified = await call(station, 'maintenance.verifyUpdate', { path: file })
    expect(verified).toMatchObject({ status: 'verified', install: { method: 'replace-appimage' } })
    expect((await call(station, 'maintenance.status', {})).canInstall).toBe(true)

    // A staged copy changed after its check is not run.
    const staged = join(station.dataDir, 'updates', 'BLO-Station-99.0.0-x86_64.AppImage')
    const good = readFileSync(staged)
    writeFileSync(staged, Buffer.concat([good, Buffer.from('x')]))
    const tampered = await station.dispatch('maintenance.installUpdate', { file: 'BLO-Station-99.0.0-x86_64.AppImage' }, officer)
    expect(tampered).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/is not the file that was signed/) } })
    expect(desktop.ran).toEqual([])
    writeFileSync(staged, good)

    for (const name of ['../station.db', 'a/b.AppImage', 'nothing-checked.AppImage']) {
      const reply = await station.dispatch('maintenance.installUpdate', { file: name }, officer)
      expect(reply.ok, name).toBe(false)
    }
    expect(await call(station, 'maintenance.installUpdate', { file: 'BLO-Station-99.0.0-x86_64.AppImage' })).toEqual({ status: 'started', then: 'relaunch', version: '99.0.0' })
    expect(desktop.ran).toEqual([{ method: 'replace-appimage', source: staged, target: running, then: 'relaunch' }])
    expect(readFileSync(running)).toEqual(readFileSync(file))
    expect(statSync(running).mode & 0o777).toBe(0o755)
    expect(await auditActions(station)).toEqual(['maintenance.update_verified', 'maintenance.update_install'])
  })

  it.runIf(process.platform === 'linux')('says what to run by hand for a .deb where pkexec is missing, and reports a failed install', async () => {
    const desktop: UpdateInstaller = {
      facts: () => ({ platform: 'linux', env: {}, packaged: true, pkexec: null }),
      run: () => Promise.reject(new Error('not reached'))
    }
    const station = start(tempDir(), { publisherKeys: [publisher.publicPem], installer: desktop })
    const stick = join(tempDir(), 'Noi USB')
    mkdirSync(stick)
    const file = installer(stick, 'blo-station_99.0.0_amd64.deb', '99.0.0')
    const verified = await call(station, 'maintenance.verifyUpdate', { path: file })
    const staged = join(station.dataDir, 'updates', 'blo-station_99.0.0_amd64.deb')
    expect(verified).toMatchObject({ status: 'verified', install: { method: 'manual', reason: 'no-pkexec', command: `sudo apt-get install -y ${shellQuote(staged)}` } })
    expect(await call(station, 'maintenance.installUpdate', { file: 'blo-station_99.0.0_amd64.deb' })).toEqual({
      status: 'manual',
      reason: 'no-pkexec',
      command: `sudo apt-get install -y ${shellQuote(staged)}`
    })

    const failing = start(tempDir(), {
      publisherKeys: [publisher.publicPem],
      installer: { facts: () => ({ platform: 'linux', env: {}, packaged: true, pkexec: '/usr/bin/pkexec' }), run: () => Promise.reject(new Error('the administrator password was not given')) }
    })
    await call(failing, 'maintenance.verifyUpdate', { path: file })
    expect(await call(failing, 'maintenance.installUpdate', { file: 'blo-station_99.0.0_amd64.deb' })).toEqual({ status: 'failed', message: 'the administrator password was not given' })
    expect((await call(failing, 'audit.list', { action: 'maintenance.update_install' })).rows[0].detail).toMatchObject({ outcome: 'failed', method: 'apt-install' })
  })
})

describe('who may', () => {
  const CALLS: { method: MethodName; input: unknown }[] = [
    { method: 'maintenance.status', input: {} },
    { method: 'maintenance.backups', input: {} },
    { method: 'maintenance.backup', input: {} },
    { method: 'maintenance.cancel', input: { id: 'x' } },
    { method: 'maintenance.checkBackup', input: { path: '/nowhere.db' } },
    { method: 'maintenance.stageRestore', input: { path: '/nowhere.db' } },
    { method: 'maintenance.cancelRestore', input: {} },
    { method: 'maintenance.verifyUpdate', input: { path: '/nowhere.AppImage' } },
    { method: 'maintenance.installUpdate', input: { file: 'x.AppImage' } }
  ]

  it('refuses every maintenance call to officers and supervisors, naming the role needed, and lets an administrator through', async () => {
    const dir = tempDir()
    const station = start(dir)
    await setUpAccounts(station)
    const officerScreen = await signIn(station, OFFICER_A)
    const supervisorScreen = await signIn(station, SUPERVISOR)
    const adminScreen = await signIn(station, ADMIN)
    for (const { method, input } of CALLS) {
      for (const screen of [officerScreen, supervisorScreen]) {
        const reply: Reply<unknown> = await tryOn(station, screen, method, input as never)
        expect(reply, method).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/needs an administrator account/) } })
      }
      const admin: Reply<unknown> = await tryOn(station, adminScreen, method, input as never)
      expect(admin.ok || admin.error.code !== 'forbidden', method).toBe(true)
    }
    expect(station.admits('maintenance.stageRestore', officerScreen)).toBe(false)
    expect(station.admits('maintenance.stageRestore', adminScreen)).toBe(true)
    // Nothing was made by the refused calls; the administrator's backup is there, by name.
    const made = (await call(station, 'audit.list', { action: 'maintenance.backup' })).rows
    expect(made.map((e) => e.actor)).toEqual([ADMIN.username])
    const denied = (await call(station, 'audit.list', { action: 'access.denied', limit: 100 })).rows
    expect(denied.filter((e) => String(e.target?.id).startsWith('maintenance.'))).toHaveLength(CALLS.length * 2)
  })
})
