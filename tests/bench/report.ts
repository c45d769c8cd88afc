/** Turns benchmark results into the markdown table the bench prints and tests/bench/README.md holds. */
import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { cpus, loadavg, release, totalmem } from 'node:os'
import { join } from 'node:path'
import type { CaseQuery } from '../../preload/schemas/cases'
import type { StatementReport } from './query-plan'
import { formatBytes, formatCount, formatMs } from './stats'

export interface QueryResult {
  name: string
  query: CaseQuery
  /** One of the four search shapes the issue sets a goal for. */
  required: boolean
  matches: number
  /** The station stopped at its cap of text matches (the newest ones). */
  capped: boolean
  p50: number
  p95: number
  plan?: StatementReport[]
}

export interface SizeResult {
  size: number
  importRuns: number
  /** Cases per second stored, not counting the time spent generating them. */
  importRate: number
  importRateEndToEnd: number
  save: { p50: number; p95: number; p99: number }
  queries: QueryResult[]
  dbBytes: number
}

export interface MachineFacts {
  cpu: string
  cores: number
  memory: string
  os: string
  node: string
  sqlite: string
  betterSqlite3: string
  loadStart: string
  loadEnd?: string
}

export interface BenchReport {
  startedAt: Date
  minutes: number
  facts: MachineFacts
  genRate: number
  results: SizeResult[]
}

export const GOALS = { importRate: 20_000, saveP99: 5, searchP95: 50, searchAtSize: 1_000_000 }

export function machineFacts(): MachineFacts {
  const db = new Database(':memory:')
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v
  db.close()
  const pkg = JSON.parse(readFileSync(join(__dirname, '../../node_modules/better-sqlite3/package.json'), 'utf8')) as { version: string }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory: formatBytes(totalmem()),
    os: `${process.platform} ${release()}`,
    node: process.version,
    sqlite,
    betterSqlite3: pkg.version,
    loadStart: loadAverage()
  }
}

export function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
}

const rate = (n: number) => Math.round(n).toLocaleString('en-US')
const yesNo = (ok: boolean) => (ok ? '**met**' : '**not met**')

interface Row {
  measure: string
  goal: string
  cells: string[]
  verdict: string
}

function rows(report: BenchReport): Row[] {
  const { results } = report
  const out: Row[] = []
  const missed = (pick: (r: SizeResult) => boolean) => results.filter((r) => !pick(r)).map((r) => formatCount(r.size))

  const importMissed = missed((r) => r.importRate >= GOALS.importRate)
  out.push({
    measure: 'Bulk import (`importCases`), cases/s stored; in brackets with generating them (`blo seed`)',
    goal: `≥ ${rate(GOALS.importRate)}`,
    cells: results.map(
      (r) => `${rate(r.importRate)} (${rate(r.importRateEndToEnd)}), ${r.importRuns === 1 ? '1 run' : `median of ${r.importRuns} runs`}`
    ),
    verdict: importMissed.length ? `${yesNo(false)} at ${importMissed.join(', ')}` : yesNo(true)
  })
  const saveMissed = missed((r) => r.save.p99 <= GOALS.saveP99)
  out.push({
    measure: 'Single case save (`cases.create`), p50 / p99 ms',
    goal: `p99 ≤ ${GOALS.saveP99} ms`,
    cells: results.map((r) => `${formatMs(r.save.p50)} / ${formatMs(r.save.p99)}`),
    verdict: saveMissed.length ? `${yesNo(false)} at ${saveMissed.join(', ')}` : yesNo(true)
  })

  const largest = results[results.length - 1]
  for (const [index, q] of largest.queries.entries()) {
    const atGoalSize = largest.size >= GOALS.searchAtSize
    const verdict = !q.required
      ? '—'
      : `${yesNo(q.p95 <= GOALS.searchP95)}${atGoalSize ? '' : ` (at ${formatCount(largest.size)}; goal is for ${formatCount(GOALS.searchAtSize)})`}`
    out.push({
      measure: `${q.name.startsWith('list:') ? 'List' : 'Search'}: ${q.name.replace(/^list: /, '')}, p50 / p95 ms (matches)`,
      goal: q.required ? `p95 ≤ ${GOALS.searchP95} ms at 1M` : '—',
      cells: results.map((r) => {
        const m = r.queries[index]
        return `${formatMs(m.p50)} / ${formatMs(m.p95)} (${rate(m.matches)}${m.capped ? ', capped' : ''})`
      }),
      verdict
    })
  }
  out.push({ measure: 'Database size (station.db + WAL)', goal: '—', cells: results.map((r) => formatBytes(r.dbBytes)), verdict: '—' })
  out.push({
    measure: 'Case generation alone, cases/s (part of the import time)',
    goal: '—',
    cells: results.map((_, i) => (i === 0 ? rate(report.genRate) : '')),
    verdict: '—'
  })
  return out
}

export function renderTable(report: BenchReport): string {
  const header = ['Measure', 'Goal', ...report.results.map((r) => `${formatCount(r.size)} cases`), 'Goal met']
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`]
  for (const row of rows(report)) lines.push(`| ${[row.measure, row.goal, ...row.cells, row.verdict].join(' | ')} |`)
  return lines.join('\n')
}

/** Parameters as JSON, with long values (a list of 10,000 rowids) cut to their start and length. */
function shortParams(params: unknown[]): string {
  return JSON.stringify(params, (_key, value: unknown) =>
    typeof value === 'string' && value.length > 120 ? `${value.slice(0, 60)}… (${value.length} characters)` : value
  )
}

function renderPlans(report: BenchReport): string {
  const slow = report.results.flatMap((r) => r.queries.filter((q) => q.plan).map((q) => ({ size: r.size, q })))
  if (!slow.length) return 'Every search and list shape answered within 50 ms at p95; no query plans to show.\n'
  return slow
    .map(({ size, q }) => {
      const statements = q
        .plan!.map(
          (s) =>
            `${formatMs(s.ms)} ms for\n\n\`\`\`sql\n${s.sql}\n-- params: ${shortParams(s.params)}\n\`\`\`\n\n\`\`\`\n${s.plan.join('\n')}\n\`\`\``
        )
        .join('\n\n')
      return `#### ${q.name} at ${formatCount(size)} (p95 ${formatMs(q.p95)} ms)\n\nStatement by statement, timed alone on a read-only connection:\n\n${statements}\n`
    })
    .join('\n')
}

export function renderReadme(report: BenchReport): string {
  const f = report.facts
  return `# Case log benchmark

\`npm run bench\` seeds stations with realistic synthetic cases (\`main/core/cases/seed.ts\`, seed "bench") at
100k and 1M cases in a temporary folder, measures them through the station API the app itself uses
(\`Station.importCases\` and \`dispatch('cases.create' | 'cases.search')\`), prints the table below and rewrites this
file. The temporary folders are removed afterwards. A full run takes about 20 minutes on 2 cores and 8 GB of disk;
\`npm run bench -- --sizes 20000 --import-runs 1\` is a quick look that leaves this file alone (add \`--write\` to
keep its numbers).

How each number is taken:
- **Bulk import**: \`importCases\` for the whole seeded set in one call (the station batches transactions). The
  first number leaves out the time spent inside the case generator, which is measured around each case it yields;
  the one in brackets is end to end, as \`blo seed\` sees it. At 100k the import runs ${'`--import-runs`'} times
  (default 3) on fresh folders and the median is shown; the 1M import runs once, the machine being shared.
- **Single save**: \`cases.create\` through \`dispatch\` (validation, one transaction with its search text, fsync
  of the WAL, output validation) on the seeded station, ${'`--saves`'} saves per round.
- **Search and list**: \`cases.search\` with \`limit: 50\`, default sort (newest first). Each shape is run once to
  warm it, then ${'`--reps`'} times (default 20); p50 and p95 are taken per round and the median over
  ${'`--rounds`'} rounds (default 3) is shown. A shape whose first call is slow gets fewer repetitions (at least 3)
  so that it fits in about a minute. The station keeps search totals until its next write, and a new search never
  finds its total there, so every timed call follows an untimed status change on one case (except the "total
  cached" row, which repeats a page as paging does). "matches" is the total the page reports, "capped" when the
  station stopped at its cap of text matches; the searches run after the saves, so a station holds its seeded
  cases plus the saved ones.
- **Database size**: \`station.db\` plus its WAL after the station is closed.

## Results

Run ${report.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${report.minutes.toFixed(1)} minutes.

Machine: ${f.cpu}, ${f.cores} cores, ${f.memory} RAM, ${f.os}; Node ${f.node}, SQLite ${f.sqlite} (better-sqlite3 ${f.betterSqlite3}).
The machine is shared with other work: load average ${f.loadStart} at the start, ${f.loadEnd ?? '?'} at the end.

${renderTable(report)}

Goals (issue 2): bulk import ≥ 20,000 cases/s; single save p99 ≤ 5 ms; search p95 ≤ 50 ms at 1M for a rare term,
a common term, a 3-character prefix and a Thai-script substring. Rows without a goal are there to show where time goes.

### Query plans of shapes slower than 50 ms at p95

${renderPlans(report)}`
}
