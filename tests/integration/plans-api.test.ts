import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { EventPayload, MethodInput } from '../../preload/api'
import { join } from 'node:path'
import { openDatabase } from '../../main/core/db/open-database'
import { DATABASE_FILE, type Station } from '../../main/core/station'
import { call, OFFICER, officer, openTestStation } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'base64'))

const plan = {
  title: 'Operation Mekong Dawn',
  codeName: 'MEKONG-DAWN',
  periodFrom: '2026-12-01',
  periodTo: '2026-12-07',
  area: 'Chiang Khong – Houayxay river crossing',
  crossings: ['Friendship Bridge 4'],
  notes: 'ตรวจค้นรถบรรทุกทุกคันที่ผ่านสะพาน\nທີມລາດຕະເວນຝັ່ງລາວ ເລີ່ມເວລາ 06:00'
} satisfies MethodInput<'plans.create'>

function recordEvents(station: Station) {
  const updates: EventPayload<'plans:update'>[] = []
  const presence: EventPayload<'plans:awareness'>[] = []
  station.onEvent((event, payload) => {
    if (event === 'plans:update') updates.push(payload as EventPayload<'plans:update'>)
    if (event === 'plans:awareness') presence.push(payload as EventPayload<'plans:awareness'>)
  })
  return { updates, presence }
}

/** A screen's replica: opened from the station, kept live by plans:update, its edits sent with plans.update. */
async function openReplica(station: Station, id: string, origin: string) {
  const doc = new Y.Doc()
  const { state } = await call(station, 'plans.open', { id })
  Y.applyUpdateV2(doc, bytes(state), 'station')
  station.onEvent((event, payload) => {
    const p = payload as EventPayload<'plans:update'>
    if (event === 'plans:update' && p.id === id && p.origin !== origin && p.update) Y.applyUpdateV2(doc, bytes(p.update), 'station')
  })
  const sent: Promise<unknown>[] = []
  doc.on('updateV2', (update: Uint8Array, from: unknown) => {
    if (from !== 'station') sent.push(call(station, 'plans.update', { id, update: b64(update), origin }))
  })
  return { doc, settled: () => Promise.all(sent.splice(0)) }
}

describe('plans through the station API', () => {
  const tempDir = useTempDirs()

  it('creates a plan, lists it, and finds it by a Thai or Lao substring of its notes', async () => {
    const station = openTestStation(tempDir())
    try {
      const created = await call(station, 'plans.create', plan)
      expect(created).toMatchObject({ title: plan.title, status: 'draft', crossings: plan.crossings, notes: plan.notes })
      expect(created.signoff).toMatchObject({ state: 'none', agreed: false })
      expect(created.signoff.contentHash).toMatch(/^[0-9a-f]{64}$/)
      await call(station, 'plans.create', { title: 'Wildlife route watch', notes: 'pangolin scales' })

      const all = await call(station, 'plans.list', {})
      expect(all.total).toBe(2)
      const thai = await call(station, 'plans.list', { q: 'รถบรรทุก' })
      expect(thai.rows.map((r) => r.id)).toEqual([created.id])
      const lao = await call(station, 'plans.list', { q: 'ລາດຕະເວນ' })
      expect(lao.rows.map((r) => r.id)).toEqual([created.id])
      expect(lao.rows[0]).toMatchObject({ status: 'draft', signoff: 'none', unsignedChanges: true, tasks: { total: 0, open: 0 } })
      expect((await call(station, 'plans.list', { q: 'pangolin' })).rows).toHaveLength(1)
      expect((await call(station, 'plans.list', { from: '2026-12-05', to: '2026-12-31' })).rows.map((r) => r.id)).toEqual([created.id])
      expect((await call(station, 'plans.list', { from: '2027-01-01' })).total).toBe(0)
    } finally {
      await station.close()
    }
  })

  it('keeps replicas live: open, edit in one screen, the other screen receives the change', async () => {
    const station = openTestStation(tempDir())
    try {
      const { id } = await call(station, 'plans.create', plan)
      const events = recordEvents(station)
      const screenA = await openReplica(station, id, 'screen:a')
      const screenB = await openReplica(station, id, 'screen:b')
      expect(screenA.doc.getMap('meta').get('title')).toBe(plan.title)

      const tasks = screenA.doc.getArray<Y.Map<unknown>>('tasks')
      screenA.doc.transact(() => {
        tasks.push([new Y.Map<unknown>(Object.entries({ id: 't1', title: 'Close lane 2', side: '', assignee: '', due: '', status: 'open' }))])
        const firstParagraph = screenA.doc.getXmlFragment('notes').get(0) as Y.XmlElement
        ;(firstParagraph.get(0) as Y.XmlText).insert(0, 'ด่วน: ')
      })
      await screenA.settled()

      expect(events.updates.at(-1)).toMatchObject({ id, origin: 'screen:a' })
      expect(screenB.doc.getArray<Y.Map<unknown>>('tasks').get(0).get('title')).toBe('Close lane 2')
      const detail = await call(station, 'plans.get', { id })
      expect(detail.tasks).toEqual([{ id: 't1', title: 'Close lane 2', side: '', assignee: '', due: '', status: 'open' }])
      expect(detail.notes.startsWith('ด่วน: ตรวจค้น')).toBe(true)
      expect(detail.lastEdit?.from).toBe('local')

      // A replica that fell behind asks only for what it lacks.
      const late = new Y.Doc()
      const { state: partial } = await call(station, 'plans.open', { id, stateVector: b64(Y.encodeStateVector(late)) })
      Y.applyUpdateV2(late, bytes(partial))
      expect(late.getArray('tasks').length).toBe(1)
    } finally {
      await station.close()
    }
  })

  it('relays presence between screens of the station', async () => {
    const station = openTestStation(tempDir())
    try {
      const { id } = await call(station, 'plans.create', plan)
      const events = recordEvents(station)
      // An awareness update as y-protocols encodes it: one client, clock 1, state JSON.
      const state = JSON.stringify({ user: { name: 'Sgt. Somchai', color: '#1f6feb' } })
      const stateBytes = new TextEncoder().encode(state)
      const update = new Uint8Array([1, 42, 1, stateBytes.length, ...stateBytes])
      await call(station, 'plans.awareness', { id, update: b64(update), origin: 'screen:a' })
      expect(events.presence).toEqual([{ id, update: b64(update), origin: 'screen:a' }])

      const garbage = await station.dispatch('plans.awareness', { id, update: b64(new Uint8Array([5, 1])) }, officer)
      expect(garbage).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      expect(events.presence).toHaveLength(1)
    } finally {
      await station.close()
    }
  })

  it('refuses a malformed or oversized update, logs it, and keeps the stored plan loadable', async () => {
    const dir = tempDir()
    const logs: string[] = []
    const { openStation } = await import('../../main/core/station')
    let station = openStation({ dataDir: dir, init: { name: 'Chiang Khong BLO', country: 'TH' }, log: (m) => logs.push(m) })
    let id = ''
    try {
      id = (await call(station, 'plans.create', plan)).id
      const before = await call(station, 'plans.get', { id })

      // A real update, cut short: it parses partly, then fails.
      const other = new Y.Doc()
      Y.applyUpdateV2(other, bytes((await call(station, 'plans.open', { id })).state))
      const captured: Uint8Array[] = []
      other.on('updateV2', (u: Uint8Array) => captured.push(u))
      other.getMap('meta').set('title', 'x'.repeat(5000))
      const truncated = captured[0].slice(0, captured[0].length - 40)
      for (const update of [truncated, new Uint8Array([0, 0, 1, 2, 3, 250, 251, 252, 253]), new Uint8Array(2_500_000)]) {
        const reply = await station.dispatch('plans.update', { id, update: b64(update), origin: 'screen:bad' }, officer)
        expect(reply.ok).toBe(false)
        if (!reply.ok) expect(reply.error.code).toBe('invalid_input')
      }
      expect(logs.filter((l) => l.includes('Refused an update to plan') && l.includes('screen:bad')).length).toBeGreaterThanOrEqual(2)
      expect(await call(station, 'plans.get', { id })).toEqual(before)
    } finally {
      await station.close()
    }
    station = openStation({ dataDir: dir, log: () => undefined })
    try {
      const reopened = await call(station, 'plans.get', { id })
      expect(reopened.title).toBe(plan.title)
      expect(reopened.notes).toBe(plan.notes)
    } finally {
      await station.close()
    }
  })

  it('saves versions, shows and diffs them, and restores one as a new edit without losing history', async () => {
    const station = openTestStation(tempDir())
    try {
      const { id } = await call(station, 'plans.create', plan)
      await call(station, 'plans.edit', {
        id,
        edits: [{ op: 'add', list: 'tasks', item: { id: 'bridge', title: 'Joint checkpoint at the bridge', status: 'open' } }]
      })
      const v1 = await call(station, 'plans.saveVersion', { id, name: 'First draft' })
      expect(v1).toMatchObject({ name: 'First draft', kind: 'manual', by: OFFICER })

      await call(station, 'plans.edit', {
        id,
        edits: [
          { op: 'notes.set', text: 'แผนใหม่ทั้งหมด' },
          { op: 'update', list: 'tasks', id: 'bridge', set: { status: 'done', assignee: 'Lt. Vong' } },
          { op: 'add', list: 'tasks', item: { title: 'Night patrol' } },
          { op: 'set', fields: { title: 'Operation Mekong Dusk' } }
        ]
      })
      const v2 = await call(station, 'plans.saveVersion', { id, name: 'Rewritten' })

      const past = await call(station, 'plans.version', { id, versionId: v1.id })
      expect(past.plan.notes).toBe(plan.notes)
      expect(past.plan.tasks).toHaveLength(1)

      const diff = await call(station, 'plans.diff', { id, from: v1.id, to: 'current' })
      expect(diff.fields).toEqual([{ field: 'title', before: 'Operation Mekong Dawn', after: 'Operation Mekong Dusk' }])
      expect(diff.lists.tasks.added.map((t) => t.title)).toEqual(['Night patrol'])
      expect(diff.lists.tasks.changed).toEqual([
        {
          id: 'bridge',
          label: 'Joint checkpoint at the bridge',
          changes: [
            { field: 'assignee', before: '', after: 'Lt. Vong' },
            { field: 'status', before: 'open', after: 'done' }
          ]
        }
      ])
      expect(diff.notes.changed).toBe(true)
      expect(diff.notes.parts.filter((p) => p.op === 'insert').map((p) => p.text).join('')).toContain('แผนใหม่')

      const restored = await call(station, 'plans.restore', { id, versionId: v1.id })
      expect(restored.notes).toBe(plan.notes)
      expect(restored.title).toBe(plan.title)
      expect(restored.tasks.map((t) => [t.id, t.status])).toEqual([['bridge', 'open']])
      expect(restored.signoff.contentHash).toBe(v1.contentHash)
      // Nothing is lost: the later version and the state just before the restore are both in history.
      expect(restored.versions.map((v) => v.kind)).toEqual(['manual', 'manual', 'before-restore'])
      const beforeRestore = restored.versions[2]
      expect((await call(station, 'plans.version', { id, versionId: v2.id })).plan.notes).toBe('แผนใหม่ทั้งหมด')
      expect((await call(station, 'plans.version', { id, versionId: beforeRestore.id })).plan.title).toBe('Operation Mekong Dusk')
    } finally {
      await station.close()
    }
  })

  it('rebuilds the plan list and its search text from the documents when they are missing', async () => {
    const dir = tempDir()
    let station = openTestStation(dir)
    const { id } = await call(station, 'plans.create', plan)
    const before = await call(station, 'plans.list', { q: 'รถบรรทุก' })
    await station.close()
    const db = openDatabase(join(dir, DATABASE_FILE))
    db.exec('DELETE FROM plan_text; DELETE FROM plans')
    db.close()
    station = openTestStation(dir)
    try {
      const after = await call(station, 'plans.list', { q: 'รถบรรทุก' })
      expect(after.rows.map((r) => r.id)).toEqual([id])
      expect({ ...after.rows[0], lastEdit: null }).toEqual({ ...before.rows[0], lastEdit: null })
    } finally {
      await station.close()
    }
  })

  it('names the field at fault in a refused typed edit and applies none of the batch', async () => {
    const station = openTestStation(tempDir())
    try {
      const { id } = await call(station, 'plans.create', plan)
      const reply = await station.dispatch(
        'plans.edit',
        {
          id,
          edits: [
            { op: 'set', fields: { title: 'Changed' } },
            { op: 'add', list: 'tasks', item: { title: 'Across', side: 'AAAA-BBBB-CCCC' } }
          ]
        },
        officer
      )
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'edits.1.item.side' }] } })
      expect((await call(station, 'plans.get', { id })).title).toBe(plan.title)
      const missing = await station.dispatch('plans.get', { id: 'aaaaaaaa-0000-0000-0000-000000000000' }, officer)
      expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } })
    } finally {
      await station.close()
    }
  })
})
