/**
 * Regression (found by the crash loop, tests/reliability): a station opened on a new folder and closed again at
 * once — what every `blo` command does on a folder whose station key is not made yet — could end its process with
 * an unhandled rejection ("station closed while its identity was being made"): the monthly report's wait for
 * the station ID had no one to hear that it would never come. Closing at any moment must settle quietly.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, openTestStation } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'

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
  })

  it('leaves no promise rejected unheard, whenever the close comes', async () => {
    const dir = tempDir()
    const first = openTestStation(dir)
    await call(first, 'pairing.show', {}) // the key is made and stored
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
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(unhandled.map(String)).toEqual([])
  })
})
