/**
 * Joint operation plans in the audit trail, on real stations: what officers and supervisors do to a plan (typed
 * edits and screen updates, coalesced into editing sessions), and what arrives from a counterpart paired over
 * real mutual TLS on loopback. The station clock is moved by hand to step over the quiet times.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { verifyAuditFile } from '../../main/core/audit/audit-file'
import { RECEIVED_QUIET_MINUTES, SCREEN_QUIET_MINUTES } from '../../main/core/plans/plan-audit'
import { DATABASE_FILE, openStation, systemConnection, type ConnectionState, type Station } from '../../main/core/station'
import type { AuditEntry, MethodInput, MethodName, MethodOutput, PlanDetail } from '../../preload/api'
import { callOn, OFFICER_A, OFFICER_B, setUpAccounts, signIn, SUPERVISOR, tryOn } from '../helpers/accounts'
import { runCli } from '../helpers/built-programs'
import { openTestStation } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'
import { until } from '../helpers/until'
import { join } from 'node:path'

const tempDir = useTempDirs()
const open: Station[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})

const MINUTE = 60_000

function testClock(start = '2026-11-20T08:00:00Z') {
  let now = Date.parse(start)
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) }
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

/** Oldest first: the plan entries of a station's trail. */
async function planTrail(station: Station): Promise<AuditEntry[]> {
  const reply = await station.dispatch('audit.list', { action: 'plan', limit: 500 }, systemConnection('auditor'))
  if (!reply.ok) throw new Error(reply.error.message)
  return (reply.value as { rows: AuditEntry[] }).rows.reverse()
}

const summary = (e: AuditEntry) => [e.action, e.actor, e.detail.via ?? null]

/** A screen's edit as the plan screen's replica sends it: an update against the station's current state. */
async function screenEdit(station: Station, screen: ConnectionState, id: string, edit: (doc: Y.Doc) => void): Promise<string> {
  const { state } = await callOn(station, screen, 'plans.open', { id })
  const doc = new Y.Doc()
  Y.applyUpdateV2(doc, Buffer.from(state, 'base64'))
  const before = Y.encodeStateVector(doc)
  doc.transact(() => edit(doc))
  const update = Y.encodeStateAsUpdateV2(doc, before)
  doc.destroy()
  return (await callOn(station, screen, 'plans.update', { id, update: b64(update), origin: 'screen-1' })).contentHash
}

const setArea = (area: string) => (doc: Y.Doc) => doc.getMap('meta').set('area', area)

describe('plan changes made at this station', () => {
  it('records create, typed edit, screen editing sessions, approval, version and restore, each once', async () => {
    const clock = testClock()
    const dir = tempDir()
    const station = openTestStation(dir, { now: clock.now })
    open.push(station)
    const admin = await setUpAccounts(station)
    // The quiet times below are longer than the default screen lock; keep the officers signed in across them.
    await callOn(station, admin, 'settings.update', { lockAfterMinutes: 240 })
    const [somchai, malee, wichai] = [await signIn(station, OFFICER_A), await signIn(station, OFFICER_B), await signIn(station, SUPERVISOR)]

    const plan = await callOn(station, somchai, 'plans.create', { title: 'Operation Mekong Dawn', area: 'Pier 3' })
    const { id } = plan
    const edited = await callOn(station, somchai, 'plans.edit', {
      id,
      edits: [
        { op: 'set', fields: { area: 'Pier 3 and the ferry ramp', codeName: 'DAWN' } },
        { op: 'add', list: 'tasks', item: { title: 'Night watch' } },
        { op: 'add', list: 'tasks', item: { title: 'Search the barge' } }
      ]
    })

    // Somchai types for ten minutes (an update every 20 s), Malee joins in: one session each.
    const hashes: string[] = []
    for (let i = 0; i < 30; i++) {
      hashes.push(await screenEdit(station, somchai, id, setArea(`Pier 3, edit ${i}`)))
      clock.advance(20_000)
    }
    const maleeHash = await screenEdit(station, malee, id, setArea('Pier 4'))
    // A screen may not touch the sign-off: refused, and nothing recorded.
    const forged = await tryOn(station, somchai, 'plans.update', {
      id,
      update: b64(await forgedApproval(station, somchai, id)),
      origin: 'screen-1'
    })
    expect(forged).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    // Just inside the quiet time: still the same session. Past it: a new one.
    clock.advance((SCREEN_QUIET_MINUTES - 1) * MINUTE)
    await screenEdit(station, somchai, id, setArea('Pier 3, still the same sitting'))
    clock.advance(SCREEN_QUIET_MINUTES * MINUTE)
    const laterHash = await screenEdit(station, somchai, id, setArea('Pier 3, next morning'))

    const current = await callOn(station, wichai, 'plans.get', { id })
    const approved = await callOn(station, wichai, 'plans.approve', { id, stateHash: current.signoff.contentHash })
    // An approval of content that has changed since it was reviewed is refused, and not recorded.
    expect(await tryOn(station, wichai, 'plans.approve', { id, stateHash: plan.signoff.contentHash })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const version = await callOn(station, somchai, 'plans.saveVersion', { id, name: 'Before the briefing' })
    await screenEdit(station, somchai, id, setArea('Somewhere else entirely'))
    const restored = await callOn(station, somchai, 'plans.restore', { id, versionId: version.id })
    // Restoring what is already the content changes nothing: no entry.
    await callOn(station, somchai, 'plans.restore', { id, versionId: version.id })

    const trail = await planTrail(station)
    expect(trail.map(summary)).toEqual([
      ['plan.create', OFFICER_A.username, null],
      ['plan.edit', OFFICER_A.username, 'typed'],
      ['plan.edit', OFFICER_A.username, 'screen'],
      ['plan.edit', OFFICER_B.username, 'screen'],
      ['plan.edit', OFFICER_A.username, 'screen'],
      ['plan.approve', SUPERVISOR.username, null],
      ['plan.version', OFFICER_A.username, null],
      ['plan.restore', OFFICER_A.username, null]
    ])
    const [create, typed, session1, maleeSession, session2, approve, saved, restore] = trail
    for (const entry of trail) expect(entry.target).toEqual({ type: 'plan', id, label: 'Operation Mekong Dawn' })
    expect(create.detail).toEqual({ contentHash: plan.signoff.contentHash, counterpart: null })
    expect(typed.detail).toEqual({
      via: 'typed',
      edits: ['set area, codeName', 'add tasks'],
      contentHash: { before: plan.signoff.contentHash, after: edited.signoff.contentHash }
    })
    expect(session1.detail).toEqual({ via: 'screen', contentHash: { before: edited.signoff.contentHash, after: hashes[0] }, quietMinutes: SCREEN_QUIET_MINUTES })
    expect(maleeSession.detail).toMatchObject({ contentHash: { before: hashes[29], after: maleeHash } })
    expect(session2.detail).toMatchObject({ contentHash: { after: laterHash } })
    expect(session2.at).toBe(new Date(Date.parse(session1.at) + 30 * 20_000 + (2 * SCREEN_QUIET_MINUTES - 1) * MINUTE).toISOString())
    expect(approve.detail).toEqual({ contentHash: current.signoff.contentHash, signoff: approved.signoff.state })
    expect(saved.detail).toEqual({ contentHash: version.contentHash, versionId: version.id, name: 'Before the briefing' })
    const savedBefore = restored.versions.find((v) => v.kind === 'before-restore')!
    expect(restore.detail).toEqual({
      versionId: version.id,
      name: 'Before the briefing',
      savedVersionId: savedBefore.id,
      contentHash: { before: savedBefore.contentHash, after: restored.signoff.contentHash }
    })
    expect(restored.signoff.contentHash).toBe(version.contentHash)

    expect(await callOn(station, admin, 'audit.verify', {})).toMatchObject({ intact: true, failure: null })
    expect(verifyAuditFile(join(dir, DATABASE_FILE))).toMatchObject({ intact: true, failure: null })
  })
})

/** An update that writes an approval into the sign-off map, as a tampered screen might. */
async function forgedApproval(station: Station, screen: ConnectionState, id: string): Promise<Uint8Array> {
  const { state } = await callOn(station, screen, 'plans.open', { id })
  const doc = new Y.Doc()
  Y.applyUpdateV2(doc, Buffer.from(state, 'base64'))
  const before = Y.encodeStateVector(doc)
  doc.getMap('signoff').set('someone', { station: 'someone', hash: 'x', at: '', by: '', cert: '', signature: '' })
  const update = Y.encodeStateAsUpdateV2(doc, before)
  doc.destroy()
  return update
}

// ---- two stations -------------------------------------------------------------------------------------

const LINK = { backoffBaseMs: 50, backoffMaxMs: 300 }
const IDENTITIES = {
  th: { name: 'Chiang Khong BLO', country: 'TH', crossing: 'Chiang Khong – Houayxay' },
  la: { name: 'Houayxay BLO', country: 'LA', crossing: 'Houayxay – Chiang Khong' }
}

interface Office {
  id: string
  dir: string
  station: Station
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
}

async function openOffice(who: keyof typeof IDENTITIES, user: string, now?: () => Date): Promise<Office & { port: number }> {
  const dir = tempDir()
  const station = openStation({ dataDir: dir, init: IDENTITIES[who], log: () => undefined, link: LINK, now })
  open.push(station)
  const connection = systemConnection(user)
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>) => {
    const reply = await station.dispatch(method, input, connection)
    if (!reply.ok) throw new Error(`${who} ${method}: ${reply.error.code}: ${reply.error.message}`)
    return reply.value as MethodOutput<M>
  }
  await station.startLink({ host: '127.0.0.1', port: 0 })
  const port = (await call('link.status', {})).listening!.port
  return { id: (await call('link.station', {})).stationId, dir, station, call, port }
}

/** Waits until the office holds the plan with this content hash (and the check holds). */
function holds(office: Office, id: string, hash: string, check: (p: PlanDetail) => boolean = () => true): Promise<PlanDetail> {
  return until(
    async () => {
      const reply = await office.station.dispatch('plans.get', { id }, systemConnection('test'))
      const plan = reply.ok ? (reply.value as PlanDetail) : null
      return plan && plan.signoff.contentHash === hash && check(plan) ? plan : null
    },
    `the plan with content ${hash.slice(0, 12)} on the other station`,
    { timeoutMs: 15_000, everyMs: 50 }
  )
}

describe('plan changes received from the paired counterpart', () => {
  it('records one entry per plan per peer per session of changes, and every approval', async () => {
    const laClock = testClock()
    const th = await openOffice('th', 'Pol. Maj. Somchai')
    const la = await openOffice('la', 'Pol. Capt. Vilay', laClock.now)
    await th.call('counterparts.add', { stationId: la.id, address: `127.0.0.1:${la.port}`, name: 'Houayxay BLO' })
    await la.call('counterparts.add', { stationId: th.id, address: `127.0.0.1:${th.port}`, name: 'Chiang Khong BLO' })

    const created = await th.call('plans.create', { title: 'Operation Mekong Dawn' })
    const { id } = created
    await holds(la, id, created.signoff.contentHash)
    // Three more edits across the border within the hour: no new entry on the receiving side.
    let hash = created.signoff.contentHash
    for (const area of ['Pier 3', 'Pier 3 and the ramp', 'Pier 4']) {
      hash = (await th.call('plans.edit', { id, edits: [{ op: 'set', fields: { area } }] })).signoff.contentHash
      await holds(la, id, hash)
      laClock.advance(10 * MINUTE)
    }
    // Thailand approves: always recorded.
    await th.call('plans.approve', { id, stateHash: hash })
    await holds(la, id, hash, (p) => p.signoff.state === 'partial')
    // More than the quiet time later, Thailand edits again (a new session) and approves that (recorded within it).
    laClock.advance(RECEIVED_QUIET_MINUTES * MINUTE)
    hash = (await th.call('plans.edit', { id, edits: [{ op: 'set', fields: { area: 'Pier 5' } }] })).signoff.contentHash
    await holds(la, id, hash)
    await th.call('plans.approve', { id, stateHash: hash })
    await holds(la, id, hash, (p) => p.signoff.state === 'partial')
    // Laos approves the same content: agreed, and Thailand records Laos's approval.
    await la.call('plans.approve', { id, stateHash: hash })
    await holds(th, id, hash, (p) => p.signoff.state === 'agreed' && p.versions.some((v) => v.kind === 'agreed'))
    await holds(la, id, hash, (p) => p.versions.some((v) => v.kind === 'agreed'))

    // Which station writes the agreed version first is a race: its counterpart records it when it arrives.
    const [peerTh, peerLa] = [`peer:${th.id}`, `peer:${la.id}`]
    const laTrail = await planTrail(la.station)
    expect(laTrail.slice(0, 5).map((e) => [e.action, e.actor])).toEqual([
      ['plan.received', peerTh],
      ['plan.received', peerTh],
      ['plan.received', peerTh],
      ['plan.received', peerTh],
      ['plan.approve', 'Pol. Capt. Vilay']
    ])
    expect(laTrail.slice(5).map((e) => [e.action, e.actor, Object.keys(e.detail).includes('versions')])).toEqual(laTrail.slice(5).map(() => ['plan.received', peerTh, true]))
    const [first, approval, later, secondApproval, approvedHere] = laTrail
    for (const entry of laTrail) expect(entry.target).toEqual({ type: 'plan', id, label: 'Operation Mekong Dawn' })
    expect(first.detail).toEqual({ contentHash: created.signoff.contentHash, status: 'draft', signoff: 'none', quietMinutes: RECEIVED_QUIET_MINUTES })
    expect(approval.detail).toMatchObject({ signoff: 'partial', approvals: [{ station: th.id, by: 'Pol. Maj. Somchai', valid: true }] })
    expect(later.detail).toMatchObject({ contentHash: hash, signoff: 'none' })
    expect(later.detail).not.toHaveProperty('approvals')
    expect(secondApproval.detail).toMatchObject({ contentHash: hash, signoff: 'partial', approvals: [{ station: th.id, hash }] })
    expect(approvedHere.detail).toEqual({ contentHash: hash, signoff: 'agreed' })

    const thTrail = await planTrail(th.station)
    expect(thTrail.slice(0, 7).map((e) => [e.action, e.actor, e.detail.via ?? null])).toEqual([
      ['plan.create', 'Pol. Maj. Somchai', null],
      ['plan.edit', 'Pol. Maj. Somchai', 'typed'],
      ['plan.edit', 'Pol. Maj. Somchai', 'typed'],
      ['plan.edit', 'Pol. Maj. Somchai', 'typed'],
      ['plan.approve', 'Pol. Maj. Somchai', null],
      ['plan.edit', 'Pol. Maj. Somchai', 'typed'],
      ['plan.approve', 'Pol. Maj. Somchai', null]
    ])
    expect(thTrail[0].detail).toMatchObject({ counterpart: la.id })
    expect(thTrail.slice(7).length).toBeGreaterThan(0)
    expect(thTrail.slice(7).every((e) => e.action === 'plan.received' && e.actor === peerLa)).toBe(true)
    expect(thTrail[7].detail).toMatchObject({ signoff: 'agreed', approvals: [{ station: la.id, by: 'Pol. Capt. Vilay', valid: true }] })

    for (const office of [th, la]) expect(await office.call('audit.verify', {})).toMatchObject({ intact: true, failure: null })
    await Promise.all(open.splice(0).map((s) => s.close()))
    for (const office of [th, la]) {
      const verified = await runCli(['audit', 'verify', '--data', office.dir])
      expect(verified.code, verified.stderr).toBe(0)
      expect(verified.stdout).toMatch(/^intact: \d+ entries verified/)
    }
  })
})
