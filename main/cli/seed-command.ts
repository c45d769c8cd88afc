/** `blo seed`: adds N synthetic cases through the station's bulk import; the same seed gives the same cases. */
import { dataDirFlag, integerFlag, parseFlags, UsageError } from './flags'
import { printJson } from './output'
import { assertNoRunningStation, localConnection, openLocalStation } from './station-connection'

/** Below this a seed is over before progress would help. */
const PROGRESS_FROM = 10_000
const MAX_CASES = 10_000_000

function progressReporter(total: number): (done: number) => void {
  if (total < PROGRESS_FROM) return () => {}
  const tty = process.stderr.isTTY
  let nextTenth = 1
  return (done) => {
    const percent = Math.floor((done / total) * 100)
    if (tty) {
      process.stderr.write(`\rseeding ${done}/${total} (${percent}%)${done >= total ? '\n' : ''}`)
    } else if (done >= (total * nextTenth) / 10) {
      process.stderr.write(`seeding ${done}/${total} (${percent}%)\n`)
      nextTenth = Math.floor((done / total) * 10) + 1
    }
  }
}

export async function seedCommand(args: string[]): Promise<void> {
  const { values } = parseFlags({
    args,
    options: { data: { type: 'string' }, cases: { type: 'string' }, seed: { type: 'string', default: '1' } }
  })
  if (values.cases === undefined) throw new UsageError('seed needs --cases N')
  const count = integerFlag('cases', values.cases, 1, MAX_CASES)
  // Numbers and words are both seeds ("--seed 7", "--seed demo"); digits mean the number.
  const seed = /^\d+$/.test(values.seed) ? Number(values.seed) : values.seed
  if (seed === '') throw new UsageError('--seed must not be empty')
  const dataDir = dataDirFlag(values.data)
  await assertNoRunningStation(dataDir, 'seed')
  const { generateCases } = await import('../core/cases/seed')

  const station = await openLocalStation(dataDir)
  try {
    const started = performance.now()
    const inserted = station.importCases(generateCases(count, seed), localConnection(), progressReporter(count))
    const seconds = (performance.now() - started) / 1000
    printJson({ inserted, seed, seconds: Number(seconds.toFixed(3)), casesPerSecond: Math.round(inserted / seconds) })
  } finally {
    station.close()
  }
}
