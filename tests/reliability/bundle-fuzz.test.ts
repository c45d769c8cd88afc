/**
 * Bundle fuzzing in its short form (the full run is `npm run test:fuzz-bundles`, 10,000 mutations, see
 * RELIABILITY.md). A failure names its seed: RELIABILITY_SEED=<seed> npx vitest run tests/reliability/bundle-fuzz.test.ts replays it.
 */
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../helpers/temp-dir'
import { runBundleFuzz } from './fuzz/bundle-fuzz'

const seed = process.env.RELIABILITY_SEED ?? '20261207'

describe('a station fed mutated and garbage bundles', () => {
  const tempDir = useTempDirs()

  it(`refuses every mutated bundle with one line and changes nothing; signed garbage never crashes it (seed ${seed})`, async () => {
    const report = await runBundleFuzz({ mutations: 600, signedGarbage: 150, seed, workDir: tempDir() })
    expect(report.problems).toEqual([])
    expect(report).toMatchObject({ crashes: 0, changes: 0 })
    expect(report.refused).toBe(report.mutations)
    expect(report.mutations).toBeGreaterThan(550)
    expect(report.signedGarbage.refused).toBeGreaterThan(0)
  }, 300_000)
})
