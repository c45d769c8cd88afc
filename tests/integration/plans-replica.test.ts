/**
 * The plan screen's replica (renderer/src/features/plans/replica) against a real station in process: two
 * screens edit one plan through the API and its events; their copies and the station's converge with every
 * edit; a screen's own echo is not applied twice; edits made while the station cannot be reached wait, in
 * order, and arrive when it is back; presence goes from one screen to the other, and the counterpart's goes
 * when the border link does.
 */
import { toBase64 } from 'lib0/buffer'
import { describe, expect, it } from 'vitest'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { BloApi, EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../preload/api'
import type { ConnectionState, Station } from '../../main/core/station'
import { ApiError } from '../../renderer/src/api/api-error'
import { PlanReplica } from '../../renderer/src/features/plans/replica/plan-replica'
import { addItem, listItems, planRoots, setField } from '../../renderer/src/features/plans/replica/plan-model'
import { call, officer, openTestStation } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'
import { until } from '../helpers/until'

/**
 * The screens' API over the station in process, as the host's socket gives it to a page; `down` makes every
 * call fail the way the socket client does when the station cannot be reached.
 */
function screenApi(station: Station, connection: ConnectionState) {
  const link = { down: false }
  const api: BloApi = {
    async invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      if (link.down) throw new ApiError({ code: 'unavailable', message: 'the station could not be reached', issues: [] })
      const reply = await station.dispatch(method, input, connection)
      if (!reply.ok) throw new ApiError(reply.error)
      return reply.value as MethodOutput<M>
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      return station.onEvent((name: EventName, payload: unknown) => {
        if (name === (event as EventName) && !link.down) listener(payload as EventPayload<E>)
      })
    }
  }
  return { api, link }
}

/** A screen: its replica wired to the API's events, as usePlanReplica wires it. */
async function openScreen(station: Station, id: string) {
  const { api, link } = screenApi(station, officer)
  const replica = new PlanReplica(api, id)
  const stops = [api.on('plans:update', (e) => replica.receive(e)), api.on('plans:awareness', (e) => replica.receivePresence(e))]
  await replica.load()
  return {
    replica,
    link,
    close() {
      for (const stop of stops) stop()
      replica.destroy()
    }
  }
}

const notesOf = (doc: Y.Doc) => planRoots(doc).notes.toString()

describe('the plan screen replica', () => {
  const tempDir = useTempDirs()

  it('keeps two screens and the station converged, field by field and in the same notes paragraph', async () => {
    const station = openTestStation(tempDir())
    try {
      const { id } = await call(station, 'plans.create', { title: 'Operation Mekong Dawn', notes: 'Boats meet at the pier.' })
      const one = await openScreen(station, id)
      const two = await openScreen(station, id)
      const [a, b] = [one.replica.doc, two.replica.doc]
      expect(planRoots(b).meta.get('title')).toBe('Operation Mekong Dawn')

      // One screen adds a task; both then edit different fields of it at once, and type into the same paragraph.
      const taskId = addItem(a, 'tasks', { title: 'Night watch', side: '', assignee: '', due: '', status: 'open' })
      await until(() => listItems(planRoots(b).tasks).length === 1, 'the task on the second screen')
      const taskOn = (doc: Y.Doc) => listItems(planRoots(doc).tasks)[0].map
      setField(taskOn(a), 'assignee', 'Sgt. Somchai')
      setField(taskOn(b), 'status', 'in_progress')
      const textOf = (doc: Y.Doc) => planRoots(doc).notes.get(0) as Y.XmlElement
      ;(textOf(a).get(0) as Y.XmlText).insert(0, 'เรือไทย ')
      ;(textOf(b).get(0) as Y.XmlText).insert('Boats meet at the pier.'.length, ' ເຮືອລາວ')
      await until(() => notesOf(a) === notesOf(b) && taskOn(a).get('status') === 'in_progress' && taskOn(b).get('assignee') === 'Sgt. Somchai', 'both edits on both screens')

      const stored = await call(station, 'plans.get', { id })
      expect(stored.notes).toBe('เรือไทย Boats meet at the pier. ເຮືອລາວ')
      expect(stored.tasks).toEqual([{ id: taskId, title: 'Night watch', side: '', assignee: 'Sgt. Somchai', due: '', status: 'in_progress' }])
      expect(one.replica.getState()).toEqual({ unsaved: false, problem: null })
      one.close()
      two.close()
    } finally {
      station.close()
    }
  })

  it('does not apply its own echo, so one edit is one change on its copy', async () => {
    const station = openTestStation(tempDir())
    try {
      const { id } = await call(station, 'plans.create', { title: 'Echo' })
      const screen = await openScreen(station, id)
      // Every transaction counts, even one that changes nothing (applying an update the copy already holds).
      let remoteChanges = 0
      screen.replica.doc.on('afterTransaction', (transaction: Y.Transaction) => {
        if (typeof transaction.origin === 'symbol') remoteChanges++
      })
      setField(planRoots(screen.replica.doc).meta, 'codeName', 'ECHO-1')
      await until(() => !screen.replica.getState().unsaved, 'the edit with the station')
      // The station announces its changes in order: once a later change made elsewhere has come back to this
      // screen, the echo of its own edit would have come before it.
      await call(station, 'plans.edit', { id, edits: [{ op: 'add', list: 'tasks', item: { id: 'later', title: 'A later change' } }] })
      await until(() => listItems(planRoots(screen.replica.doc).tasks).length === 1, 'the later change on the screen')
      expect(remoteChanges).toBe(1)
      expect((await call(station, 'plans.get', { id })).codeName).toBe('ECHO-1')
      screen.close()
    } finally {
      station.close()
    }
  })

  it('keeps edits made while the station cannot be reached, in order, and sends them when it is back', async () => {
    const station = openTestStation(tempDir())
    try {
      const { id } = await call(station, 'plans.create', { title: 'Offline', notes: '' })
      const one = await openScreen(station, id)
      const two = await openScreen(station, id)
      one.link.down = true
      const meta = planRoots(one.replica.doc).meta
      setField(meta, 'area', 'Friendship Bridge 4')
      setField(meta, 'area', 'Friendship Bridge 4 and the old ferry piers')
      addItem(one.replica.doc, 'objectives', { text: 'Intercept rosewood at night' })
      await until(() => one.replica.getState().problem?.kind === 'waiting', 'the edits to wait')
      expect(one.replica.getState().unsaved).toBe(true)
      expect(one.replica.getState().problem?.error.code).toBe('unavailable')
      // Meanwhile the other screen edits too; the first misses that event.
      setField(planRoots(two.replica.doc).meta, 'codeName', 'ROSEWOOD')
      await until(() => !two.replica.getState().unsaved, 'the second screen saved')

      one.link.down = false
      one.replica.reconnected()
      await until(() => !one.replica.getState().unsaved && planRoots(one.replica.doc).meta.get('codeName') === 'ROSEWOOD', 'the first screen caught up')
      await until(() => planRoots(two.replica.doc).meta.get('area') === 'Friendship Bridge 4 and the old ferry piers', 'the second screen got the waiting edits')
      const stored = await call(station, 'plans.get', { id })
      expect(stored).toMatchObject({ area: 'Friendship Bridge 4 and the old ferry piers', codeName: 'ROSEWOOD' })
      expect(stored.objectives.map((o) => o.text)).toEqual(['Intercept rosewood at night'])
      expect(one.replica.getState()).toEqual({ unsaved: false, problem: null })
      one.close()
      two.close()
    } finally {
      station.close()
    }
  })

  it('shows each screen who else is in the plan, and forgets a screen that closed', async () => {
    const station = openTestStation(tempDir())
    try {
      const { id } = await call(station, 'plans.create', { title: 'Presence' })
      const one = await openScreen(station, id)
      const two = await openScreen(station, id)
      one.replica.awareness.setLocalStateField('user', { name: 'Sgt. Somchai', station: 'A' })
      await until(() => [...two.replica.awareness.getStates().values()].some((s) => s.user?.name === 'Sgt. Somchai'), 'presence on the second screen')
      // A newcomer is answered at once, not at the next 15-second renewal.
      two.replica.awareness.setLocalStateField('user', { name: 'Cpl. Malee', station: 'A' })
      await until(() => [...one.replica.awareness.getStates().values()].some((s) => s.user?.name === 'Cpl. Malee'), 'presence on the first screen')
      one.close()
      await until(() => ![...two.replica.awareness.getStates().values()].some((s) => s.user?.name === 'Sgt. Somchai'), 'the closed screen gone')
      two.close()
    } finally {
      station.close()
    }
  })

  it('drops the counterpart when the border link goes down, and is seen again at once when it returns', async () => {
    const station = openTestStation(tempDir())
    try {
      const { id } = await call(station, 'plans.create', { title: 'Presence across the border' })
      const one = await openScreen(station, id)
      const two = await openScreen(station, id)
      const names = (screen: typeof one) => [...screen.replica.awareness.getStates().values()].map((s) => s.user?.name).filter(Boolean)
      // The counterpart's screen, as main relays it: a plans:awareness event from `peer`.
      const theirs = new Awareness(new Y.Doc())
      const fromThem = () => ({ id, update: toBase64(encodeAwarenessUpdate(theirs, [theirs.clientID])), origin: 'peer' })
      try {
        one.replica.counterpartLinked(true)
        two.replica.counterpartLinked(true)
        one.replica.awareness.setLocalStateField('user', { name: 'Sgt. Somchai', station: 'A' })
        await until(() => names(two).includes('Sgt. Somchai'), 'presence on the second screen')
        theirs.setLocalStateField('user', { name: 'Cpl. Malee', station: 'B' })
        theirs.setLocalStateField('cursor', { anchor: {}, head: {} })
        one.replica.receivePresence(fromThem())
        two.replica.receivePresence(fromThem())
        expect(names(one)).toContain('Cpl. Malee')

        // Down: the counterpart goes from both screens at once; a screen on this station stays.
        one.replica.counterpartLinked(false)
        two.replica.counterpartLinked(false)
        expect(names(one)).not.toContain('Cpl. Malee')
        expect(names(two)).toEqual(['Sgt. Somchai'])

        // Back: each side renews its own presence under a new clock, which the other takes even though it
        // dropped the old one (the same clock again would be ignored).
        const clockOnTwo = () => two.replica.awareness.meta.get(one.replica.doc.clientID)?.clock ?? -1
        const before = clockOnTwo()
        one.replica.counterpartLinked(true)
        await until(() => clockOnTwo() > before, 'the first screen renewed its presence')
        one.replica.receivePresence(fromThem())
        expect(names(one)).not.toContain('Cpl. Malee')
        theirs.setLocalState(theirs.getLocalState())
        one.replica.receivePresence(fromThem())
        expect(names(one)).toContain('Cpl. Malee')
      } finally {
        theirs.destroy()
        one.close()
        two.close()
      }
    } finally {
      station.close()
    }
  })
})
