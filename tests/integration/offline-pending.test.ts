/**
 * The link status while the counterpart is offline: its "pending" figure must stay right (after each write,
 * after a sync, after a restart) while costing only the work for the documents that changed. The status is
 * computed after every dial attempt and every status call; a full diff of every document each time held the
 * station for seconds on a folder with large plans.
 */
import type { Database } from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { join } from 'node:path'
import { openDatabase } from '../../main/core/db/open-database'
import { DocStore } from '../../main/core/docs/doc-store'
import { useTempDirs } from '../helpers/temp-dir'
import { until } from '../helpers/until'
import { startLinkStation, type LinkStation } from '../helpers/link-station'

/** The real store, counting the diffs it encodes: the expensive step of a pending figure. */
class CountingStore extends DocStore {
  diffs = 0
  override diff(name: string, stateVector?: Uint8Array): Uint8Array {
    this.diffs++
    return super.diff(name, stateVector)
  }
}

const MONTHS = Array.from({ length: 36 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`)
const PLANS = ['plan/mekong-dawn-01', 'plan/golden-triangle-02']

const docsOf = (s: LinkStation) => [...MONTHS.map((m) => `records/${s.id}/${m}`), ...PLANS]

function writeRecord(s: LinkStation, name: string, key: string) {
  s.store.write(() => s.store.get(name).getMap('records').set(key, { summary: `ยาบ้า ${key} เม็ด`, narrative: 'x'.repeat(300) }))
}

/** A plan with a long typing history, so that encoding it costs something. */
function typePlan(s: LinkStation, name: string, edits: number) {
  const text = s.store.get(name).getText('notes')
  for (let i = 0; i < edits; i += 50) {
    s.store.write(() => {
      for (let j = 0; j < 50; j++) {
        if (j % 7 === 6 && text.length > 0) text.delete(text.length - 1, 1)
        else text.insert(text.length, 'ก')
      }
    })
  }
}

/** What A holds that B's stopped data folder lacks, per document, read from both databases (not from the link's memory). */
function groundTruth(a: LinkStation, dirB: string): { docs: number; bytes: number } {
  const db = openDatabase(join(dirB, 'station.db'))
  const b = new DocStore(db)
  try {
    let docs = 0
    let bytes = 0
    for (const name of docsOf(a)) {
      const theirs = b.info(name) ? b.stateVector(name) : undefined
      const held = theirs ? Y.decodeStateVector(theirs) : new Map<number, number>()
      const ours = a.store.get(name)
      if ([...Y.decodeStateVector(Y.encodeStateVector(ours))].every(([client, clock]) => (held.get(client) ?? 0) >= clock)) continue
      docs++
      bytes += Y.encodeStateAsUpdateV2(ours, theirs).byteLength
    }
    return { docs, bytes }
  } finally {
    b.close()
    db.close()
  }
}

describe('pending figures while the counterpart is offline', () => {
  const tempDir = useTempDirs()
  const running: LinkStation[] = []
  afterEach(async () => {
    for (const s of running.splice(0)) await s.stop()
  })
  const station = async (name: string, dir: string) => {
    const s = await startLinkStation(dir, name, {}, (db: Database) => new CountingStore(db))
    running.push(s)
    return s
  }
  const stop = async (s: LinkStation) => {
    running.splice(running.indexOf(s), 1)
    await s.stop()
  }
  const counting = (s: LinkStation) => s.store as CountingStore
  const linkOf = (s: LinkStation, peer: LinkStation) => s.engine.status().find((p) => p.stationId === peer.id)!

  it('re-encodes only the document that changed, and stays right across writes, a sync and a restart', async () => {
    const dirA = tempDir()
    const dirB = tempDir()
    let a = await station('Chiang Khong', dirA)
    let b = await station('Houayxay', dirB)
    for (const name of docsOf(a)) {
      a.store.ensure({ name, kind: name.startsWith('plan/') ? 'plan' : 'records', owner: name.startsWith('plan/') ? null : a.id })
    }
    for (const name of docsOf(a)) if (name.startsWith('records/')) writeRecord(a, name, 'first')
    for (const name of PLANS) typePlan(a, name, 4_000)

    a.pair(b)
    b.pair(a)
    await until(() => linkOf(a, b).lastCompleteSync !== null && linkOf(b, a).lastCompleteSync !== null, 'first complete sync')
    await stop(b)
    await until(() => linkOf(a, b).state !== 'connected', 'A sees B gone')
    expect(linkOf(a, b)).toMatchObject({ pendingDocs: 0, pendingBytes: 0 })

    // Every document gets something B lacks.
    for (const name of docsOf(a)) if (name.startsWith('records/')) writeRecord(a, name, 'offline')
    for (const name of PLANS) typePlan(a, name, 500)
    const all = groundTruth(a, dirB)
    expect(all.docs).toBe(docsOf(a).length)
    expect(linkOf(a, b)).toMatchObject({ pendingDocs: all.docs, pendingBytes: all.bytes })

    // Asked again with nothing changed: no document is encoded again.
    counting(a).diffs = 0
    for (let i = 0; i < 5; i++) expect(linkOf(a, b)).toMatchObject({ pendingDocs: all.docs, pendingBytes: all.bytes })
    expect(counting(a).diffs).toBe(0)

    // One document written: only it is encoded again, and the figure is right at once.
    typePlan(a, PLANS[0], 50)
    counting(a).diffs = 0
    const afterWrite = groundTruth(a, dirB)
    expect(afterWrite.bytes).toBeGreaterThan(all.bytes)
    expect(linkOf(a, b)).toMatchObject({ pendingDocs: afterWrite.docs, pendingBytes: afterWrite.bytes })
    expect(counting(a).diffs).toBe(1)

    // A restart of this station: computed once from what the link remembers of B, then kept.
    await stop(a)
    a = await station('Chiang Khong', dirA)
    a.peers.add({ stationId: b.id, address: '127.0.0.1:9' }, 'test') // B stays unreachable
    a.engine.refresh()
    expect(linkOf(a, b)).toMatchObject({ pendingDocs: afterWrite.docs, pendingBytes: afterWrite.bytes })
    counting(a).diffs = 0
    expect(linkOf(a, b)).toMatchObject({ pendingDocs: afterWrite.docs, pendingBytes: afterWrite.bytes })
    expect(counting(a).diffs).toBe(0)

    // B back: everything crosses; once B is gone again nothing is pending, and a new write is counted.
    const back = new Date().toISOString()
    b = await station('Houayxay', dirB)
    a.pair(b)
    b.pair(a)
    await until(() => linkOf(a, b).state === 'connected' && (linkOf(a, b).lastCompleteSync ?? '') >= back, 'catch-up')
    await stop(b)
    await until(() => linkOf(a, b).state !== 'connected', 'A sees B gone again')
    expect(groundTruth(a, dirB).docs).toBe(0)
    expect(linkOf(a, b)).toMatchObject({ pendingDocs: 0, pendingBytes: 0 })
    writeRecord(a, docsOf(a)[3], 'after the restart')
    const one = groundTruth(a, dirB)
    expect(one.docs).toBe(1)
    expect(linkOf(a, b)).toMatchObject({ pendingDocs: 1, pendingBytes: one.bytes })
  })
})
