/** Roles enforced at the API, for each role, and by each transport's per-connection state. */
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { screenConnection, type ConnectionState, type Station } from '../../main/core/station'
import { createAccessToken } from '../../main/host/access-token'
import { startStationServer, type StationServer } from '../../main/host/station-server'
import { METHOD_ACCESS } from '../../main/core/users/method-access'
import { methodNames, type MethodInput, type Reply, type Role } from '../../preload/api'
import { ADMIN, callOn, OFFICER_A, OFFICER_B, setUpAccounts, signIn, SUPERVISOR, tryOn, type TestAccount } from '../helpers/accounts'
import { openSocket, socketUrl } from '../helpers/host-socket'
import { stationId } from '../helpers/exchange-pair'
import { methCase, officer, openTestStation, pairSilentCounterpart } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'

const tempDir = useTempDirs()
const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

function openOn(dir: string): Station {
  const station = openTestStation(dir)
  cleanup.push(() => station.close())
  return station
}

const codeOf = (reply: Reply<unknown>): string => (reply.ok ? 'ok' : reply.error.code)

type ProbeMethod = 'cases.search' | 'users.create' | 'plans.approve' | 'counterparts.add' | 'audit.list' | 'settings.get'
type Probe = { [M in ProbeMethod]: { method: M; input: MethodInput<M> } }[ProbeMethod]

/** One call per guarded area; the input is valid where the call should go through, so "ok" means it ran. */
const PROBES: Probe[] = [
  { method: 'cases.search', input: {} },
  { method: 'users.create', input: { username: 'new.officer', password: 'a long password', displayName: 'New Officer', agency: 'customs', role: 'officer' } },
  { method: 'plans.approve', input: { id: 'no-such-plan', stateHash: 'x' } },
  { method: 'counterparts.add', input: { stationId: 'not-a-station-id', address: '192.0.2.10:47470' } },
  { method: 'audit.list', input: {} },
  { method: 'settings.get', input: {} }
]

/** What each role gets: forbidden, or anything else (the call passed the role check; it may still fail on its input). */
const EXPECTED: Record<Role, Record<ProbeMethod, 'forbidden' | 'passes'>> = {
  officer: { 'cases.search': 'passes', 'users.create': 'forbidden', 'plans.approve': 'forbidden', 'counterparts.add': 'forbidden', 'audit.list': 'forbidden', 'settings.get': 'forbidden' },
  supervisor: { 'cases.search': 'passes', 'users.create': 'forbidden', 'plans.approve': 'passes', 'counterparts.add': 'forbidden', 'audit.list': 'passes', 'settings.get': 'forbidden' },
  admin: { 'cases.search': 'passes', 'users.create': 'passes', 'plans.approve': 'passes', 'counterparts.add': 'passes', 'audit.list': 'passes', 'settings.get': 'passes' }
}

describe('the role table', () => {
  it('has exactly one entry for every method of the contract', () => {
    expect(Object.keys(METHOD_ACCESS).sort()).toEqual([...methodNames].sort())
  })
})

describe('roles at the API', () => {
  it('refuses each role what is beyond it, with a message naming the role needed and the caller, and audits it', async () => {
    const station = openOn(tempDir())
    await setUpAccounts(station)
    const screens: Record<Role, { account: TestAccount; screen: ConnectionState }> = {
      officer: { account: OFFICER_A, screen: await signIn(station, OFFICER_A) },
      supervisor: { account: SUPERVISOR, screen: await signIn(station, SUPERVISOR) },
      admin: { account: ADMIN, screen: await signIn(station, ADMIN) }
    }
    const refusals: string[] = []
    for (const role of ['officer', 'supervisor', 'admin'] as const) {
      const { account, screen } = screens[role]
      for (const probe of PROBES) {
        const reply = await tryOn(station, screen, probe.method, probe.input as never)
        const expected = EXPECTED[role][probe.method]
        expect([role, probe.method, codeOf(reply) === 'forbidden' ? 'forbidden' : 'passes']).toEqual([role, probe.method, expected])
        expect(codeOf(reply)).not.toBe('unauthenticated')
        if (expected === 'forbidden') refusals.push(`${account.username} ${probe.method}`)
      }
    }

    const officerCreates = await tryOn(station, screens.officer.screen, 'users.create', PROBES[1].input as MethodInput<'users.create'>)
    expect(officerCreates).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Managing user accounts needs an administrator account; you are signed in as officer somchai.', issues: [{ path: 'requiredRole', message: 'admin' }] }
    })
    const approve = await tryOn(station, screens.officer.screen, 'plans.approve', { id: 'no-such-plan', stateHash: 'x' })
    expect(approve).toMatchObject({ ok: false, error: { message: 'Approving a joint operation plan needs a supervisor account; you are signed in as officer somchai.' } })

    const denied = (await callOn(station, officer, 'audit.list', { action: 'access.denied', limit: 500 })).rows.reverse()
    expect(denied.slice(0, refusals.length).map((e) => `${e.actor} ${e.target?.id}`)).toEqual(refusals)
    expect(denied[0]).toMatchObject({ actor: 'somchai', target: { type: 'method', id: 'users.create', label: 'Managing user accounts' }, detail: { required: 'admin' } })
  })

  it('refuses a screen that has not signed in everything but the public methods', async () => {
    const station = openOn(tempDir())
    await setUpAccounts(station, [])
    const screen = screenConnection()
    for (const method of methodNames) {
      const reply = await station.dispatch(method, {}, screen)
      if (METHOD_ACCESS[method] === 'public') expect([method, codeOf(reply)]).not.toEqual([method, 'unauthenticated'])
      else expect([method, reply]).toMatchObject([method, { ok: false, error: { code: 'unauthenticated', issues: [{ path: 'auth', message: 'signed_out' }] } }])
    }
    expect((await callOn(station, screen, 'station.info', {})).name).toBe('Chiang Khong BLO')
  })

  it('lets an officer share and withdraw only the cases they logged; a supervisor any', async () => {
    const station = openOn(tempDir())
    await setUpAccounts(station)
    await pairSilentCounterpart(station, stationId('Houayxay BLO'))
    const somchai = await signIn(station, OFFICER_A)
    const malee = await signIn(station, OFFICER_B)
    const supervisor = await signIn(station, SUPERVISOR)
    const own = await callOn(station, somchai, 'cases.create', methCase)

    const foreign = await tryOn(station, malee, 'exchange.share', { caseId: own.id })
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining(`Case ${own.ref} was logged by somchai`) } })
    // Editing another officer's case is an officer's work; sharing it across the border is not.
    expect((await tryOn(station, malee, 'cases.setStatus', { id: own.id, expectedVersion: 1, status: 'investigating' })).ok).toBe(true)

    expect((await callOn(station, somchai, 'exchange.share', { caseId: own.id })).record.revision).toBe(1)
    expect(codeOf(await tryOn(station, malee, 'exchange.withdraw', { caseId: own.id, reason: 'wrong case' }))).toBe('forbidden')
    expect((await callOn(station, supervisor, 'exchange.withdraw', { caseId: own.id, reason: 'shared too early' })).record.withdrawn).toMatchObject({ by: SUPERVISOR.username })

    const denied = (await callOn(station, officer, 'audit.list', { action: 'access.denied' })).rows.map((e) => [e.actor, e.target?.id])
    expect(denied).toEqual([['malee', 'exchange.withdraw'], ['malee', 'exchange.share']])
  })

  it('applies a role change to a signed-in account at its next call', async () => {
    const station = openOn(tempDir())
    const admin = await setUpAccounts(station, [SUPERVISOR])
    const supervisor = await signIn(station, SUPERVISOR)
    expect((await tryOn(station, supervisor, 'audit.verify', {})).ok).toBe(true)
    await callOn(station, admin, 'users.update', { username: SUPERVISOR.username, role: 'officer' })
    expect(codeOf(await tryOn(station, supervisor, 'audit.verify', {}))).toBe('forbidden')
    expect((await callOn(station, supervisor, 'auth.status', {})).user).toMatchObject({ role: 'officer', allowedMethods: expect.not.arrayContaining(['audit.verify']) })
  })
})

describe('roles over the station host', () => {
  async function host(): Promise<{ station: Station; server: StationServer; token: string }> {
    const station = openOn(tempDir())
    const token = createAccessToken()
    const server = await startStationServer({ station, rendererDir: join(tempDir(), 'no-ui'), port: 0, token, localActor: 'cli:tester', log: () => undefined })
    cleanup.push(() => server.close())
    return { station, server, token }
  }

  it('makes a browser page sign in, and trusts a token-bearing local program (no Origin) as cli:<os user>', async () => {
    const { station, server, token } = await host()
    await setUpAccounts(station, [OFFICER_A])
    const page = await openSocket(socketUrl(server.origin, token), { Origin: server.origin })
    const cli = await openSocket(socketUrl(server.origin, token))
    cleanup.push(() => page.close(), () => cli.close())

    expect((await page.call(1, 'auth.status', {})).reply).toMatchObject({ ok: true, value: { needsSetup: false, user: null } })
    expect((await page.call(2, 'cases.search', {})).reply).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
    expect((await cli.call(1, 'auth.status', {})).reply).toMatchObject({ ok: true, value: { user: { username: 'cli:tester', role: 'admin', system: true } } })

    // Events go only to connections that are signed in (or local programs).
    const unseen = (await cli.call(2, 'cases.create', methCase)).reply
    expect(unseen).toMatchObject({ ok: true, value: { createdBy: 'cli:tester' } })
    expect((await page.call(3, 'auth.login', { username: OFFICER_A.username, password: OFFICER_A.password })).reply.ok).toBe(true)
    const seen = (await cli.call(3, 'cases.create', methCase)).reply as { ok: true; value: { id: string } }
    const event = await page.next((m) => m.type === 'event' && m.event === 'cases:changed')
    expect(event).toMatchObject({ payload: { id: seen.value.id } })

    const created = (await page.call(4, 'cases.create', methCase)).reply
    expect(created).toMatchObject({ ok: true, value: { createdBy: OFFICER_A.username } })
    expect((await page.call(5, 'users.list', {})).reply).toMatchObject({ ok: false, error: { code: 'forbidden' } })

    // Each socket is its own connection: a second page of the same browser starts signed out.
    const second = await openSocket(socketUrl(server.origin, token), { Origin: server.origin })
    cleanup.push(() => second.close())
    expect((await second.call(1, 'cases.search', {})).reply).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })

    const actors = (await cli.call(4, 'audit.list', { action: 'case.create' })).reply as { ok: true; value: { rows: { actor: string }[] } }
    expect(actors.value.rows.map((r) => r.actor)).toEqual([OFFICER_A.username, 'cli:tester', 'cli:tester'])
  })
})
