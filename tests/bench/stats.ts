/** Small statistics for benchmark timings: nearest-rank percentiles, medians, and a stopwatch. */

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

export const median = (values: readonly number[]): number => percentile(values, 50)

/** Runs `fn` `times` times in sequence and returns each duration in ms. */
export async function timeEach(times: number, fn: (i: number) => unknown): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < times; i++) {
    const start = performance.now()
    await fn(i)
    out.push(performance.now() - start)
  }
  return out
}

export function formatMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`
}

export function formatCount(n: number): string {
  return n >= 1_000_000 && n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n)
}
