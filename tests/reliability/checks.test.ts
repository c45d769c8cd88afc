/**
 * The reliability runs are only as good as their checks: each check must fail on the damage it is there to
 * find. Here the damage is done by hand to a real station's data folder.
 */
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../main/core/db/open-database'
import { stationId } from '../helpers/exchange-pair'
import { call, methCase, officer, openTestStation, pairSilentCounterpart } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'
import { caseProblems, databaseFile, dataDirProblems, documentDifferences, storedDocuments, viewsAgainstDocuments } from './lib/consistency'
import { absence } from './lib/workload'

describe('the reliability checks', () => {
  const tempDir = useTempDirs()

  async function stationWithWork(dir: string) {
    const station = openTestStation(dir)
    await pairSilentCounterpart(station, stationId('Houayxay BLO'))
    const c = await call(station, 'cases.create', methCase)
    await call(station, 'cases.setStatus', { id: c.id, expectedVersion: 1, status: 'investigating' })
    await call(station, 'exchange.share', { caseId: c.id })
    await call(station, 'exchange.sendAlert', { subject: 'vehicle', text: 'รถกระบะสีขาว' })
    const plan = await call(station, 'plans.create', { title: 'ลาดตระเวนร่วม' })
    await call(station, 'plans.edit', { id: plan.id, edits: [{ op: 'add', list: 'tasks', item: { id: 'pier', title: 'Search the pier' } }] })
    return { station, caseId: c.id, planId: plan.id }
  }

  it('pass on a sound folder', async () => {
    const dir = tempDir()
    const { station } = await stationWithWork(dir)
    await station.close()
    expect(dataDirProblems(dir)).toEqual([])
  })

  it('find a view row that no longer matches its document, a lost case version and a stale search text', async () => {
    const dir = tempDir()
    const { station, caseId } = await stationWithWork(dir)
    await station.close()
    const db = openDatabase(databaseFile(dir))
    try {
      db.prepare("UPDATE exchange_records SET summary = 'changed behind the document'").run()
      db.prepare("UPDATE plans SET title = 'changed behind the document'").run()
      db.prepare('DELETE FROM case_versions').run()
      db.prepare("UPDATE cases_fts SET text = 'stale' WHERE rowid = (SELECT seq FROM cases WHERE id = ?)").run(caseId)
      expect(viewsAgainstDocuments(db).join('\n')).toMatch(/records[\s\S]*plans/)
      const cases = caseProblems(db).join('\n')
      expect(cases).toMatch(/version 2 but earlier versions \[\]/)
      expect(cases).toMatch(/search text is not the case's/)
    } finally {
      db.close()
    }
  })

  it('find an acknowledged write that is missing, and documents that differ between two stations', async () => {
    const dirA = tempDir()
    const dirB = tempDir()
    const a = await stationWithWork(dirA)
    const b = await stationWithWork(dirB)
    const caller = (method: Parameters<typeof a.station.dispatch>[0], input: unknown) => a.station.dispatch(method, input, officer)
    expect(await absence(caller, { kind: 'case', id: a.caseId, version: 2, status: 'investigating', voided: false })).toBeNull()
    expect(await absence(caller, { kind: 'case', id: a.caseId, version: 3, status: 'closed', voided: false })).toMatch(/version 3 is missing/)
    expect(await absence(caller, { kind: 'task', plan: a.planId, id: 'pier' })).toBeNull()
    expect(await absence(caller, { kind: 'task', plan: a.planId, id: 'gone' })).toMatch(/task missing/)
    expect(await absence(caller, { kind: 'text', plan: a.planId, marker: '⟦nowhere⟧' })).toMatch(/text missing/)
    await Promise.all([a.station.close(), b.station.close()])
    const docsA = storedDocuments(dirA)
    const docsB = storedDocuments(dirB)
    expect(documentDifferences(docsA, docsA, docsA.keys())).toEqual([])
    expect(documentDifferences(docsA, docsB, new Set([...docsA.keys(), ...docsB.keys()])).length).toBeGreaterThan(0)
  })
})
