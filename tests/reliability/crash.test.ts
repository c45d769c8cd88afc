/**
 * The crash loop in its short form (the full run is `npm run test:crash`, see RELIABILITY.md). A failure names
 * its seed: RELIABILITY_SEED=<seed> npx vitest run tests/reliability/crash.test.ts replays it.
 */
import { describe, expect, it } from 'vitest'
import { runCrashLoop } from './crash/crash-loop'

const seed = process.env.RELIABILITY_SEED ?? '20261127'

describe('a station killed with SIGKILL again and again', () => {
  it(`keeps every acknowledged write, sound and consistent, and syncs afterwards (seed ${seed})`, async () => {
    const report = await runCrashLoop({ kills: 12, seed, generation: 12, syncEvery: 6 })
    expect({ lost: report.lost, problems: report.problems }).toEqual({ lost: [], problems: [] })
    expect(report.kills).toBeGreaterThanOrEqual(11)
    expect(report.killsBy.startup).toBeGreaterThan(0)
    expect(report.acknowledged).toBeGreaterThan(50)
    expect(report.syncChecks).toBe(2)
  }, 300_000)
})
