/**
 * Regression (found by the API fuzz, tests/reliability): text with an unpaired surrogate — a cut-off emoji, a
 * broken paste — was kept as it came in memory and in the JSON of a case, while SQLite's full-text index and
 * the Yjs documents (both UTF-8) stored U+FFFD in its place. The case shown and the case indexed differed, and
 * a shared record's own view no longer equalled the view rebuilt from its stored document (nor the copy the
 * counterpart received). Such text is now made well-formed once, at the API's door.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../main/core/db/open-database'
import type { Station } from '../../main/core/station'
import { stationId } from '../helpers/exchange-pair'
import { call, methCase, openTestStation, pairSilentCounterpart } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'
import { caseProblems, databaseFile, viewsAgainstDocuments } from '../reliability/lib/consistency'

const BROKEN = 'ลิ่น \ud83e กล่อง \udc00'
const REPAIRED = 'ลิ่น \ufffd กล่อง \ufffd'

describe('text with a broken character', () => {
  const tempDir = useTempDirs()
  const open: Station[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()))
  })

  it('is stored, shown, indexed and shared as the same well-formed text', async () => {
    const dir = tempDir()
    const station = openTestStation(dir)
    open.push(station)
    await pairSilentCounterpart(station, stationId('Houayxay BLO'))
    const created = await call(station, 'cases.create', { ...methCase, summary: BROKEN, persons: [{ name: `Somchai ${BROKEN}` }] })
    expect(created.summary).toBe(REPAIRED)
    expect((await call(station, 'cases.get', { id: created.id })).persons[0].name).toBe(`Somchai ${REPAIRED}`)
    const shared = await call(station, 'exchange.share', { caseId: created.id, fields: ['core', 'summary', 'persons.names'] })
    expect(shared.record.case?.summary).toBe(REPAIRED)
    const plan = await call(station, 'plans.create', { title: BROKEN })
    await call(station, 'plans.edit', { id: plan.id, edits: [{ op: 'notes.insert', paragraph: 0, offset: 0, text: BROKEN }] })
    expect(await call(station, 'plans.get', { id: plan.id })).toMatchObject({ title: REPAIRED, notes: REPAIRED })
    expect((await call(station, 'cases.search', { q: 'กล่อง' })).rows.map((r) => r.id)).toEqual([created.id])

    await station.close()
    const db = openDatabase(databaseFile(dir))
    try {
      expect(caseProblems(db)).toEqual([])
      expect(viewsAgainstDocuments(db)).toEqual([])
    } finally {
      db.close()
    }
  })
})
