/**
 * The child of the crash loop: opens a real station on a data folder and writes until it is killed.
 *
 *   node --import tsx tests/reliability/crash/crash-driver.ts --data DIR --seed S --run N [--writes MAX]
 *
 * stdout, one JSON line each, written synchronously so that a line the parent has read was written before
 * the kill: {"opening":true} just before the database is opened, {"ready":true} once the station is up,
 * {"ack":ELEMENT} after each write whose reply was ok (the write is committed, see RELIABILITY.md), and
 * {"refused":…} if the station refused a write it should have taken (exit code 3).
 */
import { writeSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { Rng } from '../../../main/core/cases/seed-data/random'
import { openStation, systemConnection } from '../../../main/core/station'
import { THAI_OFFICE } from '../lib/offices'
import { CRASH_MIX, Refused, Workload } from '../lib/workload'

const say = (message: unknown) => writeSync(1, `${JSON.stringify(message)}\n`)

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      seed: { type: 'string' },
      run: { type: 'string' },
      writes: { type: 'string', default: '5000' },
      counterpart: { type: 'string' }
    }
  })
  if (!values.data || values.seed === undefined || values.run === undefined) throw new Error('crash-driver needs --data, --seed and --run')
  say({ opening: true })
  const station = openStation({
    dataDir: values.data,
    init: THAI_OFFICE,
    log: (message, error) => process.stderr.write(`[station] ${message} ${error instanceof Error ? error.stack : ''}\n`)
  })
  const connection = systemConnection('crash-driver')
  const workload = new Workload((method, input) => station.dispatch(method, input, connection), new Rng(`${values.seed}:${values.run}`), {
    mix: CRASH_MIX,
    tag: `r${values.run}`,
    counterpart: values.counterpart,
    onAck: (element) => say({ ack: element })
  })
  await workload.init()
  say({ ready: true })
  for (let i = 0; i < Number(values.writes); i++) {
    try {
      await workload.step()
    } catch (error) {
      if (!(error instanceof Refused)) throw error
      say({ refused: error.message })
      process.exitCode = 3
      break
    }
  }
  say({ done: true })
  workload.close()
  await station.close()
}

main().catch((error: unknown) => {
  process.stderr.write(`crash-driver: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
