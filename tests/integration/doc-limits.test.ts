/**
 * Per-document storage limits: an update from the peer that would take a document beyond its limit is refused
 * whole before anything of it is applied, and a plan at its limit takes no more edits from this station's users,
 * with an error that says what to do. Real SQLite files; the limits are lowered so the tests stay small.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { join } from 'node:path'
import { openDatabase } from '../../main/core/db/open-database'
import { DEFAULT_DOC_LIMITS, PeerUpdateOverLimitError, type DocLimits } from '../../main/core/docs/doc-limits'
import type { DocInfo } from '../../main/core/docs/doc-info'
import { DocStore } from '../../main/core/docs/doc-store'
import { call, officer, openTestStation } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'

const KB = 1024
const LIMITS: DocLimits = { planOwnEdits: 24 * KB, fromPeer: { plan: 64 * KB, records: 48 * KB, messages: 48 * KB } }
const PLAN: DocInfo = { name: 'plan/mekong-dawn-01', kind: 'plan', owner: null }

/** The counterpart's copy of a plan: each change it makes is one update, as the link would carry it. */
function peerPlan() {
  const doc = new Y.Doc({ gc: false })
  const text = doc.getText('notes')
  const change = (fn: () => void): Uint8Array => {
    let update: Uint8Array | null = null
    const take = (u: Uint8Array) => (update = u)
    doc.on('updateV2', take)
    fn()
    doc.off('updateV2', take)
    return update!
  }
  return { doc, text, change }
}

describe('document limits in the store', () => {
  const tempDir = useTempDirs()
  const open = (dir: string, limits = LIMITS) => {
    const db = openDatabase(join(dir, 'station.db'))
    return { db, store: new DocStore(db, { limits }) }
  }

  it('refuses a peer update that would pass the limit, leaving the document as it was, and takes the next one that fits', () => {
    const dir = tempDir()
    const { db, store } = open(dir)
    const peer = peerPlan()
    store.receive(PLAN, peer.change(() => peer.text.insert(0, 'a'.repeat(40_000))), 'peer')
    const before = { bytes: store.storedBytes(PLAN.name), state: store.stateVector(PLAN.name) }

    const tooMuch = peer.change(() => peer.text.insert(40_000, 'b'.repeat(30_000)))
    expect(() => store.receive(PLAN, tooMuch, 'peer')).toThrow(PeerUpdateOverLimitError)
    expect(() => store.receive(PLAN, tooMuch, 'peer')).toThrow(/size limit: it takes 0\.0 MB on this station and this update would add 0\.0 MB, beyond the 0\.1 MB a plan/)
    expect(store.storedBytes(PLAN.name)).toBe(before.bytes)
    expect(Buffer.from(store.stateVector(PLAN.name))).toEqual(Buffer.from(before.state))
    expect(store.docsAtLimit()).toEqual([{ doc: PLAN.name, bytes: before.bytes, limit: 64 * KB }])

    // A small edit that does not build on the refused one (another screen's, say) still fits.
    const other = peerPlan()
    Y.applyUpdateV2(other.doc, store.diff(PLAN.name))
    store.receive(PLAN, other.change(() => other.text.insert(0, 'c'.repeat(100))), 'peer')
    const notes = store.get(PLAN.name).getText('notes').toString()
    expect([notes.length, notes.startsWith('c'.repeat(100)), notes.includes('b')]).toEqual([40_100, true, false])
    expect(store.docsAtLimit()).toEqual([])
    store.close()
    db.close()

    const reopened = open(dir)
    expect(reopened.store.get(PLAN.name).getText('notes').length).toBe(40_100)
    reopened.store.close()
    reopened.db.close()
  })

  it('counts only what is new here: a catch-up repeating what the station holds fits', () => {
    const { db, store } = open(tempDir())
    const peer = peerPlan()
    store.receive(PLAN, peer.change(() => peer.text.insert(0, 'a'.repeat(50_000))), 'peer')
    peer.change(() => peer.text.insert(0, 'b'.repeat(2_000)))
    const whole = Y.encodeStateAsUpdateV2(peer.doc)
    expect(store.storedBytes(PLAN.name) + whole.byteLength).toBeGreaterThan(64 * KB)
    store.receive(PLAN, whole, 'peer')
    expect(store.get(PLAN.name).getText('notes').length).toBe(52_000)
    store.close()
    db.close()
  })

  it('compacts rather than refuses when many small updates are what would pass the limit', () => {
    const { db, store } = open(tempDir(), { ...LIMITS, fromPeer: { ...LIMITS.fromPeer, plan: 16 * KB } })
    const peer = peerPlan()
    let stored = 0
    for (let i = 0; i < 800; i++) {
      const keystroke = peer.change(() => peer.text.insert(i, 'ก'))
      stored += keystroke.byteLength
      store.receive(PLAN, keystroke, 'peer')
    }
    expect(stored).toBeGreaterThan(16 * KB) // one update per keystroke would not fit as stored
    expect(store.get(PLAN.name).getText('notes').length).toBe(800)
    expect(store.storedBytes(PLAN.name)).toBeLessThan(16 * KB)
    store.close()
    db.close()
  })

  it('does not register a new document whose first update is over the limit', () => {
    const { db, store } = open(tempDir())
    const peer = peerPlan()
    expect(() => store.receive(PLAN, peer.change(() => peer.text.insert(0, 'a'.repeat(70_000))), 'peer')).toThrow(PeerUpdateOverLimitError)
    expect(store.info(PLAN.name)).toBeNull()
    expect(store.docsAtLimit()).toEqual([{ doc: PLAN.name, bytes: 0, limit: 64 * KB }])
    store.close()
    db.close()
  })
})

describe("a plan at its limit, edited by this station's users", () => {
  const tempDir = useTempDirs()

  it('refuses edits, screen updates, restores and saved versions with an error that says what to do; other plans stay editable', async () => {
    const station = openTestStation(tempDir(), { docLimits: { ...LIMITS, fromPeer: DEFAULT_DOC_LIMITS.fromPeer } })
    try {
      const full = await call(station, 'plans.create', { title: 'Operation Mekong Dawn' })
      const other = await call(station, 'plans.create', { title: 'Wildlife route watch' })
      const long = 'ตรวจค้นรถบรรทุกทุกคัน '.repeat(400) // about 30 KB in UTF-8
      // Below the limit the edit is taken, even one that takes the plan past it.
      await call(station, 'plans.edit', { id: full.id, edits: [{ op: 'notes.set', text: long }] })
      const version = await call(station, 'plans.get', { id: full.id })

      const edit = await station.dispatch('plans.edit', { id: full.id, edits: [{ op: 'notes.set', text: 'short' }] }, officer)
      expect(edit).toMatchObject({ ok: false, error: { code: 'conflict' } })
      expect(!edit.ok && edit.error.message).toMatch(/^This plan has reached its size limit: it takes 0\.\d MB on this station.*Start a new plan to continue/)

      const screen = new Y.Doc()
      Y.applyUpdateV2(screen, Buffer.from((await call(station, 'plans.open', { id: full.id })).state, 'base64'))
      const before = Y.encodeStateVector(screen)
      screen.getText('draft').insert(0, 'typed on a screen')
      const update = Buffer.from(Y.encodeStateAsUpdateV2(screen, before)).toString('base64')
      expect(await station.dispatch('plans.update', { id: full.id, update, origin: 'screen:1' }, officer)).toMatchObject({
        ok: false,
        error: { code: 'conflict' }
      })
      expect(await station.dispatch('plans.saveVersion', { id: full.id, name: 'before the raid' }, officer)).toMatchObject({
        ok: false,
        error: { code: 'conflict' }
      })

      expect(await call(station, 'plans.get', { id: full.id })).toEqual(version)
      await call(station, 'plans.edit', { id: other.id, edits: [{ op: 'notes.set', text: 'still editable' }] })
      expect((await call(station, 'plans.get', { id: other.id })).notes).toBe('still editable')
    } finally {
      await station.close()
    }
  })
})
