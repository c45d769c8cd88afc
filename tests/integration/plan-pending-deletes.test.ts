/**
 * Regression (found while reading what the partition and fuzz runs exercise): while a plan held deletions from
 * the counterpart of items that had not arrived yet (a pending delete set), every screen edit of that plan was
 * refused as "builds on changes this station does not hold": Yjs replaces the pending delete set's object on
 * every update it applies, and the check compared objects. Editing must never block on the link.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import type { Station } from '../../main/core/station'
import { COMPRESSION, Kind } from '../../main/core/sync/frames'
import { sendHandled, stationWithRawPeer } from '../helpers/raw-peer'
import { call } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

/** Sends one update for the document; resolves once the station has handled it. */
const send = (ws: WebSocket, doc: string, update: Uint8Array) => sendHandled(ws, [{ kind: Kind.update, doc, flags: COMPRESSION.none, update }])

describe('a plan waiting for items the counterpart deleted', () => {
  const tempDir = useTempDirs()
  const open: Station[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()))
  })

  it("still takes a screen's edits, and applies the deletion once the items arrive", async () => {
    const { station, dial } = await stationWithRawPeer(tempDir(), tempDir(), open)
    const plan = await call(station, 'plans.create', { title: 'ลาดตระเวนร่วม' })

    // The counterpart adds a task and deletes it again; only the deletion reaches this station.
    const theirs = new Y.Doc({ gc: false })
    Y.applyUpdateV2(theirs, Buffer.from((await call(station, 'plans.open', { id: plan.id })).state, 'base64'))
    const before = Y.encodeStateVector(theirs)
    theirs.getArray('tasks').push([new Y.Map<unknown>([['id', 'boat'], ['title', 'Check the boats']])])
    const added = Y.encodeStateAsUpdateV2(theirs, before)
    const afterAdd = Y.encodeStateVector(theirs)
    theirs.getArray('tasks').delete(0, 1)
    const deleted = Y.encodeStateAsUpdateV2(theirs, afterAdd)
    const ws = await dial()
    await send(ws, `plan/${plan.id}`, deleted)

    // A screen edits its replica meanwhile.
    const screen = new Y.Doc({ gc: false })
    Y.applyUpdateV2(screen, Buffer.from((await call(station, 'plans.open', { id: plan.id })).state, 'base64'))
    const sv = Y.encodeStateVector(screen)
    screen.getArray('objectives').push([new Y.Map<unknown>([['id', 'o1'], ['text', 'Stop the smuggling boats']])])
    await call(station, 'plans.update', { id: plan.id, update: b64(Y.encodeStateAsUpdateV2(screen, sv)), origin: 'screen-1' })

    await send(ws, `plan/${plan.id}`, added)
    ws.terminate()
    const after = await call(station, 'plans.get', { id: plan.id })
    expect(after.objectives.map((o) => o.id)).toEqual(['o1'])
    expect(after.tasks).toEqual([])
  })
})
