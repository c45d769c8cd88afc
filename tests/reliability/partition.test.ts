/**
 * Partition and flapping in its short form (the full run is `npm run test:partition`, see RELIABILITY.md).
 * A failure names its seed: RELIABILITY_SEED=<seed> npx vitest run tests/reliability/partition.test.ts replays the schedule.
 */
import { describe, expect, it } from 'vitest'
import { healByteBound, runPartition } from './partition/partition-run'

const seed = process.env.RELIABILITY_SEED ?? '20261127'

describe('two stations writing through a link that is cut, silenced, slowed and flapped', () => {
  it(`end with every element on both sides, identical documents and identical views (seed ${seed})`, async () => {
    const report = await runPartition({ seconds: 25, seed })
    expect({ missing: report.missing, problems: report.problems }).toEqual({ missing: [], problems: [] })
    expect(report.convergenceFailures).toBe(0)
    expect(report.added.a + report.added.b).toBeGreaterThan(60)
    expect(report.faults.hardCuts + report.faults.silentCuts + report.faults.flaps).toBeGreaterThan(0)
    // The full run measures convergence against the link bound in time (RELIABILITY.md). Here, on a machine that
    // may be busy, the final heal is held to what it had to do instead: no string of reconnects (per side at most
    // a dial abandoned at the restore and one that got through), and no more bytes than the two sides lacked of
    // each other plus what sessions and an idle link cost (healByteBound).
    const heal = report.finalHeal!
    expect(heal.connections).toBeLessThanOrEqual(4)
    expect(heal.bytes).toBeLessThanOrEqual(healByteBound({ ms: heal.ms, connections: heal.connections, lackedBytes: heal.lackedBytes!, documents: heal.documents! }))
  }, 300_000)
})
