/**
 * Export benchmark: the case log of seeded stations (25k, 50k, 100k cases) exported to CSV, XLSX and JSON
 * through the station API (export.run, as the screens and `blo export` call it), timed, with the process's
 * memory sampled while each export runs. Streaming shows as a peak that stays flat as the rows grow.
 * Prints a table and, for a full run (or with --write), rewrites tests/bench/EXPORT.md.
 *
 *   npm run bench -- export                  25k, 50k, 100k
 *   npm run bench -- export --sizes 10000    a quick look
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { generateCases } from '../../main/core/cases/seed'
import { openStation, systemConnection, type Station } from '../../main/core/station'
import type { ExportResult } from '../../preload/api'
import { loadAverage, machineFacts } from './report'
import { formatBytes, formatCount } from './stats'

const { values: flags } = parseArgs({ options: { sizes: { type: 'string' }, write: { type: 'boolean', default: false } } })
const sizes = flags.sizes ? flags.sizes.split(',').map((s) => Number(s.replace(/_/g, ''))) : [25_000, 50_000, 100_000]
for (const s of sizes) if (!Number.isSafeInteger(s) || s < 100) throw new Error(`--sizes: whole numbers ≥ 100, got ${flags.sizes}`)
const writeReport = flags.write || !flags.sizes
const FORMATS = ['csv', 'xlsx', 'json'] as const
const GOALS: Record<(typeof FORMATS)[number], number | null> = { csv: 2, xlsx: 10, json: null }
const SAMPLE_MS = 10
const connection = systemConnection('bench')
const log = (message: string) => process.stderr.write(`${message}\n`)

interface Measure {
  size: number
  format: (typeof FORMATS)[number]
  seconds: number
  bytes: number
  /** Peak above the level just before the export started. */
  rssPeak: number
  heapPeak: number
}

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) log('note: run with node --expose-gc for steadier memory baselines')

async function measure(station: Station, size: number, format: Measure['format']): Promise<Measure> {
  gc?.()
  const before = process.memoryUsage()
  let rss = before.rss
  let heap = before.heapUsed
  const sampler = setInterval(() => {
    const now = process.memoryUsage()
    rss = Math.max(rss, now.rss)
    heap = Math.max(heap, now.heapUsed)
  }, SAMPLE_MS)
  const started = performance.now()
  const reply = await station.dispatch('export.run', { what: 'cases', format }, connection)
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  if (!reply.ok) throw new Error(`export.run ${format}: ${reply.error.message}`)
  const result = reply.value as Extract<ExportResult, { status: 'done' }>
  if (result.rows !== size) throw new Error(`${format}: exported ${result.rows} rows of ${size}`)
  rmSync(result.path)
  return { size, format, seconds, bytes: result.bytes, rssPeak: rss - before.rss, heapPeak: heap - before.heapUsed }
}

function table(results: Measure[]): string {
  const header = ['Format', 'Goal (100k)', ...sizes.map((s) => `${formatCount(s)} cases: time / file / peak RSS Δ / peak heap Δ`), 'Goal met']
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`]
  for (const format of FORMATS) {
    const rows = results.filter((r) => r.format === format)
    const goal = GOALS[format]
    const at100k = rows.find((r) => r.size === 100_000)
    const verdict = goal === null ? '—' : at100k ? (at100k.seconds <= goal ? '**met**' : '**not met**') : '(no 100k run)'
    const cells = rows.map((r) => `${r.seconds.toFixed(2)} s / ${formatBytes(r.bytes)} / ${formatBytes(Math.max(0, r.rssPeak))} / ${formatBytes(Math.max(0, r.heapPeak))}`)
    lines.push(`| ${format.toUpperCase()} | ${goal === null ? '—' : `≤ ${goal} s`} | ${cells.join(' | ')} | ${verdict} |`)
  }
  return lines.join('\n')
}

async function main(): Promise<void> {
  const facts = machineFacts()
  const startedAt = new Date()
  const results: Measure[] = []
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'blo-export-bench-'))
    try {
      const station = openStation({ dataDir: dir, init: { name: 'Bench BLO', country: 'TH', crossing: 'Chiang Khong' }, log: () => undefined })
      log(`seeding ${formatCount(size)} cases…`)
      station.importCases(generateCases(size, 'bench'), connection)
      // Warm-up: the first export pays for loading modules and the identity.
      await station.dispatch('export.run', { what: 'cases', format: 'csv', filters: { from: '2026-10-01' } }, connection)
      for (const format of FORMATS) {
        const m = await measure(station, size, format)
        log(`${formatCount(size)} ${format}: ${m.seconds.toFixed(2)} s, ${formatBytes(m.bytes)}, peak RSS +${formatBytes(m.rssPeak)}, heap +${formatBytes(m.heapPeak)}`)
        results.push(m)
      }
      await station.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const rendered = table(results)
  process.stdout.write(`${rendered}\n`)
  if (!writeReport) return
  const minutes = (Date.now() - startedAt.getTime()) / 60_000
  const doc = `# Export benchmark

\`npm run bench -- export\` seeds a station with synthetic cases
(\`main/core/cases/seed.ts\`, seed "bench") at ${sizes.map(formatCount).join(', ')} cases and exports the whole case log to
CSV, XLSX and JSON through \`export.run\` (the method the screens and \`blo export\` call): rows streamed from a
read-only SQLite connection, written through a hashing file stream, the manifest signed at the end. Memory is
sampled every ${SAMPLE_MS} ms while each export runs; the deltas are the peaks above the level just before it started
(after a GC). A flat peak as the rows grow is what streaming means; the file sizes grow, the memory does not.
XLSX holds two sheets (cases, and one row per seized item), so it writes more rows than the count says.

Run ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${minutes.toFixed(1)} minutes. Machine: ${facts.cpu}, ${facts.cores} cores,
${facts.memory} RAM, ${facts.os}; Node ${facts.node}, SQLite ${facts.sqlite}. Shared with other work: load average
${facts.loadStart} at the start, ${loadAverage()} at the end.

${rendered}

Goals (issue 5): 100k cases to CSV in ≤ 2 s, to XLSX in ≤ 10 s, with peak memory flat as rows grow.
`
  writeFileSync(resolve(__dirname, 'EXPORT.md'), doc)
  log('wrote tests/bench/EXPORT.md')
}

main().catch((error) => {
  log(String(error instanceof Error ? error.stack : error))
  process.exit(1)
})
