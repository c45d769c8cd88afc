/** `blo bundle` as an officer at the monthly meeting runs it: the built CLI, real data folders, no link at all. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BundleImported, BundlePreview, BundleWritten, StationCard } from '../../preload/api'
import { runCli, type CliResult } from '../helpers/built-programs'
import { useTempDirs } from '../helpers/temp-dir'

const tempDir = useTempDirs()

const methCase = {
  occurredAt: '2026-11-20T08:30:00Z',
  category: 'narcotics',
  location: 'Golden Triangle pier',
  summary: 'ยาบ้าในเรือหางยาว',
  items: [{ commodity: 'methamphetamine tablets', quantity: 40000, unit: 'tablets' }]
}

async function ok<T>(args: string[]): Promise<T> {
  const result = await runCli(args)
  expect(result.code, result.stderr).toBe(0)
  return JSON.parse(result.stdout) as T
}

async function station(name: string, country: string): Promise<{ dir: string; id: string }> {
  const dir = tempDir()
  await ok(['init', '--data', dir, '--name', name, '--country', country])
  const card = await ok<StationCard>(['pair', 'show', '--data', dir, '--json'])
  return { dir, id: card.stationId }
}

function oneLine(result: CliResult, code: number, pattern: RegExp): void {
  expect(result.code, result.stdout).toBe(code)
  expect(result.stdout).toBe('')
  expect(result.stderr).toMatch(/^blo: [^\n]+\n$/)
  expect(result.stderr).toMatch(pattern)
}

describe('blo bundle', () => {
  // Some fifteen `blo` processes one after another, about a second each on a busy machine: more than the default allows.
  it('introduces, then carries a shared case across and imports it once', async () => {
    const saen = await station('Chiang Saen BLO', 'TH')
    const pheung = await station('Ton Pheung BLO', 'LA')
    await ok(['pair', 'add', '--data', saen.dir, '--id', pheung.id, '--address', '127.0.0.1:9', '--name', 'Ton Pheung BLO'])
    await ok(['pair', 'add', '--data', pheung.dir, '--id', saen.id, '--address', '127.0.0.1:9', '--name', 'Chiang Saen BLO'])
    const stick = tempDir()

    const intro = await ok<BundleWritten>(['bundle', 'export', '--data', saen.dir, '--to', pheung.id, '--out', stick])
    expect(intro).toMatchObject({ kind: 'introduction', to: pheung.id })
    expect(intro.file.startsWith(stick)).toBe(true)
    await ok(['bundle', 'import', '--data', pheung.dir, intro.file])
    const answer = await ok<BundleWritten>(['bundle', 'export', '--data', pheung.dir, '--to', saen.id, '--out', join(stick, 'answer.blobundle')])
    await ok(['bundle', 'import', '--data', saen.dir, answer.file])

    const caseFile = join(saen.dir, 'case.json')
    writeFileSync(caseFile, JSON.stringify(methCase))
    const created = await ok<{ id: string; ref: string }>(['case', 'add', '--data', saen.dir, '--json', caseFile])
    await ok(['share', '--data', saen.dir, created.id])
    const out = await ok<BundleWritten>(['bundle', 'export', '--data', saen.dir, '--to', pheung.id, '--out', join(stick, 'week-48.blobundle')])

    const preview = await ok<BundlePreview>(['bundle', 'inspect', '--data', pheung.dir, out.file, '--json'])
    expect(preview).toMatchObject({ from: saen.id, fromName: 'Chiang Saen BLO', importedAt: null, contents: { records: { new: 1 } } })
    const imported = await ok<BundleImported>(['bundle', 'import', '--data', pheung.dir, out.file])
    expect(imported).toMatchObject({ imported: true, changedDocs: 1 })
    const again = await ok<BundleImported>(['bundle', 'import', '--data', pheung.dir, out.file])
    expect(again).toMatchObject({ imported: false, changedDocs: 0 })
    const received = await ok<{ rows: { caseRef: string }[] }>(['exchange', 'list', '--data', pheung.dir, '--json', '--box', 'received'])
    expect(received.rows.map((r) => r.caseRef)).toEqual([created.ref])

    // Each refusal is one line naming what is wrong.
    const tachileik = await station('Tachileik BLO', 'MM')
    oneLine(await runCli(['bundle', 'export', '--data', saen.dir, '--out', stick]), 2, /--to/)
    oneLine(await runCli(['bundle', 'export', '--data', saen.dir, '--to', tachileik.id, '--out', stick]), 1, /not paired with this station/)
    oneLine(await runCli(['bundle', 'export', '--data', saen.dir, '--to', pheung.id, '--out', join(stick, 'gone', 'x.blobundle')]), 1, /does not exist/)
    oneLine(await runCli(['bundle', 'import', '--data', pheung.dir]), 2, /exactly one FILE/)
    oneLine(await runCli(['bundle', 'import', '--data', pheung.dir, join(stick, 'missing.blobundle')]), 1, /Cannot read/)
    oneLine(await runCli(['bundle', 'import', '--data', pheung.dir, stick]), 1, /is a folder, not a bundle file/)
    const bytes = readFileSync(out.file)
    const cut = join(stick, 'cut.blobundle')
    writeFileSync(cut, bytes.subarray(0, bytes.length - 100))
    oneLine(await runCli(['bundle', 'import', '--data', pheung.dir, cut]), 1, /cut short|altered/)
    const flipped = join(stick, 'flipped.blobundle')
    const copy = Buffer.from(bytes)
    copy[Math.floor(copy.length / 2)] ^= 0x80
    writeFileSync(flipped, copy)
    oneLine(await runCli(['bundle', 'import', '--data', pheung.dir, flipped]), 1, /altered or damaged/)
    oneLine(await runCli(['bundle', 'inspect', '--data', tachileik.dir, out.file, '--json']), 1, /addressed to station .*, not to this station/)
    await ok(['pair', 'remove', '--data', pheung.dir, '--id', saen.id])
    oneLine(await runCli(['bundle', 'import', '--data', pheung.dir, out.file]), 1, /not paired with this station \(or was unpaired\)/)
  }, 60_000)
})
