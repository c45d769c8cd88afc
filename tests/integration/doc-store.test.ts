import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openDatabase } from '../../main/core/db/open-database'
import { DocStore } from '../../main/core/docs/doc-store'
import { useTempDirs } from '../helpers/temp-dir'

const RECORDS = { name: 'records/AAAA/2026-11', kind: 'records', owner: 'AAAA' } as const

describe('document store', () => {
  const tempDir = useTempDirs()
  const open = (dir: string) => {
    const db = openDatabase(join(dir, 'station.db'))
    return { db, store: new DocStore(db) }
  }

  it('keeps every update across a restart and compacts on load into one snapshot', () => {
    const dir = tempDir()
    const a = open(dir)
    a.store.ensure(RECORDS)
    for (let i = 0; i < 50; i++) a.store.write(() => a.store.get(RECORDS.name).getMap('records').set(`r${i}`, { summary: `ยาบ้า ${i}` }))
    expect(a.db.prepare('SELECT count(*) AS n FROM doc_updates').get()).toEqual({ n: 50 })
    const before = Y.encodeStateVector(a.store.get(RECORDS.name))
    a.db.close()

    const b = open(dir)
    const doc = b.store.get(RECORDS.name)
    expect(doc.getMap('records').size).toBe(50)
    expect(Y.encodeStateVector(doc)).toEqual(before)
    expect(b.db.prepare('SELECT count(*) AS n FROM doc_updates').get()).toEqual({ n: 0 })
    expect(b.db.prepare('SELECT count(*) AS n FROM doc_snapshots').get()).toEqual({ n: 1 })
    b.db.close()
  })

  it('rolls back the document with the transaction it was written in', () => {
    const dir = tempDir()
    const { db, store } = open(dir)
    store.ensure(RECORDS)
    store.write(() => store.get(RECORDS.name).getMap('records').set('kept', 1))
    const seen: string[] = []
    store.onUpdate((name) => seen.push(name))
    expect(() =>
      store.write(() => {
        store.get(RECORDS.name).getMap('records').set('lost', 2)
        throw new Error('case insert failed')
      })
    ).toThrow('case insert failed')
    expect([...store.get(RECORDS.name).getMap('records').keys()]).toEqual(['kept'])
    expect(seen).toEqual([]) // nothing announced to peers for a change that never committed
    db.close()
  })

  it('announces committed updates so the sync engine can forward them, and replays them exactly', () => {
    const { db, store } = open(tempDir())
    store.ensure(RECORDS)
    const replica = new Y.Doc()
    store.onUpdate((_name, update) => Y.applyUpdateV2(replica, update))
    store.write(() => store.get(RECORDS.name).getMap('records').set('r1', 'ຢາບ້າ'))
    expect(replica.getMap('records').get('r1')).toBe('ຢາບ້າ')
    db.close()
  })

  it('refuses a malformed update and leaves the stored document loadable and unchanged', () => {
    const dir = tempDir()
    const { db, store } = open(dir)
    store.ensure(RECORDS)
    store.write(() => store.get(RECORDS.name).getMap('records').set('r1', 'ok'))
    const garbage = new Uint8Array([0, 255, 255, 255, 255, 7, 1, 2, 3])
    expect(() => store.applyUpdate(RECORDS.name, garbage, 'peer')).toThrow()
    db.close()
    const again = open(dir)
    expect(again.store.get(RECORDS.name).getMap('records').toJSON()).toEqual({ r1: 'ok' })
    again.db.close()
  })

  it('sends only what the other side lacks', () => {
    const { db, store } = open(tempDir())
    store.ensure(RECORDS)
    store.write(() => store.get(RECORDS.name).getMap('records').set('r1', 'x'.repeat(1000)))
    const remote = new Y.Doc()
    Y.applyUpdateV2(remote, store.diff(RECORDS.name))
    store.write(() => store.get(RECORDS.name).getMap('records').set('r2', 'small'))
    const delta = store.diff(RECORDS.name, Y.encodeStateVector(remote))
    expect(delta.byteLength).toBeLessThan(100)
    Y.applyUpdateV2(remote, delta)
    expect(remote.getMap('records').toJSON()).toEqual(store.get(RECORDS.name).getMap('records').toJSON())
    db.close()
  })
})
