/**
 * Case log benchmark (`npm run bench`): bulk import, single saves, search and list paging on seeded stations
 * of 100k and 1M cases, through the same station API the app uses. Prints a table and, for a full run,
 * rewrites tests/bench/README.md with it.
 *
 *   npm run bench                                  100k and 1M (the 1M import runs once; takes several minutes)
 *   npm run bench -- --sizes 20000 --import-runs 1  a quick look; README is left alone unless --write
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { generateCases } from '../../main/core/cases/seed'
import { DATABASE_FILE, openStation, systemConnection, type Station } from '../../main/core/station'
import type { Case, CaseInputParsed, CasePage, CaseQuery } from '../../preload/schemas/cases'
import { loadAverage, machineFacts, renderReadme, renderTable, type QueryResult, type SizeResult } from './report'
import { explainSearch } from './query-plan'
import { median, percentile, timeEach } from './stats'

const SEED = 'bench'
const ctx = systemConnection('bench')
const DEFAULT_SIZES = [100_000, 1_000_000]
/** Above this an import takes minutes, so it runs once (the machine is shared). */
const REPEAT_IMPORT_UP_TO = 200_000
/** Rough time one search shape may take in all its rounds. */
const SHAPE_BUDGET_MS = 60_000

const { values: flags } = parseArgs({
  options: {
    sizes: { type: 'string' },
    'import-runs': { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    reps: { type: 'string', default: '20' },
    saves: { type: 'string', default: '200' },
    write: { type: 'boolean', default: false }
  }
})
const sizes = flags.sizes ? flags.sizes.split(',').map((s) => Number(s.replace(/_/g, ''))) : DEFAULT_SIZES
for (const s of sizes) if (!Number.isSafeInteger(s) || s < 1000) throw new Error(`--sizes: whole numbers ≥ 1000, got ${flags.sizes}`)
const positive = (name: string, value: string) => {
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name}: a whole number ≥ 1, got ${value}`)
  return n
}
const importRuns = positive('import-runs', flags['import-runs']!)
const rounds = positive('rounds', flags.rounds!)
const reps = positive('reps', flags.reps!)
const savesPerRound = positive('saves', flags.saves!)
const writeReadme = flags.write || !flags.sizes

const dirs = new Set<string>()
const cleanup = () => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  dirs.clear()
}
process.on('SIGINT', () => {
  cleanup()
  process.exit(130)
})

const log = (message: string) => process.stderr.write(`${message}\n`)

function freshStation(): Station {
  const dir = mkdtempSync(join(tmpdir(), 'blo-bench-'))
  dirs.add(dir)
  return openStation({ dataDir: dir, init: { name: 'Bench BLO', country: 'TH', crossing: 'Chiang Khong' }, log: () => undefined })
}

function dropStation(station: Station): void {
  station.close()
  rmSync(station.dataDir, { recursive: true, force: true })
  dirs.delete(station.dataDir)
}

async function call<T>(station: Station, method: string, input: unknown): Promise<T> {
  const reply = await station.dispatch(method, input, ctx)
  if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`)
  return reply.value as T
}

/**
 * Passes cases through, noting a passport number from the middle of the run (a term that matches one case)
 * and the time spent generating, so the import rate can be given with and without it.
 */
function* observe(cases: Iterable<CaseInputParsed>, from: number, seen: { rareTerm?: string; generateMs: number }) {
  const it = cases[Symbol.iterator]()
  for (let i = 0; ; i++) {
    const start = performance.now()
    const next = it.next()
    seen.generateMs += performance.now() - start
    if (next.done) return
    if (!seen.rareTerm && i >= from) seen.rareTerm = next.value.persons.find((p) => p.idType === 'passport')?.idNumber
    yield next.value
  }
}

function generatorRate(count: number): number {
  const start = performance.now()
  for (const _ of generateCases(count, SEED));
  return count / ((performance.now() - start) / 1000)
}

/** Cases per second of the import alone and end to end (with generating the cases). */
function importInto(station: Station, size: number, seen: { rareTerm?: string }): { store: number; endToEnd: number } {
  const timing = { generateMs: 0, ...seen }
  let last = 0
  const start = performance.now()
  station.importCases(observe(generateCases(size, SEED), size / 2, timing), ctx, (done) => {
    if (done - last >= size / 10 || done === size) {
      log(`  imported ${done}/${size}`)
      last = done
    }
  })
  const totalMs = performance.now() - start
  seen.rareTerm = timing.rareTerm
  return { store: size / ((totalMs - timing.generateMs) / 1000), endToEnd: size / (totalMs / 1000) }
}

/**
 * p50/p95/p99 of each round, then the median of those across rounds: one slow round (a neighbour's build) cannot
 * decide. `before` runs untimed ahead of every call.
 */
async function measure(
  rounds: number,
  reps: number,
  fn: () => Promise<unknown>,
  before: () => Promise<unknown> = async () => undefined
): Promise<{ p50: number; p95: number; p99: number }> {
  const p50s: number[] = []
  const p95s: number[] = []
  const p99s: number[] = []
  for (let r = 0; r < rounds; r++) {
    await before()
    await fn() // warm the page cache for this shape
    const times: number[] = []
    for (let i = 0; i < reps; i++) {
      await before()
      times.push(...(await timeEach(1, fn)))
    }
    p50s.push(percentile(times, 50))
    p95s.push(percentile(times, 95))
    p99s.push(percentile(times, 99))
  }
  return { p50: median(p50s), p95: median(p95s), p99: median(p99s) }
}

/**
 * The station keeps search totals until the next write. A new search always misses that cache, so every timed
 * search here follows a status change on one case: what an officer sees typing a new query on a live station.
 */
async function writer(station: Station, input: CaseInputParsed): Promise<() => Promise<unknown>> {
  let current = await call<Case>(station, 'cases.create', input)
  return async () => {
    const status = current.status === 'investigating' ? 'referred' : 'investigating'
    current = await call<Case>(station, 'cases.setStatus', { id: current.id, expectedVersion: current.version, status })
  }
}

interface Shape {
  name: string
  query: CaseQuery
  /** One of the four shapes the issue sets a goal for. */
  required?: boolean
  /** Repeats the same query with no write in between, as paging does, so the station's cached total answers. */
  cached?: boolean
}

function searchShapes(size: number, rare: string): Shape[] {
  const deep = { offset: Math.floor((size * 0.9) / 50) * 50 }
  return [
    { name: `rare term (a passport number, "${rare}")`, query: { q: rare }, required: true },
    { name: 'common term "methamphetamine"', query: { q: 'methamphetamine' }, required: true },
    { name: '3-character prefix "met"', query: { q: 'met' }, required: true },
    { name: 'Thai substring "ยาบ้า"', query: { q: 'ยาบ้า' }, required: true },
    { name: 'Thai name inside a word "เรือง"', query: { q: 'เรือง' } },
    { name: 'Lao substring "ຢາບ້າ"', query: { q: 'ຢາບ້າ' } },
    { name: 'Thai term + category + 6-month range', query: { q: 'เชียงของ', category: 'narcotics', from: '2026-01-01', to: '2026-06-30' } },
    { name: '2-letter plate prefix "กข" (below trigram length)', query: { q: 'กข' } },
    { name: 'list: first page', query: {} },
    { name: 'list: deep page (offset at 90% of the cases)', query: deep },
    { name: 'list: deep page again, total cached (paging on)', query: deep, cached: true },
    { name: 'list: category filter, first page', query: { category: 'wildlife' } }
  ]
}

async function benchSize(size: number): Promise<SizeResult> {
  const runs = size <= REPEAT_IMPORT_UP_TO ? importRuns : 1
  const rates: { store: number; endToEnd: number }[] = []
  let station: Station | undefined
  const seen: { rareTerm?: string } = {}
  for (let run = 1; run <= runs; run++) {
    if (station) dropStation(station)
    station = freshStation()
    log(`${size} cases: import run ${run}/${runs}`)
    rates.push(importInto(station, size, seen))
  }
  station = station!
  const rare = seen.rareTerm
  if (!rare) throw new Error('no passport number in the seeded cases to use as a rare term')

  log(`${size} cases: single saves`)
  const toSave = [...generateCases(savesPerRound * (rounds + 1), 'bench-saves', { until: new Date() })]
  let next = 0
  const save = await measure(rounds, savesPerRound - 1, () => call(station, 'cases.create', toSave[next++]))

  const touch = await writer(station, toSave[next++])
  const queries: QueryResult[] = []
  for (const shape of searchShapes(size, rare)) {
    log(`${size} cases: ${shape.name}`)
    const input = { limit: 50, ...shape.query }
    const search = () => call<CasePage>(station, 'cases.search', input)
    await touch()
    const started = performance.now()
    const first = await search()
    // Slow shapes get fewer repetitions so one bad plan cannot hold the run for an hour; never fewer than 3.
    const affordable = Math.floor(SHAPE_BUDGET_MS / rounds / Math.max(1, performance.now() - started))
    const timing = await measure(rounds, Math.max(3, Math.min(reps, affordable)), search, shape.cached ? undefined : touch)
    queries.push({ name: shape.name, query: input, required: shape.required ?? false, matches: first.total, capped: first.capped, ...timing })
  }

  const file = join(station.dataDir, DATABASE_FILE)
  for (const q of queries) {
    if (q.p95 > 50) q.plan = explainSearch(file, q.query)
  }
  station.close()
  const bytes = [file, `${file}-wal`].filter(existsSync).reduce((sum, f) => sum + statSync(f).size, 0)
  rmSync(station.dataDir, { recursive: true, force: true })
  dirs.delete(station.dataDir)
  return {
    size,
    importRuns: rates.length,
    importRate: median(rates.map((r) => r.store)),
    importRateEndToEnd: median(rates.map((r) => r.endToEnd)),
    save,
    queries,
    dbBytes: bytes
  }
}

async function main(): Promise<void> {
  const startedAt = new Date()
  const facts = machineFacts()
  log(`Case generation alone…`)
  const genRate = generatorRate(Math.min(100_000, Math.max(...sizes)))
  const results: SizeResult[] = []
  try {
    for (const size of sizes) results.push(await benchSize(size))
  } finally {
    cleanup()
  }
  const report = { startedAt, minutes: (Date.now() - startedAt.getTime()) / 60000, facts: { ...facts, loadEnd: loadAverage() }, genRate, results }
  process.stdout.write(`${renderTable(report)}\n`)
  if (writeReadme) {
    const readme = resolve(__dirname, 'README.md')
    writeFileSync(readme, renderReadme(report))
    log(`Wrote ${readme}`)
  }
}

main().catch((error: unknown) => {
  cleanup()
  console.error(error)
  process.exit(1)
})
