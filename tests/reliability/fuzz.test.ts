/**
 * Fuzzing in its short form (the full run is `npm run test:fuzz`, see RELIABILITY.md): sync frames from a paired
 * peer, hostile API calls and malformed import files against one station host process.
 * A failure names its seed: RELIABILITY_SEED=<seed> npx vitest run tests/reliability/fuzz.test.ts replays it.
 */
import { describe, expect, it } from 'vitest'
import { runFuzz } from './fuzz/fuzz-run'

const seed = process.env.RELIABILITY_SEED ?? '20261127'

describe('a station fed garbage at every boundary', () => {
  it(`stays up, refuses each with a logged reason, and keeps its documents and views sound (seed ${seed})`, async () => {
    const report = await runFuzz({ frames: 1500, calls: 250, hugeImportMb: 5, seed })
    expect(report.problems).toEqual([])
    expect(report.crashes).toBe(0)
    expect(report.sync.frames).toBeGreaterThanOrEqual(1500)
    // Each kind of refusal is on the link log with its reason, and valid records got through the garbage.
    expect(report.linkLog.byKind).toMatchObject({
      'refused-frame': expect.any(Number),
      'refused-foreign-write': expect.any(Number),
      'refused-update': expect.any(Number)
    })
    expect(report.receivedRecords).toBeGreaterThan(0)
    expect(report.api.beyondRole.refused).toBe(report.api.beyondRole.calls)
    expect(report.imports.refused).toBe(report.imports.files - 2)
  }, 300_000)
})
