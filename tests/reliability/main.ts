/**
 * The full reliability runs, from the command line:
 *
 *   npm run test:crash     -- [--kills N]   [--seed S] [--generation N] [--sync-every N] [--work DIR]
 *   npm run test:partition -- [--seconds N] [--seed S] [--work DIR]
 *   npm run test:fuzz      -- [--frames N]  [--seed S] [--work DIR]
 *   npm run test:fuzz-bundles -- [--mutations N] [--seed S] [--work DIR]
 *
 * Each prints its seed first (a failing run replays with the same --seed), progress on stderr, and a JSON
 * report on stdout; the exit code is 1 if anything was lost, failed to converge, crashed or was inconsistent.
 * RELIABILITY.md records the numbers of the full runs.
 */
import { randomInt } from 'node:crypto'
import { parseArgs } from 'node:util'

const usage = 'usage: node --import tsx tests/reliability/main.ts crash|partition|fuzz|bundles [--seed S] [--kills N | --seconds N | --frames N | --mutations N] [--work DIR]'

function whole(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1, got '${value}'`)
  return n
}

async function main(argv: string[]): Promise<boolean> {
  const [command, ...rest] = argv
  const { values } = parseArgs({
    args: rest,
    options: {
      seed: { type: 'string' },
      kills: { type: 'string' },
      generation: { type: 'string' },
      'sync-every': { type: 'string' },
      seconds: { type: 'string' },
      frames: { type: 'string' },
      mutations: { type: 'string' },
      work: { type: 'string' }
    }
  })
  const seed = values.seed ?? String(randomInt(1, 2 ** 31))
  const progress = (line: string) => process.stderr.write(`${line}\n`)
  progress(`${command}: seed ${seed} (replay with --seed ${seed})`)
  let report: { lost?: string[]; missing?: string[]; crashes?: number; problems: string[] }
  switch (command) {
    case 'crash': {
      const { runCrashLoop } = await import('./crash/crash-loop')
      report = await runCrashLoop({
        kills: whole('kills', values.kills, 1000),
        seed,
        generation: whole('generation', values.generation, 100),
        syncEvery: whole('sync-every', values['sync-every'], 25),
        workDir: values.work,
        progress
      })
      break
    }
    case 'partition': {
      const { runPartition } = await import('./partition/partition-run')
      report = await runPartition({ seconds: whole('seconds', values.seconds, 3600), seed, workDir: values.work, progress })
      break
    }
    case 'fuzz': {
      const { runFuzz } = await import('./fuzz/fuzz-run')
      report = await runFuzz({ frames: whole('frames', values.frames, 100_000), seed, workDir: values.work, progress })
      break
    }
    case 'bundles': {
      const { runBundleFuzz } = await import('./fuzz/bundle-fuzz')
      const { mkdtempSync } = await import('node:fs')
      const { tmpdir } = await import('node:os')
      const { join } = await import('node:path')
      const mutations = whole('mutations', values.mutations, 10_000)
      const workDir = values.work ?? mkdtempSync(join(tmpdir(), 'blo-bundle-fuzz-'))
      report = await runBundleFuzz({ mutations, signedGarbage: Math.ceil(mutations / 4), seed, workDir, progress })
      break
    }
    default:
      throw new Error(usage)
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  const failed = (report.lost?.length ?? 0) + (report.missing?.length ?? 0) + (report.crashes ?? 0) + report.problems.length > 0
  progress(`${command}: ${failed ? 'FAILED' : 'passed'} (seed ${seed})`)
  return !failed
}

// Exit explicitly once the report is out: an hour-long run must not keep a terminal (or CI) waiting on a socket
// or timer some station left behind — a process that lingered at 37% CPU after a full partition run did.
main(process.argv.slice(2)).then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exit(2)
  }
)
