/**
 * Every export is verifiable: its manifest is signed by the station key, and a changed byte in the file, a
 * changed field in the manifest or a certificate from another station is found and named. Checked through
 * the API, the verify function anyone can run, and the built `blo export` / `blo export verify` commands.
 */
import { appendFileSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { manifestPathFor, signManifest, verifyExport } from '../../main/core/export/manifest'
import { ensureStationIdentity } from '../../main/core/identity/station-identity'
import { openDatabase } from '../../main/core/db/open-database'
import { ExportManifest } from '../../preload/api'
import { runCli } from '../helpers/built-programs'
import { seedReportStation } from '../helpers/export-fixtures'
import { call, openTestStation } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'

const tempDir = useTempDirs()

async function exported(format: 'csv' | 'xlsx' | 'json' = 'csv') {
  const dir = tempDir()
  const station = openTestStation(dir)
  await seedReportStation(station, 30)
  const result = await call(station, 'export.run', { what: 'cases', format, filters: { from: '2026-11-01' } })
  const { stationId } = await call(station, 'link.station', {})
  if (result.status !== 'done') throw new Error('not done')
  return { dir, station, result, stationId }
}

const readManifest = (file: string) => ExportManifest.parse(JSON.parse(readFileSync(manifestPathFor(file), 'utf8')))
const writeManifest = (file: string, manifest: unknown) => writeFileSync(manifestPathFor(file), JSON.stringify(manifest, null, 2))

describe('export manifest', () => {
  it('describes the file exactly and is signed by the station whose ID it names', async () => {
    const { station, result, stationId } = await exported('xlsx')
    const manifest = readManifest(result.path)
    const bytes = readFileSync(result.path)
    expect(manifest).toMatchObject({
      manifestVersion: 1,
      file: result.path.split('/').pop(),
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      what: 'cases',
      format: 'xlsx',
      filters: { from: '2026-11-01' },
      rows: result.rows,
      exportedBy: 'Sgt. Somchai',
      station: { stationId, name: 'Chiang Khong BLO', country: 'TH' },
      signatureAlgorithm: 'ECDSA-P256-SHA256'
    })
    const verdict = await verifyExport(result.path)
    expect(verdict).toMatchObject({ ok: true, problems: [] })
    expect(verdict.claimed?.certificateStationId).toBe(stationId)
    // Naming the manifest instead of the file checks the same pair; so does the API.
    expect((await verifyExport(manifestPathFor(result.path))).ok).toBe(true)
    expect(await call(station, 'export.verify', { path: result.path })).toEqual(verdict)
    await station.close()
  })

  it('records every export in the audit trail, with the hash of what was written', async () => {
    const { station, result } = await exported('csv')
    const { rows } = await call(station, 'audit.list', { action: 'export' })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      actor: 'Sgt. Somchai',
      action: 'export.run',
      target: { type: 'export', id: result.id },
      detail: { what: 'cases', format: 'csv', rows: result.rows, sha256: result.sha256 }
    })
    expect((await call(station, 'audit.verify', {})).intact).toBe(true)
    await station.close()
  })

  it('names a changed byte in the file', async () => {
    const { station, result } = await exported()
    const bytes = readFileSync(result.path)
    bytes[Math.floor(bytes.length / 2)] ^= 0x01
    writeFileSync(result.path, bytes)
    expect(await verifyExport(result.path)).toMatchObject({
      ok: false,
      problems: [{ check: 'file', message: 'the file was changed after export: SHA-256 differs (same size)' }]
    })
    appendFileSync(result.path, 'x')
    const grown = await verifyExport(result.path)
    expect(grown.problems[0].message).toBe(`the file was changed after export: SHA-256 differs (${bytes.length} bytes when exported, ${bytes.length + 1} now)`)
    await station.close()
  })

  it('names a changed manifest: a field edited, the file missing, the manifest missing or not JSON', async () => {
    const { station, result } = await exported('json')
    const manifest = readManifest(result.path)
    writeManifest(result.path, { ...manifest, rows: manifest.rows + 1 })
    expect(await verifyExport(result.path)).toMatchObject({
      ok: false,
      problems: [{ check: 'signature', message: 'the manifest was changed: signature does not verify' }]
    })
    writeManifest(result.path, { ...manifest, exportedBy: 'someone else' })
    expect((await verifyExport(result.path)).problems.map((p) => p.check)).toEqual(['signature'])

    writeManifest(result.path, manifest)
    copyFileSync(result.path, `${result.path}.bak`)
    rmSync(result.path)
    expect((await verifyExport(result.path)).problems[0].message).toMatch(/^the exported file .* is missing$/)
    copyFileSync(`${result.path}.bak`, result.path)
    expect((await verifyExport(result.path)).ok).toBe(true)

    writeFileSync(manifestPathFor(result.path), '{"manifestVersion": 1,')
    expect((await verifyExport(result.path)).problems).toEqual([{ check: 'manifest', message: 'the manifest is not valid JSON (it was changed or damaged)' }])
    rmSync(manifestPathFor(result.path))
    expect((await verifyExport(result.path)).problems[0].message).toMatch(/^no manifest: .*\.manifest\.json is missing/)
    await station.close()
  })

  it('names a manifest re-signed by another station that keeps this station\'s ID', async () => {
    const { station, result, stationId } = await exported()
    const otherDb = openDatabase(join(tempDir(), 'station.db'))
    const other = await ensureStationIdentity(otherDb, { name: 'Impostor', country: 'TH' })
    otherDb.close()
    const { manifestVersion: _v, certificate: _c, signatureAlgorithm: _a, signature: _s, ...content } = readManifest(result.path)
    writeManifest(result.path, signManifest(content, other))
    const verdict = await verifyExport(result.path)
    expect(verdict.ok).toBe(false)
    expect(verdict.problems).toEqual([
      { check: 'station', message: `the manifest was changed: it names station ${stationId} but its certificate belongs to station ${other.stationId}` }
    ])
    await station.close()
  })
})

describe('blo export', () => {
  it('writes a signed export, and blo export verify says OK, then names the change', { timeout: 60_000 }, async () => {
    const dir = tempDir()
    const station = openTestStation(dir)
    await seedReportStation(station, 30)
    const { stationId } = await call(station, 'link.station', {})
    await station.close()
    const out = join(tempDir(), 'november.csv')

    const run = await runCli(['export', '--data', dir, '--what', 'cases', '--format', 'csv', '--from', '2026-11-01', '--to', '2026-11-30', '--out', out])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.json()).toMatchObject({ status: 'done', path: out, manifestPath: `${out}.manifest.json`, what: 'cases', format: 'csv', stationId })

    const ok = await runCli(['export', 'verify', out])
    expect(ok.code).toBe(0)
    expect(ok.stdout).toContain(`station ID ${stationId}`)
    expect(ok.stdout).toContain('is exactly as exported')

    const bytes = readFileSync(out)
    bytes[bytes.length - 3] ^= 0x20
    writeFileSync(out, bytes)
    const bad = await runCli(['export', 'verify', out, '--json'])
    expect(bad.code).toBe(1)
    expect(bad.json<{ ok: boolean }>().ok).toBe(false)
    expect(bad.stderr).toBe('blo: verification failed: the file was changed after export: SHA-256 differs (same size)\n')

    const pdf = join(tempDir(), 'november.pdf')
    const report = await runCli(['export', '--data', dir, '--format', 'pdf', '--from', '2026-11-01', '--lang', 'lo', '--out', pdf])
    expect(report.code, report.stderr).toBe(0)
    expect(report.json()).toMatchObject({ what: 'monthly-report', format: 'pdf' })
    expect((await runCli(['export', 'verify', pdf])).code).toBe(0)
  })

  it('refuses a bad command line with a one-line reason', async () => {
    const dir = tempDir()
    const station = openTestStation(dir)
    await call(station, 'link.station', {})
    await station.close()
    const noWhat = await runCli(['export', '--data', dir, '--format', 'csv'])
    expect(noWhat.code).toBe(2)
    expect(noWhat.stderr).toBe('blo: export needs --what cases, received, exchange or audit\n')
    const badKind = await runCli(['export', '--data', dir, '--what', 'people', '--format', 'csv'])
    expect(badKind.code).toBe(1)
    expect(badKind.stderr).toMatch(/^blo: Invalid input to export\.run — /)
    const twoMonths = await runCli(['export', '--data', dir, '--format', 'pdf', '--from', '2026-10-01', '--to', '2026-11-30'])
    expect(twoMonths.code).toBe(2)
  })
})
