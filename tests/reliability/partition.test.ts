/**
 * Partition and flapping in its short form (the full run is `npm run test:partition`, see RELIABILITY.md).
 * A failure names its seed: RELIABILITY_SEED=<seed> npx vitest run tests/reliability/partition.test.ts replays the schedule.
 */
import { describe, expect, it } from 'vitest'
import { runPartition } from './partition/partition-run'

const seed = process.env.RELIABILITY_SEED ?? '20261127'

describe('two stations writing through a link that is cut, silenced, slowed and flapped', () => {
  it(`end with every element on both sides, identical documents and identical views (seed ${seed})`, async () => {
    const report = await runPartition({ seconds: 25, seed })
    expect({ missing: report.missing, problems: report.problems }).toEqual({ missing: [], problems: [] })
    expect(report.convergenceFailures).toBe(0)
    expect(report.added.a + report.added.b).toBeGreaterThan(60)
    expect(report.faults.hardCuts + report.faults.silentCuts + report.faults.flaps).toBeGreaterThan(0)
    // The full run holds convergence to the link bound (RELIABILITY.md); a shared CI machine gets twice that.
    expect(report.finalHeal!.ms).toBeLessThan(2 * report.finalHeal!.boundMs)
  }, 300_000)
})
