import { storedDocuments, documentDifferences } from './consistency'

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Polls until the two stations' stored documents are in the same state (state vectors and delete sets), or
 * the time is up; returns the differences left (empty = converged) and how long it took.
 */
export async function awaitSameDocuments(dirA: string, dirB: string, timeoutMs: number, everyMs = 100): Promise<{ differences: string[]; ms: number }> {
  const started = performance.now()
  for (;;) {
    const a = storedDocuments(dirA)
    const b = storedDocuments(dirB)
    const differences = documentDifferences(a, b, new Set([...a.keys(), ...b.keys()]))
    const ms = performance.now() - started
    if (differences.length === 0 || ms > timeoutMs) return { differences, ms }
    await sleep(everyMs)
  }
}
