/**
 * A long export reports progress, can be cancelled (leaving no file behind), and does not hold up the station:
 * other calls are answered while it runs.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCases } from '../../main/core/cases/seed'
import type { Station } from '../../main/core/station'
import type { ExportProgress } from '../../preload/api'
import { call, officer, openTestStation } from '../helpers/station'
import { until } from '../helpers/until'
const CASES = 20_000
let station: Station
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'blo-progress-'))
  station = openTestStation(dir)
  station.importCases(generateCases(CASES, 'progress'), officer)
  await call(station, 'link.station', {})
}, 120_000)

afterAll(async () => {
  await station.close()
  rmSync(dir, { recursive: true, force: true })
})

function progressOf(id: string): ExportProgress[] {
  const seen: ExportProgress[] = []
  station.onEvent((event, payload) => {
    if (event === 'export:progress' && (payload as ExportProgress).id === id) seen.push(payload as ExportProgress)
  })
  return seen
}

describe('export progress and cancellation', () => {
  it('reports rows out of the total while running, and the total at the end', { timeout: 60_000 }, async () => {
    const seen = progressOf('full-run')
    const result = await call(station, 'export.run', { id: 'full-run', what: 'cases', format: 'csv' })
    expect(result).toMatchObject({ status: 'done', rows: CASES })
    expect(seen.length).toBeGreaterThan(1)
    expect(seen.every((p) => p.total === CASES)).toBe(true)
    expect(seen.at(-1)!.rows).toBe(CASES)
    expect(seen.map((p) => p.rows)).toEqual([...seen.map((p) => p.rows)].sort((a, b) => a - b))
  })

  it('answers other calls meanwhile, stops on cancel, and leaves no file behind', { timeout: 60_000 }, async () => {
    const seen = progressOf('to-cancel')
    let settled = false
    const running = call(station, 'export.run', { id: 'to-cancel', what: 'cases', format: 'xlsx' }).finally(() => (settled = true))
    await until(() => settled || seen.some((p) => p.rows > 0), 'the first progress of the export', { timeoutMs: 30_000, everyMs: 5 })
    // The export reads on its own connection: the case log still answers, and still takes writes.
    const page = await call(station, 'cases.search', { q: 'ยาบ้า', limit: 5 })
    expect(page.total).toBeGreaterThan(0)
    expect(await call(station, 'export.cancel', { id: 'to-cancel' })).toEqual({ cancelled: true })
    const result = await running
    expect(result.status).toBe('cancelled')
    expect(result.rows).toBeLessThan(CASES)
    const exports = join(dir, 'exports')
    const left = existsSync(exports) ? readdirSync(exports).filter((f) => f.includes('.xlsx')) : []
    expect(left).toEqual([])
    expect(await call(station, 'export.cancel', { id: 'to-cancel' })).toEqual({ cancelled: false })
  })
})
