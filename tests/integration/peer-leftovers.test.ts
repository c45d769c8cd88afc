/**
 * Regression (found by the sync fuzz, tests/reliability): an update from the paired peer for a document new to
 * this station registered the document before applying the update, outside its transaction. A refused update
 * (malformed), an empty one, or one whose content waits for predecessors left a registered, empty document
 * behind; for a plan that meant an empty plan in the list after the next restart (and views that no longer
 * equalled a rebuild). Registration now commits with the content, or not at all.
 */
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openDatabase } from '../../main/core/db/open-database'
import type { Station } from '../../main/core/station'
import { COMPRESSION, Kind, type Frame } from '../../main/core/sync/frames'
import { sendHandled, stationWithRawPeer } from '../helpers/raw-peer'
import { call, openTestStation } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'
import { databaseFile, viewsAgainstDocuments } from '../reliability/lib/consistency'

const update = (doc: string, bytes: Uint8Array): Frame => ({ kind: Kind.update, doc, flags: COMPRESSION.none, update: bytes })

describe('updates from the peer for documents new to this station', () => {
  const tempDir = useTempDirs()
  const open: Station[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()))
  })

  it('register a document only together with content it stores', async () => {
    const dir = tempDir()
    const { station, peer, dial } = await stationWithRawPeer(dir, tempDir(), open)

    // Content that depends on an earlier update the station never got.
    const records = new Y.Doc()
    records.getMap('records').set('first', 1)
    const before = Y.encodeStateVector(records)
    records.getMap('records').set('second', 2)
    const dependent = Y.encodeStateAsUpdateV2(records, before)
    const plan = new Y.Doc()
    plan.getMap('meta').set('title', 'Joint patrol')
    plan.getXmlFragment('notes').insert(0, [new Y.XmlElement('paragraph')])
    const [malformed, empty, real] = [randomUUID(), randomUUID(), randomUUID()]

    const ws = await dial()
    await sendHandled(ws, [
      update(`plan/${malformed}`, new Uint8Array([1, 2, 3])),
      update(`plan/${empty}`, Y.encodeStateAsUpdateV2(new Y.Doc())),
      update(`records/${peer.stationId}/2026-11`, dependent),
      update(`plan/${real}`, Y.encodeStateAsUpdateV2(plan))
    ])
    ws.terminate()

    expect((await call(station, 'plans.list', {})).rows.map((r) => r.id)).toEqual([real])
    const refusals = (await call(station, 'link.log', { limit: 50 })).filter((e) => e.kind === 'refused-update')
    expect(refusals.map((e) => e.detail)).toEqual([expect.stringContaining(`plan/${malformed}`)])

    await station.close()
    const db = openDatabase(databaseFile(dir))
    try {
      const docs = db.prepare('SELECT name FROM docs ORDER BY name').pluck().all()
      expect(docs).toEqual([`plan/${real}`])
      expect(viewsAgainstDocuments(db)).toEqual([])
    } finally {
      db.close()
    }
    // After a restart the plan list is what it was: no empty plans appear.
    const reopened = openTestStation(dir)
    open.push(reopened)
    expect((await call(reopened, 'plans.list', {})).rows.map((r) => r.id)).toEqual([real])
  })
})
