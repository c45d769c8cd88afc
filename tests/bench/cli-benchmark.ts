/**
 * CLI start-up benchmark (issue 12): how long `blo` takes to answer, as a multiple of a bare `node -e 0` measured
 * in the same run, so that a busy machine moves both sides of each ratio alike. The commands run round-robin,
 * one of each per round, and each row shows the median over the rounds; the "loads" column names the heavy
 * packages the command pulled in (from require's cache at exit), which is what the ratios come from.
 *   npm run bench -- cli [--runs 15] [--cases 10000] [--blo PATH/bin/blo.cjs] [--no-write]
 * --blo measures another build (an older checkout, for a before/after); the table is written to tests/bench/CLI.md
 * unless --no-write.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { loadAverage, machineFacts } from './report'
import { formatMs, median, percentile } from './stats'

const ROOT = resolve(__dirname, '../..')
const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    cases: { type: 'string', default: '10000' },
    blo: { type: 'string', default: join(ROOT, 'bin', 'blo.cjs') },
    'no-write': { type: 'boolean', default: false }
  }
})
const RUNS = Number(flags.runs)
const CASES = Number(flags.cases)
const BLO = resolve(flags.blo)
const TRACER = join(ROOT, 'tests', 'helpers', 'loaded-modules.cjs')
/** Packages whose loading is what makes a command slow to start. */
const HEAVY = ['better-sqlite3', 'zod', 'yjs', 'ws', '@peculiar/x509', 'exceljs', 'pdfkit', 'fontkit']

interface Probe {
  name: string
  args: string[]
  /** The ratio to a bare Node start this command must stay within. */
  goal?: number
  /** The exit code the command answers with (2 for a command-line mistake). */
  exitCode?: number
}

function blo(args: string[], options: { tracerOut?: string } = {}) {
  const pre = options.tracerOut ? ['--require', TRACER] : []
  return spawnSync(process.execPath, [...pre, BLO, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...(options.tracerOut ? { LOADED_MODULES_OUT: options.tracerOut } : {}) },
    maxBuffer: 64 * 1024 * 1024
  })
}

function mustRun(args: string[]): void {
  const result = blo(args)
  if (result.status !== 0) throw new Error(`blo ${args.join(' ')} failed (${result.status}): ${result.stderr.trim()}`)
}

/** Milliseconds from spawn to exit, checking the command answered as expected. */
function timeOnce(command: string[], exitCode: number): number {
  const started = performance.now()
  const result = spawnSync(process.execPath, command, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const ms = performance.now() - started
  if (result.status !== exitCode) throw new Error(`${command.join(' ')} exited ${result.status}, expected ${exitCode}: ${result.stderr.trim()}`)
  return ms
}

function heavyPackagesLoaded(args: string[], scratch: string): string[] {
  const out = join(scratch, 'loaded.json')
  blo(args, { tracerOut: out })
  const files = JSON.parse(readFileSync(out, 'utf8')) as string[]
  return HEAVY.filter((name) => files.some((file) => file.includes(`/node_modules/${name}/`)))
}

function main(): void {
  if (!existsSync(BLO)) throw new Error(`${BLO} not found`)
  if (!existsSync(join(BLO, '..', '..', 'out', 'main', 'cli.js'))) throw new Error('the CLI is not built: run npm run build first')
  const scratch = mkdtempSync(join(tmpdir(), 'blo-cli-bench-'))
  const started = new Date()
  const facts = machineFacts()
  try {
    const data = join(scratch, 'station')
    mustRun(['init', '--data', data, '--name', 'Chiang Saen', '--country', 'TH'])
    mustRun(['seed', '--data', data, '--cases', String(CASES), '--seed', 'bench'])
    // Once untimed: the first open of a seeded station may finish work a later one would not repeat.
    mustRun(['case', 'list', '--data', data, '--json'])

    const probes: Probe[] = [
      { name: 'blo --help', args: ['--help'], goal: 3 },
      { name: 'blo case --help', args: ['case', '--help'], goal: 3 },
      { name: 'blo export --help', args: ['export', '--help'], goal: 3 },
      { name: 'blo case list --bogus (bad flag)', args: ['case', 'list', '--bogus'], goal: 3, exitCode: 2 },
      { name: `blo case list --data DIR --json (${CASES.toLocaleString('en-US')} cases)`, args: ['case', 'list', '--data', data, '--json'], goal: 6 },
      { name: 'blo case list --data DIR --json --q methamphetamine', args: ['case', 'list', '--data', data, '--json', '--q', 'methamphetamine'] }
    ]
    const bare: number[] = []
    const times = probes.map(() => [] as number[])
    for (let round = 0; round < RUNS; round++) {
      bare.push(timeOnce(['-e', '0'], 0))
      probes.forEach((probe, i) => times[i].push(timeOnce([BLO, ...probe.args], probe.exitCode ?? 0)))
    }
    const bareMedian = median(bare)
    const rows = probes.map((probe, i) => {
      const ratio = median(times[i]) / bareMedian
      return {
        probe,
        p50: median(times[i]),
        p90: percentile(times[i], 90),
        ratio,
        met: probe.goal === undefined ? '—' : ratio <= probe.goal ? '**met**' : '**not met**',
        loads: heavyPackagesLoaded(probe.args, scratch)
      }
    })
    const minutes = (Date.now() - started.getTime()) / 60_000
    const table = [
      '| Command | Goal (× bare Node) | median ms | p90 ms | × bare Node | Goal met | Heavy packages loaded |',
      '|---|---|---|---|---|---|---|',
      `| node -e 0 (bare Node start) | — | ${formatMs(bareMedian)} | ${formatMs(percentile(bare, 90))} | 1.0 | — | — |`,
      ...rows.map(
        (r) =>
          `| ${r.probe.name} | ${r.probe.goal === undefined ? '—' : `≤ ${r.probe.goal}`} | ${formatMs(r.p50)} | ${formatMs(r.p90)} | ${r.ratio.toFixed(1)} | ${r.met} | ${r.loads.join(', ') || 'none'} |`
      )
    ].join('\n')
    const report = `# CLI start-up benchmark

\`npm run bench -- cli\` times \`blo\` commands against a bare \`node -e 0\` in the same run: ${RUNS} rounds, each
running every command once in turn, the median per command. The station is made by \`blo init\` and
\`blo seed --cases ${CASES} --seed bench\` in a temporary folder (removed afterwards). "Heavy packages loaded"
are those found in require's cache when the command exits (tests/helpers/loaded-modules.cjs).

## Results

Run ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${minutes.toFixed(1)} minutes, ${BLO === join(ROOT, 'bin', 'blo.cjs') ? 'this checkout' : `\`${BLO}\``}.

Machine: ${facts.cpu}, ${facts.cores} cores, ${facts.memory} RAM, ${facts.os}; Node ${facts.node}.
The machine is shared with other work: load average ${facts.loadStart} at the start, ${loadAverage()} at the end.

${table}

Goals (issue 12): \`blo --help\`, a command's \`--help\` and a bad flag ≤ 3× a bare Node start (they load no station
code); \`blo case list\` on a ${CASES.toLocaleString('en-US')}-case station ≤ 6×.
`
    console.log(table)
    if (!flags['no-write']) {
      writeFileSync(join(__dirname, 'CLI.md'), report)
      console.log('\nwritten to tests/bench/CLI.md')
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

main()
