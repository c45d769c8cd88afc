/**
 * Two complete stations in one process, paired over real mutual TLS on loopback: a plan is created on one,
 * co-edited from both, edited on both sides while the link is down, and signed off jointly.
 * Waits are for conditions, never for a fixed time.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { EventPayload, MethodInput, MethodName, MethodOutput, PlanDetail } from '../../preload/api'
import { openStation, systemConnection, type Station } from '../../main/core/station'
import { until } from '../helpers/until'
import { useTempDirs } from '../helpers/temp-dir'

const LINK = { backoffBaseMs: 50, backoffMaxMs: 300 }
const IDENTITIES = {
  th: { name: 'Chiang Khong BLO', country: 'TH', crossing: 'Chiang Khong – Houayxay' },
  la: { name: 'Houayxay BLO', country: 'LA', crossing: 'Houayxay – Chiang Khong' }
}
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

interface Office {
  dir: string
  id: string
  port: number
  station: Station
  user: string
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  events: { event: string; payload: unknown }[]
}

const open: Station[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})

/** Opens (or reopens) a station; with a port it listens there and dials its paired counterpart. */
async function openOffice(dir: string, who: keyof typeof IDENTITIES, listenPort: number | null, user: string): Promise<Office> {
  const station = openStation({ dataDir: dir, init: IDENTITIES[who], log: () => undefined, link: LINK })
  open.push(station)
  const events: Office['events'] = []
  station.onEvent((event, payload) => events.push({ event, payload }))
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>) => {
    const reply = await station.dispatch(method, input, systemConnection(user))
    if (!reply.ok) throw new Error(`${who} ${method}: ${reply.error.code}: ${reply.error.message}`)
    return reply.value as MethodOutput<M>
  }
  let port = 0
  if (listenPort !== null) {
    await station.startLink({ host: '127.0.0.1', port: listenPort })
    port = (await call('link.status', {})).listening!.port
  }
  const { stationId } = await call('link.station', {})
  return { dir, id: stationId, port, station, user, call, events }
}

async function closeOffice(office: Office): Promise<void> {
  open.splice(open.indexOf(office.station), 1)
  await office.station.close()
}

async function pairedOffices(tempDir: () => string) {
  const th = await openOffice(tempDir(), 'th', 0, 'Pol. Maj. Somchai')
  const la = await openOffice(tempDir(), 'la', 0, 'Pol. Capt. Vilay')
  await th.call('counterparts.add', { stationId: la.id, address: `127.0.0.1:${la.port}`, name: 'Houayxay BLO' })
  await la.call('counterparts.add', { stationId: th.id, address: `127.0.0.1:${th.port}`, name: 'Chiang Khong BLO' })
  return { th, la }
}

async function detailOn(office: Office, id: string): Promise<PlanDetail | null> {
  const reply = await office.station.dispatch('plans.get', { id }, systemConnection(office.user))
  return reply.ok ? (reply.value as PlanDetail) : null
}

/** Waits until both stations hold the same plan content (and the check holds on both). */
async function converged(a: Office, b: Office, id: string, check: (p: PlanDetail) => boolean = () => true): Promise<[PlanDetail, PlanDetail]> {
  const same = (x: PlanDetail, y: PlanDetail) =>
    x.signoff.contentHash === y.signoff.contentHash &&
    JSON.stringify(x.signoff.approvals) === JSON.stringify(y.signoff.approvals) &&
    JSON.stringify(x.versions) === JSON.stringify(y.versions)
  return until(
    async () => {
      const [x, y] = await Promise.all([detailOn(a, id), detailOn(b, id)])
      return x && y && same(x, y) && check(x) && check(y) ? ([x, y] as [PlanDetail, PlanDetail]) : null
    },
    'both stations to hold the same plan',
    15_000
  )
}

const content = ({ lastEdit: _l, counterpart: _c, ...rest }: PlanDetail) => rest

describe('a plan shared by two paired stations', () => {
  const tempDir = useTempDirs()

  it('co-edits live, keeps every edit made on both sides while the link is down, and converges', async () => {
    const { th, la } = await pairedOffices(tempDir)
    const created = await th.call('plans.create', {
      title: 'Operation Mekong Dawn',
      notes: 'ลาดตระเวนร่วม ท่าเรือบั๊ก'
    })
    expect(created.partnerStation).toBe(la.id)
    const { id } = created
    await th.call('plans.edit', { id, edits: [{ op: 'add', list: 'tasks', item: { id: 'pier', title: 'Search the pier', side: th.id } }] })
    const [, onLa] = await converged(th, la, id, (p) => p.tasks.length === 1)
    expect(onLa).toMatchObject({ title: 'Operation Mekong Dawn', notes: 'ลาดตระเวนร่วม ท่าเรือบั๊ก', counterpart: { stationId: th.id, name: 'Chiang Khong BLO' } })
    expect(la.events.some((e) => e.event === 'plans:update' && (e.payload as EventPayload<'plans:update'>).origin === 'peer')).toBe(true)
    expect((await la.call('plans.list', {})).rows[0]).toMatchObject({ id, counterpart: { stationId: th.id }, lastEdit: { from: 'peer' } })

    // The link goes down: the Lao station is offline.
    const laDir = la.dir
    const laPort = la.port
    await closeOffice(la)
    await th.call('plans.edit', {
      id,
      edits: [
        { op: 'notes.insert', paragraph: 0, offset: 'ลาดตระเวนร่วม'.length, text: ' กลางคืน' },
        { op: 'update', list: 'tasks', id: 'pier', set: { assignee: 'Sgt. Anan', title: 'Search pier 2' } }
      ]
    })
    const offline = await openOffice(laDir, 'la', null, 'Pol. Capt. Vilay')
    await offline.call('plans.edit', {
      id,
      edits: [
        { op: 'notes.insert', paragraph: 0, offset: 'ลาดตระเวนร่วม ท่าเรือบั๊ก'.length, text: ' ແລະ ບ້ານດອນ' },
        { op: 'update', list: 'tasks', id: 'pier', set: { due: '2026-12-03', title: 'Search the pier at dawn' } }
      ]
    })
    await closeOffice(offline)

    // The link returns.
    const back = await openOffice(laDir, 'la', laPort, 'Pol. Capt. Vilay')
    const [a, b] = await converged(th, back, id, (p) => p.notes.includes('กลางคืน') && p.notes.includes('ບ້ານດອນ'))
    expect(content(a)).toEqual(content(b))
    expect(a.notes).toBe('ลาดตระเวนร่วม กลางคืน ท่าเรือบั๊ก ແລະ ບ້ານດອນ')
    const [task] = a.tasks
    // Different fields of the same task: both edits kept. The same field: one deterministic winner on both.
    expect(task).toMatchObject({ id: 'pier', assignee: 'Sgt. Anan', due: '2026-12-03' })
    expect(['Search pier 2', 'Search the pier at dawn']).toContain(task.title)

    // Both stations' replicas end identical too.
    const replicas = await Promise.all(
      [th, back].map(async (o) => {
        const doc = new Y.Doc()
        Y.applyUpdateV2(doc, Buffer.from((await o.call('plans.open', { id })).state, 'base64'))
        return doc
      })
    )
    expect(replicas[0].getXmlFragment('notes').toJSON()).toBe(replicas[1].getXmlFragment('notes').toJSON())
    expect(replicas[0].getArray('tasks').toJSON()).toEqual(replicas[1].getArray('tasks').toJSON())
  })

  it('relays presence from a screen on one station to the screens of the other', async () => {
    const { th, la } = await pairedOffices(tempDir)
    const { id } = await th.call('plans.create', { title: 'Presence check' })
    await converged(th, la, id)
    await until(() => th.events.some((e) => e.event === 'link:status'), 'the link status')
    const state = new TextEncoder().encode(JSON.stringify({ user: { name: 'Somchai', color: '#d97706' }, cursor: null }))
    const update = b64(new Uint8Array([1, 7, 3, state.length, ...state]))
    // The session may still be starting: send until the other side has it, as a screen re-sends presence anyway.
    await until(
      () => {
        void th.call('plans.awareness', { id, update, origin: 'screen:th-1' })
        return la.events.some((e) => e.event === 'plans:awareness')
      },
      'presence at the counterpart'
    )
    expect(la.events.find((e) => e.event === 'plans:awareness')?.payload).toEqual({ id, update, origin: 'peer' })
  })

  it('agrees only when both stations approve the same current content, and an edit after that un-agrees', async () => {
    const { th, la } = await pairedOffices(tempDir)
    const { id } = await th.call('plans.create', { title: 'Operation Golden Gate', notes: 'Timber convoy interdiction' })
    const [start] = await converged(th, la, id)

    // One side alone does not agree.
    const afterTh = await th.call('plans.approve', { id, stateHash: start.signoff.contentHash })
    expect(afterTh.signoff).toMatchObject({ state: 'partial', agreed: false, waitingFor: [la.id] })
    await converged(th, la, id, (p) => p.signoff.approvals.length === 1)

    // A stale hash is refused outright; an approval of different content does not agree.
    await la.call('plans.edit', { id, edits: [{ op: 'set', fields: { area: 'Mekong, km 2410–2425' } }] })
    const stale = await la.station.dispatch('plans.approve', { id, stateHash: start.signoff.contentHash }, systemConnection(la.user))
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const edited = (await detailOn(la, id))!
    const afterLa = await la.call('plans.approve', { id, stateHash: edited.signoff.contentHash })
    expect(afterLa.signoff.agreed).toBe(false)
    const [split] = await converged(th, la, id, (p) => p.signoff.approvals.length === 2)
    expect(split.signoff).toMatchObject({ agreed: false, state: 'partial', waitingFor: [th.id] })
    expect(split.status).toBe('draft')

    // The same state on both sides agrees, and the agreement is recorded as a version once.
    await th.call('plans.approve', { id, stateHash: split.signoff.contentHash })
    const [agreedTh, agreedLa] = await converged(th, la, id, (p) => p.signoff.agreed)
    for (const p of [agreedTh, agreedLa]) {
      expect(p.status).toBe('agreed')
      expect(p.signoff.approvals.map((a) => [a.station, a.valid, a.current])).toEqual([
        [th.id, true, true],
        [la.id, true, true]
      ])
    }
    expect(agreedTh.versions.filter((v) => v.kind === 'agreed')).toHaveLength(1)
    expect(agreedTh.signoff.agreedVersion?.contentHash).toBe(agreedTh.signoff.contentHash)
    expect((await th.call('plans.list', { status: 'agreed' })).rows.map((r) => r.id)).toEqual([id])

    // Any later edit, from either side, makes the plan no longer agreed, on both stations.
    await la.call('plans.edit', { id, edits: [{ op: 'add', list: 'objectives', item: { text: 'Seize the barge' } }] })
    const [changed] = await converged(th, la, id, (p) => p.objectives.length === 1)
    expect(changed.status).toBe('draft')
    expect(changed.signoff).toMatchObject({ state: 'changed', agreed: false, changesSinceAgreed: true })
    expect((await th.call('plans.list', {})).rows[0]).toMatchObject({ signoff: 'changed', unsignedChanges: true })
    const since = await th.call('plans.diff', { id, from: changed.signoff.agreedVersion!.id, to: 'current' })
    expect(since.lists.objectives.added).toEqual([{ id: changed.objectives[0].id, text: 'Seize the barge' }])
  })

  it('refuses a screen that writes an approval or touches the history directly, and changes nothing', async () => {
    const { th, la } = await pairedOffices(tempDir)
    const { id } = await th.call('plans.create', { title: 'Forgery check' })
    const [start] = await converged(th, la, id)
    await la.call('plans.approve', { id, stateHash: start.signoff.contentHash })
    await la.call('plans.saveVersion', { id, name: 'Reviewed' })
    const [before] = await converged(th, la, id, (p) => p.signoff.approvals.length === 1 && p.versions.length === 1)

    // A screen at the Lao station copies the Lao approval under the Thai station's key; another drops the history.
    const replica = new Y.Doc()
    Y.applyUpdateV2(replica, Buffer.from((await la.call('plans.open', { id })).state, 'base64'))
    const sent: Uint8Array[] = []
    replica.on('updateV2', (u: Uint8Array) => sent.push(u))
    replica.getMap('signoff').set(th.id, { ...(replica.getMap('signoff').get(la.id) as object), station: th.id })
    replica.getMap('versions').delete(before.versions[0].id)
    for (const update of sent) {
      const reply = await la.station.dispatch('plans.update', { id, update: b64(update), origin: 'screen:forger' }, systemConnection(la.user))
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(content((await detailOn(la, id))!)).toEqual(content(before))
  })
})
