/**
 * `blo user list` and `blo user reset-password` as a locked-out administrator's last resort: the built CLI on a
 * real data folder, with no station running and through a running station host, and its answers to bad input.
 */
import { writeFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { screenConnection, type Station } from '../../main/core/station'
import type { Account, AuditEntry } from '../../preload/api'
import { ADMIN, callOn, setUpAccounts, tryOn } from '../helpers/accounts'
import { runCli, startHost, stopAllHosts } from '../helpers/built-programs'
import { openSocket, socketUrl, type TestSocket } from '../helpers/host-socket'
import { openTestStation } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'

const tempDir = useTempDirs()
afterEach(stopAllHosts)

const CLI_ACTOR = `cli:${userInfo().username}`
const WRONG = 'not-the-passphrase'

async function newStation(): Promise<string> {
  const dir = tempDir()
  const init = await runCli(['init', '--data', dir, '--name', 'BLO Chiang Khong', '--country', 'TH'])
  expect(init.code, init.stderr).toBe(0)
  return dir
}

const login = (station: Station, password: string) => tryOn(station, screenConnection(), 'auth.login', { username: ADMIN.username, password })

describe('blo user, with no station running', () => {
  it('lists the accounts, and a reset with a printed temporary password lets the locked-out administrator back in', async () => {
    const dir = await newStation()
    let station = openTestStation(dir)
    await setUpAccounts(station, [])
    for (let i = 0; i < 5; i++) expect(await login(station, WRONG)).toMatchObject({ ok: false })
    // Locked: even the right password is refused now.
    expect(await login(station, ADMIN.password)).toMatchObject({ ok: false, error: { code: 'unauthenticated', issues: expect.arrayContaining([{ path: 'auth', message: 'too_many_attempts' }]) } })
    await station.close()

    const list = await runCli(['user', 'list', '--data', dir, '--json'])
    expect(list.code, list.stderr).toBe(0)
    expect(list.json<Account[]>()).toEqual([expect.objectContaining({ username: ADMIN.username, role: 'admin', disabled: false })])

    const reset = await runCli(['user', 'reset-password', ADMIN.username, '--data', dir])
    expect(reset.code, reset.stderr).toBe(0)
    const { account, temporaryPassword } = reset.json<{ account: Account; temporaryPassword: string }>()
    expect(account).toMatchObject({ username: ADMIN.username, displayName: ADMIN.displayName })
    expect(temporaryPassword).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{5}(-[a-km-zA-HJ-NP-Z2-9]{5}){3}$/)
    expect(reset.stderr).toMatch(/^blo: this temporary password is shown only once: give it to Pol\. Maj\. Noi in person/)
    // Another reset makes another password.
    const again = await runCli(['user', 'reset-password', ADMIN.username, '--data', dir])
    const second = again.json<{ temporaryPassword: string }>().temporaryPassword
    expect(second).not.toBe(temporaryPassword)

    station = openTestStation(dir)
    try {
      expect(await login(station, ADMIN.password)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
      expect(await login(station, temporaryPassword)).toMatchObject({ ok: false })
      expect(await login(station, second)).toMatchObject({ ok: true, value: { user: { username: ADMIN.username, role: 'admin' } } })
      const admin = screenConnection()
      await callOn(station, admin, 'auth.login', { username: ADMIN.username, password: second })
      const resets = (await callOn(station, admin, 'audit.list', { action: 'user.password_reset' })).rows as AuditEntry[]
      expect(resets.map((e) => [e.actor, e.target])).toEqual([
        [CLI_ACTOR, { type: 'user', id: ADMIN.username, label: ADMIN.displayName }],
        [CLI_ACTOR, { type: 'user', id: ADMIN.username, label: ADMIN.displayName }]
      ])
      // The password is in no entry.
      expect(JSON.stringify(resets)).not.toContain(second)
    } finally {
      await station.close()
    }
    const verified = await runCli(['audit', 'verify', '--data', dir])
    expect(verified.code, verified.stderr).toBe(0)
  })
})

describe('blo user, through a running station host', () => {
  it('resets from a password file; the locked-out screen then signs in with it', async () => {
    const dir = await newStation()
    const host = await startHost(['--data', dir, '--port', '0'])
    const page: TestSocket = await openSocket(socketUrl(host.origin, host.token), { Origin: host.origin })
    try {
      let id = 1
      const call = async (method: string, input: unknown) => (await page.call(id++, method, input)).reply
      expect(await call('auth.setup', { username: ADMIN.username, password: ADMIN.password, displayName: ADMIN.displayName, agency: 'police' })).toMatchObject({ ok: true })
      for (let i = 0; i < 5; i++) expect(await call('auth.login', { username: ADMIN.username, password: WRONG })).toMatchObject({ ok: false })
      expect(await call('auth.login', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({
        ok: false,
        error: { issues: expect.arrayContaining([{ path: 'auth', message: 'too_many_attempts' }]) }
      })

      const file = join(tempDir(), 'password.txt')
      writeFileSync(file, 'Mekong dawn 2026\n')
      const reset = await runCli(['user', 'reset-password', ADMIN.username, '--data', dir, '--password-file', file])
      expect(reset.code, reset.stderr).toBe(0)
      expect(reset.json()).toEqual({ account: expect.objectContaining({ username: ADMIN.username }) })
      expect(reset.stderr).toBe('')

      // The same screen that locked itself signs in at once with the new password (the final line break is not part of it).
      expect(await call('auth.login', { username: ADMIN.username, password: 'Mekong dawn 2026\n' })).toMatchObject({ ok: false })
      expect(await call('auth.login', { username: ADMIN.username, password: 'Mekong dawn 2026' })).toMatchObject({ ok: true })
      const list = await runCli(['user', 'list', '--data', dir])
      expect(list.code, list.stderr).toBe(0)
      expect(list.json<Account[]>()[0].lastLoginAt).not.toBeNull()
      const trail = await call('audit.list', { action: 'user.password_reset' })
      expect(trail).toMatchObject({ ok: true, value: { rows: [{ actor: CLI_ACTOR, target: { id: ADMIN.username } }] } })
    } finally {
      page.close()
    }
  })
})

describe('blo user, bad input', () => {
  it('names what is wrong in one line, with exit 2 for the command line and 1 for what the station refuses', async () => {
    const dir = await newStation()
    const station = openTestStation(dir)
    await setUpAccounts(station, [])
    await station.close()
    const short = join(tempDir(), 'short.txt')
    writeFileSync(short, 'abc\n')
    const twoLines = join(tempDir(), 'two-lines.txt')
    writeFileSync(twoLines, 'first line\nsecond line\n')

    const cases: [string[], number, RegExp][] = [
      [['user'], 2, /^blo: user needs a subcommand first: list or reset-password/],
      [['user', 'remove', '--data', dir], 2, /^blo: unknown user subcommand 'remove'; use list or reset-password/],
      [['user', 'reset-password', '--data', dir], 2, /^blo: user reset-password needs exactly one USERNAME/],
      [['user', 'reset-password', 'a', 'b', '--data', dir], 2, /^blo: user reset-password needs exactly one USERNAME/],
      [['user', 'reset-password', ADMIN.username, '--data', dir, '--password'], 2, /^blo: Unknown option '--password'/],
      [['user', 'reset-password', ADMIN.username, '--data', dir, '--password-file', join(dir, 'missing.txt')], 2, /^blo: --password-file: cannot read .*missing\.txt \(ENOENT\)/],
      [['user', 'reset-password', ADMIN.username, '--data', dir, '--password-file', twoLines], 2, /^blo: --password-file: .* must hold the password on one line/],
      [['user', 'reset-password', ADMIN.username, '--data', dir, '--password-file', short], 1, /password: at least 8 characters/],
      [['user', 'reset-password', 'nobody', '--data', dir], 1, /"nobody"/],
      [['user', 'reset-password', 'No Such!', '--data', dir], 1, /username: 2–40 characters/],
      [['user', 'list', 'extra', '--data', dir], 2, /^blo: user list takes no 'extra'/],
      [['user', 'list', '--data', tempDir()], 1, /^blo: No station in /]
    ]
    for (const [args, code, message] of cases) {
      const result = await runCli(args)
      expect([result.code, result.stdout], args.join(' ')).toEqual([code, ''])
      expect(result.stderr, args.join(' ')).toMatch(message)
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
    }
    const help = await runCli(['--help'])
    expect(help.stdout).toContain('user reset-password USERNAME --data DIR [--password-file FILE]')
    const userHelp = await runCli(['user', '--help'])
    expect(userHelp.code).toBe(0)
    expect(userHelp.stdout).toMatch(/^Usage: blo user <list\|reset-password>/)
  })
})
