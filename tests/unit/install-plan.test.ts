/**
 * How a checked update is installed, decided per system from plain facts (main/core/update/install-plan.ts), and
 * the two pieces the desktop shell leans on that run in plain Node: finding pkexec, and putting a new AppImage in
 * place of the running one.
 */
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findProgram } from '../../main/core/update/find-program'
import { installerExitMessage, installPlan, relaunchExecutable, shellQuote, type InstallFacts } from '../../main/core/update/install-plan'
import { replaceExecutable } from '../../main/core/update/replace-executable'
import { useTempDirs } from '../helpers/temp-dir'

const tempDir = useTempDirs()

const windows: InstallFacts = { platform: 'win32', env: {}, packaged: true, pkexec: null }
const linux: InstallFacts = { platform: 'linux', env: {}, packaged: true, pkexec: '/usr/bin/pkexec' }
const STAGED = '/home/somchai/.config/BLO Station/updates'

describe('installPlan', () => {
  it('runs the NSIS setup on its own on Windows, then quits', () => {
    const file = 'C:\\Users\\somchai\\AppData\\Roaming\\BLO Station\\updates\\BLO-Station-Setup-0.2.0-x64.exe'
    expect(installPlan(file, windows)).toEqual({ method: 'run-installer', command: file, args: [], then: 'quit' })
  })

  it('puts a new AppImage in place of the running one and restarts, when started from an AppImage', () => {
    const file = `${STAGED}/BLO-Station-0.2.0-x86_64.AppImage`
    const facts = { ...linux, env: { APPIMAGE: '/home/somchai/Apps/BLO-Station.AppImage' } }
    expect(installPlan(file, facts)).toEqual({ method: 'replace-appimage', source: file, target: '/home/somchai/Apps/BLO-Station.AppImage', then: 'relaunch' })
    expect(relaunchExecutable(facts.env)).toBe('/home/somchai/Apps/BLO-Station.AppImage')
    expect(relaunchExecutable({})).toBeUndefined()
  })

  it('installs a .deb as root through pkexec apt-get, and restarts', () => {
    const file = `${STAGED}/blo-station_0.2.0_amd64.deb`
    expect(installPlan(file, linux)).toEqual({ method: 'apt-install', command: '/usr/bin/pkexec', args: ['apt-get', 'install', '-y', file], then: 'relaunch' })
  })

  it('says what to run by hand where it cannot install itself', () => {
    const deb = `${STAGED}/blo-station_0.2.0_amd64.deb`
    expect(installPlan(deb, { ...linux, pkexec: null })).toEqual({
      method: 'manual',
      reason: 'no-pkexec',
      command: `sudo apt-get install -y '${deb}'`
    })
    const appImage = `${STAGED}/BLO-Station-0.2.0-x86_64.AppImage`
    expect(installPlan(appImage, linux)).toEqual({ method: 'manual', reason: 'not-appimage', command: `chmod +x '${appImage}' && '${appImage}'` })
    expect(installPlan(deb, { ...linux, packaged: false })).toMatchObject({ method: 'manual', reason: 'not-packaged' })
    const exe = 'C:\\BLO\\updates\\BLO-Station-Setup-0.2.0-x64.exe'
    expect(installPlan(exe, { ...windows, packaged: false })).toEqual({ method: 'manual', reason: 'not-packaged', command: `"${exe}"` })
  })

  it('refuses an installer for another system (staging never lets one through)', () => {
    expect(() => installPlan('/tmp/BLO-Station-Setup-0.2.0-x64.exe', linux)).toThrow('is not an installer for linux')
    expect(() => installPlan('C:\\tmp\\blo-station_0.2.0_amd64.deb', windows)).toThrow('is not an installer for win32')
    expect(() => installPlan('/tmp/notes.zip', linux)).toThrow('is not an installer for linux')
  })

  it('quotes paths so a command copied into a terminal works', () => {
    expect(shellQuote('/opt/blo/file.deb')).toBe('/opt/blo/file.deb')
    expect(shellQuote('/home/x/BLO Station/a.deb')).toBe("'/home/x/BLO Station/a.deb'")
    expect(shellQuote("/media/somchai/Noi's stick/a.deb")).toBe("'/media/somchai/Noi'\\''s stick/a.deb'")
  })

  it('says why pkexec apt-get did not install', () => {
    expect(installerExitMessage(126, null)).toMatch(/password was not given/)
    expect(installerExitMessage(127, null)).toMatch(/could not authorise/)
    expect(installerExitMessage(100, null)).toBe('apt-get stopped with exit code 100; run the command by hand to see why')
    expect(installerExitMessage(null, 'SIGTERM')).toBe('the installer was stopped (SIGTERM)')
  })
})

describe('findProgram', () => {
  it('finds an executable on PATH like command -v, skipping folders and plain files', () => {
    const [empty, plain, good] = [tempDir(), tempDir(), tempDir()]
    writeFileSync(join(plain, 'pkexec'), 'not executable')
    chmodSync(join(plain, 'pkexec'), 0o644)
    writeFileSync(join(good, 'pkexec'), '#!/bin/sh\n')
    chmodSync(join(good, 'pkexec'), 0o755)
    if (process.getuid?.() !== 0) expect(findProgram('pkexec', [empty, plain].join(delimiter))).toBeNull()
    expect(findProgram('pkexec', ['', empty, plain, good].join(delimiter))).toBe(join(good, 'pkexec'))
    expect(findProgram('pkexec', undefined)).toBeNull()
    expect(findProgram('pkexec', empty)).toBeNull()
  })
})

describe('replaceExecutable', () => {
  it('replaces the running AppImage by a rename, keeping it executable and leaving nothing beside it', () => {
    const apps = tempDir()
    const target = join(apps, 'BLO-Station.AppImage')
    writeFileSync(target, 'old version')
    chmodSync(target, 0o750)
    const staged = join(tempDir(), 'BLO-Station-0.2.0-x86_64.AppImage')
    writeFileSync(staged, 'new version')
    chmodSync(staged, 0o600)
    const before = statSync(target).ino
    replaceExecutable(staged, target)
    expect(readFileSync(target, 'utf8')).toBe('new version')
    expect(statSync(target).mode & 0o777).toBe(0o750)
    // A new file renamed over the old: the running app keeps its old inode open, untouched.
    expect(statSync(target).ino).not.toBe(before)
    expect(readdirSync(apps)).toEqual(['BLO-Station.AppImage'])
    expect(existsSync(staged)).toBe(true)
  })

  it('makes the new file executable by its owner even if the old one had lost the bit', () => {
    const target = join(tempDir(), 'BLO-Station.AppImage')
    writeFileSync(target, 'old')
    chmodSync(target, 0o644)
    const staged = join(tempDir(), 'new.AppImage')
    writeFileSync(staged, 'new')
    replaceExecutable(staged, target)
    expect(statSync(target).mode & 0o777).toBe(0o744)
  })

  it('leaves the old AppImage whole when the copy fails', () => {
    const apps = tempDir()
    const target = join(apps, 'BLO-Station.AppImage')
    writeFileSync(target, 'old version')
    expect(() => replaceExecutable(join(apps, 'missing.AppImage'), target)).toThrow(/ENOENT/)
    expect(readFileSync(target, 'utf8')).toBe('old version')
    expect(readdirSync(apps)).toEqual(['BLO-Station.AppImage'])
  })
})
