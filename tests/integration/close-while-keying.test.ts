/**
 * Regression (found by the crash loop, tests/reliability): a station opened on a new folder and closed again at
 * once — what every `blo` command does on a folder whose station key is not made yet — could end its process with
 * an unhandled rejection ("station closed while its identity was being made"): the monthly report's wait for
 * the station ID had no one to hear that it would never come. Closing at any moment must settle quietly.
 */
import { webcrypto } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { call, openTestStation } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'
import { until } from '../helpers/until'

/**
 * Counts the WebCrypto calls under way. Making a station key is several (generate, sign the certificate, export),
 * and a station closed meanwhile can only leave a rejection once the last of them has finished.
 */
function watchWebCrypto() {
  const subtle = webcrypto.subtle
  const counts = { running: 0, keysGenerated: 0 }
  for (const method of ['generateKey', 'exportKey', 'importKey', 'sign', 'verify', 'digest'] as const) {
    const original = (subtle[method] as (...args: unknown[]) => Promise<unknown>).bind(subtle)
    vi.spyOn(subtle, method).mockImplementation(((...args: unknown[]) => {
      counts.running++
      if (method === 'generateKey') counts.keysGenerated++
      return original(...args).finally(() => counts.running--)
    }) as never)
  }
  return counts
}

describe('a station closed while it makes its key', () => {
  const tempDir = useTempDirs()
  const unhandled: unknown[] = []
  const listen = (reason: unknown) => unhandled.push(reason)
  beforeEach(() => {
    unhandled.length = 0
    process.on('unhandledRejection', listen)
  })
  afterEach(() => {
    process.off('unhandledRejection', listen)
    vi.restoreAllMocks()
  })

  it('leaves no promise rejected unheard, whenever the close comes', async () => {
    const webCrypto = watchWebCrypto()
    const dir = tempDir()
    const first = openTestStation(dir)
    await call(first, 'link.station', {}) // the key is made and stored
    await first.close()
    // Closed in the same tick as opened (a `blo` command with nothing to wait for), on a folder with a key and
    // on new folders; then after 0…15 ms of waiting, before, during and after making the key.
    openTestStation(dir).close()
    openTestStation(tempDir()).close()
    for (let wait = 0; wait < 16; wait++) {
      const station = openTestStation(tempDir())
      await new Promise((resolve) => setTimeout(resolve, wait))
      await station.close()
    }
    // The stations on new folders all began making a key; once every one of those has finished (and a turn of the
    // event loop has let Node report what nobody handled), a rejection left unheard would be in `unhandled`.
    expect(webCrypto.keysGenerated).toBeGreaterThanOrEqual(17)
    await until(() => webCrypto.running === 0, 'every key being made to be finished')
    await new Promise((resolve) => setImmediate(resolve))
    expect(unhandled.map(String)).toEqual([])
  })
})
