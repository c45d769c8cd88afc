/** Accounts and sign-in on a real station database: first run, lockout, disabled accounts, idle lock, sessions. */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE, screenConnection, type Station } from '../../main/core/station'
import { hashPassword } from '../../main/core/users/password-hash'
import type { AuditEntry } from '../../preload/api'
import { ADMIN, callOn, OFFICER_A, OFFICER_B, setUpAccounts, signIn, SUPERVISOR, tryOn } from '../helpers/accounts'
import { methCase, officer, openTestStation } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'

const tempDir = useTempDirs()
const open: Station[] = []
afterEach(async () => {
  for (const station of open.splice(0)) await station.close()
})

/** A clock the test moves by hand. */
function testClock(start = '2026-11-20T08:00:00Z') {
  let now = Date.parse(start)
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) }
}

function openOn(dir: string, clock = testClock()): Station {
  const station = openTestStation(dir, { now: clock.now })
  open.push(station)
  return station
}

async function closeAll(): Promise<void> {
  for (const station of open.splice(0)) await station.close()
}

const trail = async (station: Station, action: string): Promise<AuditEntry[]> =>
  (await callOn(station, officer, 'audit.list', { action })).rows

const authReason = (reply: { ok: boolean; error?: { issues: { path: string; message: string }[] } }) =>
  reply.ok ? 'ok' : reply.error!.issues.find((i) => i.path === 'auth')?.message

describe('first run', () => {
  it('needs setup until an administrator exists, then refuses a second setup', async () => {
    const station = openOn(tempDir())
    const screen = screenConnection()
    expect(await callOn(station, screen, 'auth.status', {})).toMatchObject({ needsSetup: true, user: null, locked: null, lockAfterMinutes: 15 })
    // Before setup nothing but the public methods answers a screen.
    expect(await tryOn(station, screen, 'cases.search', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })

    const session = await callOn(station, screen, 'auth.setup', { username: ' Admin.Noi ', password: ADMIN.password, displayName: ADMIN.displayName, agency: 'police' })
    expect(session.user).toMatchObject({ username: 'admin.noi', role: 'admin', system: false, language: 'en' })
    expect(session.user.allowedMethods).toContain('users.create')
    expect(await callOn(station, screen, 'auth.status', {})).toMatchObject({ needsSetup: false, user: { username: 'admin.noi' } })

    const again = await tryOn(station, screenConnection(), 'auth.setup', { username: 'intruder', password: 'long enough pw', displayName: 'X', agency: 'other' })
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect((await callOn(station, screen, 'users.list', {})).map((u) => u.username)).toEqual(['admin.noi'])
    expect((await trail(station, 'auth.setup')).map((e) => e.actor)).toEqual(['admin.noi'])
  })

  it('names the field when an account is invalid, and keeps only a scrypt hash of the password', async () => {
    const dir = tempDir()
    const station = openOn(dir)
    const admin = await setUpAccounts(station, [])
    const bad = await tryOn(station, admin, 'users.create', { username: 'x', password: 'short', displayName: '', agency: 'police', role: 'officer' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const paths = (bad as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['username', 'password', 'displayName']))

    await callOn(station, admin, 'users.create', { ...OFFICER_A, agency: 'customs' })
    const taken = await tryOn(station, admin, 'users.create', { ...OFFICER_A, displayName: 'Someone else', agency: 'customs' })
    expect(taken).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: 'username' }] } })
    await closeAll()

    const db = new Database(join(dir, DATABASE_FILE), { readonly: true })
    const stored = db.prepare('SELECT password_hash FROM users WHERE username = ?').pluck().get(OFFICER_A.username) as string
    const everything = JSON.stringify(db.prepare('SELECT * FROM users').all()) + JSON.stringify(db.prepare('SELECT * FROM audit_log').all())
    db.close()
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/)
    expect(everything).not.toContain(OFFICER_A.password)
  })
})

describe('signing in', () => {
  it('locks an account after five wrong passwords, keeps the lock across a restart, and lifts it with time', async () => {
    const dir = tempDir()
    const clock = testClock()
    let station = openOn(dir, clock)
    await setUpAccounts(station, [OFFICER_A])

    const wrong = { username: OFFICER_A.username, password: 'not-the-password' }
    // Each attempt from a new screen: the account's own count is what locks it, not the connection's.
    for (let attempt = 1; attempt <= 4; attempt++) {
      const reply = await tryOn(station, screenConnection(), 'auth.login', wrong)
      expect(reply).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: 'Wrong username or password.' } })
    }
    const fifth = await tryOn(station, screenConnection(), 'auth.login', wrong)
    expect(authReason(fifth)).toBe('too_many_attempts')
    expect(fifth).toMatchObject({ ok: false, error: { issues: [{}, { path: 'retryAfterSeconds', message: '60' }] } })
    // Locked: even the right password is refused.
    const right = { username: OFFICER_A.username, password: OFFICER_A.password }
    expect(authReason(await tryOn(station, screenConnection(), 'auth.login', right))).toBe('too_many_attempts')

    await closeAll()
    station = openOn(dir, clock)
    expect(authReason(await tryOn(station, screenConnection(), 'auth.login', right))).toBe('too_many_attempts')

    clock.advance(61_000)
    // A sixth wrong password after the lock locks it again, for longer (2 minutes).
    const sixth = await tryOn(station, screenConnection(), 'auth.login', wrong)
    expect(sixth).toMatchObject({ ok: false, error: { issues: [{ message: 'too_many_attempts' }, { path: 'retryAfterSeconds', message: '120' }] } })
    clock.advance(121_000)
    const session = await callOn(station, screenConnection(), 'auth.login', right)
    expect(session.user.username).toBe(OFFICER_A.username)

    const failures = await trail(station, 'auth.login_failed')
    expect(failures).toHaveLength(8)
    expect(failures.map((e) => e.detail.reason)).toEqual([
      'wrong_password', 'locked_out', 'locked_out', 'wrong_password', 'wrong_password', 'wrong_password', 'wrong_password', 'wrong_password'
    ])
    expect(failures.every((e) => e.actor === OFFICER_A.username)).toBe(true)
    expect(await trail(station, 'auth.login')).toHaveLength(2) // the administrator's setup, then the officer
  })

  it('locks a screen that keeps guessing different names, and does not say which names exist', async () => {
    const station = openOn(tempDir())
    await setUpAccounts(station, [OFFICER_A])
    const screen = screenConnection()
    const unknown = await tryOn(station, screen, 'auth.login', { username: 'nobody', password: 'whatever-it-is' })
    const known = await tryOn(station, screen, 'auth.login', { username: OFFICER_A.username, password: 'whatever-it-is' })
    expect(unknown).toEqual(known)
    for (const name of ['a1', 'a2', 'a3']) await tryOn(station, screen, 'auth.login', { username: name, password: 'whatever-it-is' })
    // Five wrong in a row on this screen: it must wait, whatever name it tries next.
    expect(authReason(await tryOn(station, screen, 'auth.login', { username: OFFICER_A.username, password: OFFICER_A.password }))).toBe('too_many_attempts')
    // Another screen is not held up by this one.
    expect((await callOn(station, screenConnection(), 'auth.login', { username: OFFICER_A.username, password: OFFICER_A.password })).user.role).toBe('officer')
    const unknownEntries = (await trail(station, 'auth.login_failed')).filter((e) => e.detail.reason === 'unknown_account')
    expect(unknownEntries.map((e) => e.actor)).toEqual(['(unknown account)', '(unknown account)', '(unknown account)', '(unknown account)'])
    expect(JSON.stringify(unknownEntries)).not.toContain('nobody')
  })

  it('refuses a disabled account, signs it out everywhere, and keeps what it did attributed to it', async () => {
    const station = openOn(tempDir())
    const admin = await setUpAccounts(station, [OFFICER_A, OFFICER_B])
    const somchai = await signIn(station, OFFICER_A)
    const logged = await callOn(station, somchai, 'cases.create', methCase)
    expect(logged.createdBy).toBe(OFFICER_A.username)

    const disabled = await callOn(station, admin, 'users.disable', { username: OFFICER_A.username })
    expect(disabled).toMatchObject({ username: OFFICER_A.username, disabled: true })
    // The open session ends at once…
    expect(authReason(await tryOn(station, somchai, 'cases.search', {}))).toBe('account_disabled')
    // …and a new sign-in with the right password is refused.
    const again = await tryOn(station, screenConnection(), 'auth.login', { username: OFFICER_A.username, password: OFFICER_A.password })
    expect(authReason(again)).toBe('account_disabled')

    const malee = await signIn(station, OFFICER_B)
    expect((await callOn(station, malee, 'cases.get', { id: logged.id })).createdBy).toBe(OFFICER_A.username)
    expect((await callOn(station, admin, 'users.list', {})).find((u) => u.username === OFFICER_A.username)).toMatchObject({ disabled: true })
    expect((await trail(station, 'case.create')).map((e) => e.actor)).toEqual([OFFICER_A.username])

    await callOn(station, admin, 'users.enable', { username: OFFICER_A.username })
    expect((await callOn(station, screenConnection(), 'auth.login', { username: OFFICER_A.username, password: OFFICER_A.password })).user.username).toBe(OFFICER_A.username)
    expect((await trail(station, 'user')).map((e) => e.action)).toEqual(['user.enable', 'user.disable', 'user.create', 'user.create'])
  })

  it('keeps the last administrator: cannot be disabled or demoted, nor can administrators disable themselves', async () => {
    const station = openOn(tempDir())
    const admin = await setUpAccounts(station, [])
    expect(await tryOn(station, admin, 'users.update', { username: ADMIN.username, role: 'officer' })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(await tryOn(station, admin, 'users.disable', { username: ADMIN.username })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(await tryOn(station, officer, 'users.disable', { username: ADMIN.username })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    await callOn(station, admin, 'users.create', { ...SUPERVISOR, role: 'admin', agency: 'police' })
    expect(await callOn(station, officer, 'users.disable', { username: ADMIN.username })).toMatchObject({ disabled: true })
  })

  it('re-hashes a password stored at a lower cost when its owner next signs in', async () => {
    const dir = tempDir()
    const station = openOn(dir)
    await setUpAccounts(station, [OFFICER_A])
    await closeAll()
    const db = new Database(join(dir, DATABASE_FILE))
    db.prepare('UPDATE users SET password_hash = ? WHERE username = ?').run(await hashPassword(OFFICER_A.password, { N: 2 ** 12, r: 8, p: 1 }), OFFICER_A.username)
    db.close()

    const reopened = openOn(dir)
    await signIn(reopened, OFFICER_A)
    await closeAll()
    const check = new Database(join(dir, DATABASE_FILE), { readonly: true })
    expect(check.prepare('SELECT password_hash FROM users WHERE username = ?').pluck().get(OFFICER_A.username)).toMatch(/^scrypt\$32768\$8\$1\$/)
    check.close()
  })

  it('changes its own password and language, and an administrator resets a forgotten one', async () => {
    const station = openOn(tempDir())
    const admin = await setUpAccounts(station, [OFFICER_A])
    const screen = await signIn(station, OFFICER_A)
    const wrongCurrent = await tryOn(station, screen, 'auth.changePassword', { currentPassword: 'nope', newPassword: 'brand-new-secret' })
    expect(authReason(wrongCurrent)).toBe('wrong_credentials')
    await callOn(station, screen, 'auth.changePassword', { currentPassword: OFFICER_A.password, newPassword: 'brand-new-secret' })
    expect((await callOn(station, screen, 'auth.setLanguage', { language: 'lo' })).language).toBe('lo')
    expect(authReason(await tryOn(station, screenConnection(), 'auth.login', { username: OFFICER_A.username, password: OFFICER_A.password }))).toBe('wrong_credentials')

    await callOn(station, admin, 'users.resetPassword', { username: OFFICER_A.username, password: 'reset-by-admin' })
    // A reset ends the officer's open sessions.
    expect(authReason(await tryOn(station, screen, 'cases.search', {}))).toBe('signed_out')
    const session = await callOn(station, screenConnection(), 'auth.login', { username: OFFICER_A.username, password: 'reset-by-admin' })
    expect(session.user.language).toBe('lo')
    expect((await trail(station, 'user')).map((e) => [e.action, e.actor])).toEqual([
      ['user.password_reset', ADMIN.username],
      ['user.update', OFFICER_A.username],
      ['user.password_change', OFFICER_A.username],
      ['user.create', ADMIN.username]
    ])
  })
})

describe('sessions', () => {
  it('lock after the idle time, show who was signed in, and follow the setting an administrator changes', async () => {
    const clock = testClock()
    const station = openOn(tempDir(), clock)
    const admin = await setUpAccounts(station, [OFFICER_A])
    const screen = await signIn(station, OFFICER_A)

    clock.advance(14 * 60_000)
    expect((await tryOn(station, screen, 'cases.search', {})).ok).toBe(true) // activity: the idle time starts again
    clock.advance(14 * 60_000)
    // Polling the public status is not activity.
    expect((await callOn(station, screen, 'auth.status', {})).user?.username).toBe(OFFICER_A.username)
    clock.advance(2 * 60_000)
    const locked = await tryOn(station, screen, 'cases.search', {})
    expect(locked).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: expect.stringMatching(/15 minutes/) } })
    expect(authReason(locked)).toBe('idle_locked')
    expect(await callOn(station, screen, 'auth.status', {})).toMatchObject({
      user: null,
      locked: { username: OFFICER_A.username, displayName: OFFICER_A.displayName }
    })
    // Signing in again on the lock screen carries on.
    await callOn(station, screen, 'auth.login', { username: OFFICER_A.username, password: OFFICER_A.password })
    expect((await tryOn(station, screen, 'cases.search', {})).ok).toBe(true)

    clock.advance(60_000)
    expect(await tryOn(station, screen, 'settings.update', { lockAfterMinutes: 60 })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    // The administrator's own session from the setup has locked long ago.
    expect(authReason(await tryOn(station, admin, 'settings.get', {}))).toBe('idle_locked')
    const admin2 = await signIn(station, ADMIN)
    expect(await callOn(station, admin2, 'settings.update', { lockAfterMinutes: 60 })).toEqual({ lockAfterMinutes: 60 })
    expect(await tryOn(station, admin2, 'settings.update', { lockAfterMinutes: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'lockAfterMinutes' }] } })
    clock.advance(59 * 60_000)
    expect((await tryOn(station, screen, 'cases.search', {})).ok).toBe(true)
    const [change] = await trail(station, 'settings.update')
    expect(change).toMatchObject({ actor: ADMIN.username, detail: { before: { lockAfterMinutes: 15 }, after: { lockAfterMinutes: 60 } } })
  })

  it('resume on a new connection with the session token until sign-out, and end with a restart', async () => {
    const dir = tempDir()
    const station = openOn(dir)
    await setUpAccounts(station, [OFFICER_A])
    const first = screenConnection()
    const { sessionToken } = await callOn(station, first, 'auth.login', { username: OFFICER_A.username, password: OFFICER_A.password })

    const reconnected = screenConnection()
    expect((await callOn(station, reconnected, 'auth.resume', { sessionToken })).user.username).toBe(OFFICER_A.username)
    expect((await tryOn(station, reconnected, 'cases.search', {})).ok).toBe(true)
    expect(authReason(await tryOn(station, screenConnection(), 'auth.resume', { sessionToken: 'x'.repeat(43) }))).toBe('signed_out')

    expect(await callOn(station, reconnected, 'auth.logout', {})).toEqual({ signedOut: true })
    // Signing out ends the session, on every connection that held it.
    expect(authReason(await tryOn(station, first, 'cases.search', {}))).toBe('signed_out')
    expect(authReason(await tryOn(station, screenConnection(), 'auth.resume', { sessionToken }))).toBe('signed_out')
    expect((await trail(station, 'auth.logout')).map((e) => e.actor)).toEqual([OFFICER_A.username])

    const again = screenConnection()
    const second = await callOn(station, again, 'auth.login', { username: OFFICER_A.username, password: OFFICER_A.password })
    await closeAll()
    const restarted = openOn(dir)
    expect(authReason(await tryOn(restarted, screenConnection(), 'auth.resume', { sessionToken: second.sessionToken }))).toBe('signed_out')
  })
})
