import { describe, expect, it } from 'vitest'
import { DataDirBusyError } from '../../main/core/data-dir-lock'
import { openStation, StationNotInitialisedError } from '../../main/core/station'
import { useTempDirs } from '../helpers/temp-dir'
import { call, methCase, OFFICER, officer, openTestStation } from '../helpers/station'

describe('case log', () => {
  const tempDir = useTempDirs()

  it('logs a case with the minimal input and reads it back after the station restarts', async () => {
    const dir = tempDir()
    const station = openTestStation(dir)
    const created = await call(station, 'cases.create', methCase)
    expect(created).toMatchObject({ version: 1, status: 'open', category: 'narcotics', voided: null, createdBy: OFFICER })
    expect(created.ref).toMatch(/^TH-\d{4}-000001$/)
    station.close()

    const reopened = openTestStation(dir)
    expect(await call(reopened, 'cases.get', { id: created.id })).toEqual(created)
    reopened.close()
  })

  it('refuses invalid input with the field named, and writes nothing', async () => {
    const station = openTestStation(tempDir())
    const reply = await station.dispatch(
      'cases.create',
      { ...methCase, items: [{ commodity: 'heroin', quantity: -3, unit: 'kg' }] },
      officer
    )
    expect(reply.ok).toBe(false)
    if (reply.ok) return
    expect(reply.error.code).toBe('invalid_input')
    expect(reply.error.issues.map((i) => i.path)).toContain('items.0.quantity')
    expect(reply.error.message).toContain('items.0.quantity')

    for (const bad of [null, 'text', { ...methCase, category: 'bananas' }, { ...methCase, occurredAt: 'yesterday' }, { ...methCase, extra: 1 }]) {
      const r = await station.dispatch('cases.create', bad, officer)
      expect(r.ok).toBe(false)
    }
    const unknown = await station.dispatch('cases.drop', {}, officer)
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect((await call(station, 'cases.search', {})).total).toBe(0)
    station.close()
  })

  it('keeps every version: edits, status changes and void are all in the history', async () => {
    const station = openTestStation(tempDir())
    const c1 = await call(station, 'cases.create', { ...methCase, lat: 20.27, lon: 100.41 })
    const c2 = await call(station, 'cases.update', {
      id: c1.id,
      expectedVersion: 1,
      input: { ...methCase, summary: 'Corrected: 121,000 tablets', items: [{ commodity: 'methamphetamine tablets', quantity: 121000, unit: 'tablets' }] }
    })
    expect(c2.version).toBe(2)
    expect(c2.lat).toBeUndefined() // the officer cleared the coordinates: they are gone, not kept silently
    const c3 = await call(station, 'cases.setStatus', { id: c1.id, expectedVersion: 2, status: 'investigating', note: 'ส่งต่อ ป.ป.ส.' })
    const c4 = await call(station, 'cases.void', { id: c1.id, expectedVersion: 3, reason: 'Duplicate of TH-2026-000002' })
    expect(c3.statusHistory.map((s) => s.status)).toEqual(['open', 'investigating'])
    expect(c4.voided).toMatchObject({ reason: 'Duplicate of TH-2026-000002', by: OFFICER })

    const history = await call(station, 'cases.history', { id: c1.id })
    expect(history.map((h) => [h.version, h.change])).toEqual([
      [1, 'create'],
      [2, 'edit'],
      [3, 'status'],
      [4, 'void']
    ])
    expect(history[0].snapshot.items[0].quantity).toBe(120000)
    expect(history[0].snapshot.lat).toBe(20.27)
    expect(history[1].snapshot.items[0].quantity).toBe(121000)
    expect(history[2].note).toBe('ส่งต่อ ป.ป.ส.')
    expect(history[3].note).toBe('Duplicate of TH-2026-000002')

    // A voided case is out of the log by default but never removed.
    expect((await call(station, 'cases.search', {})).total).toBe(0)
    expect((await call(station, 'cases.search', { includeVoided: true })).rows[0]).toMatchObject({ id: c1.id, voided: true })
    const edit = await station.dispatch('cases.update', { id: c1.id, expectedVersion: 4, input: methCase }, officer)
    expect(edit).toMatchObject({ ok: false, error: { code: 'conflict' } })
    station.close()
  })

  it('refuses a stale edit instead of overwriting the newer version', async () => {
    const station = openTestStation(tempDir())
    const c = await call(station, 'cases.create', methCase)
    await call(station, 'cases.update', { id: c.id, expectedVersion: 1, input: { ...methCase, summary: 'first editor' } })
    const stale = await station.dispatch('cases.update', { id: c.id, expectedVersion: 1, input: { ...methCase, summary: 'second editor' } }, officer)
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect((await call(station, 'cases.get', { id: c.id })).summary).toBe('first editor')
    station.close()
  })

  it('follows the status workflow and says which moves are allowed', async () => {
    const station = openTestStation(tempDir())
    const c = await call(station, 'cases.create', methCase)
    const closed = await call(station, 'cases.setStatus', { id: c.id, expectedVersion: 1, status: 'closed' })
    const back = await station.dispatch('cases.setStatus', { id: c.id, expectedVersion: 2, status: 'open' }, officer)
    expect(back).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'status' }] } })
    expect(closed.status).toBe('closed')
    station.close()
  })

  it('reports an unknown case as not found', async () => {
    const station = openTestStation(tempDir())
    expect(await station.dispatch('cases.get', { id: 'no-such-case' }, officer)).toMatchObject({
      ok: false,
      error: { code: 'not_found' }
    })
    station.close()
  })

  it('lets only one process own a data folder at a time', () => {
    const dir = tempDir()
    const station = openTestStation(dir)
    // Same process, second open: the lock file names a live pid (ours), so a real second process is refused too.
    expect(() => openTestStation(dir)).toThrow(DataDirBusyError)
    station.close()
    openTestStation(dir).close()
  })

  it('refuses a folder with no station unless asked to create one', () => {
    expect(() => openStation({ dataDir: tempDir(), log: () => undefined })).toThrow(StationNotInitialisedError)
  })

  it('emits a change event for each write', async () => {
    const station = openTestStation(tempDir())
    const seen: unknown[] = []
    station.onEvent((event, payload) => seen.push([event, payload]))
    const c = await call(station, 'cases.create', methCase)
    await call(station, 'cases.setStatus', { id: c.id, expectedVersion: 1, status: 'investigating' })
    expect(seen).toEqual([
      ['cases:changed', { id: c.id, version: 1 }],
      ['cases:changed', { id: c.id, version: 2 }]
    ])
    station.close()
  })
})
