/**
 * Waiting in tests: poll a condition until it holds. The timeout is only a bound so that a test that will never
 * pass says what it waited for instead of hanging; it must never be what a test measures. On a busy machine a
 * wait takes longer, not fails, as long as the bound is generous: the default is 10 s.
 *
 *   await until(() => sink.received === payload.length, 'the whole payload at the sink')
 *   const link = await until(async () => (await status()).links[0], 'the first link', { timeoutMs: 30_000 })
 *   await until(async () => (await list()).total === 2, 'both records', { retryOnError: true })  // a host still starting
 */

export interface UntilOptions {
  /** Give up after this long (real time); default 10 s. */
  timeoutMs?: number
  /** Pause between two checks; default 10 ms. */
  everyMs?: number
  /**
   * A check that throws counts as "not yet" (state another process is still setting up), and the last error is
   * in the timeout message. By default a throwing check fails the wait at once.
   */
  retryOnError?: boolean
}

export const DEFAULT_UNTIL_TIMEOUT_MS = 10_000

type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>

/**
 * Checks `check` (sync or async) until it returns something truthy, and returns that. Throws
 * "timed out after N ms waiting for <what>" if it has not by the deadline. The check always runs once more after
 * the deadline has passed, so a process that was starved of CPU through the whole wait still gets its look.
 * `options` may be just the timeout in ms.
 */
export async function until<T>(check: () => T | Promise<T>, what: string, options: number | UntilOptions = {}): Promise<Truthy<T>> {
  const { timeoutMs = DEFAULT_UNTIL_TIMEOUT_MS, everyMs = 10, retryOnError = false } = typeof options === 'number' ? { timeoutMs: options } : options
  const deadline = performance.now() + timeoutMs
  let checks = 0
  let lastError: unknown
  for (;;) {
    const late = performance.now() > deadline
    checks++
    try {
      const value = await check()
      if (value) return value as Truthy<T>
    } catch (error) {
      if (!retryOnError) throw error
      lastError = error
    }
    if (late) {
      const last = lastError === undefined ? '' : `; last error: ${lastError instanceof Error ? lastError.message : String(lastError)}`
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (checked ${checks} times${last})`)
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
}
