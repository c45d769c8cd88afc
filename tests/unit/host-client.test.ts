/**
 * Regression (found by the import fuzz, tests/reliability): `blo case add --json FILE` through a running station
 * said "Maximum call stack size exceeded" for a deeply nested file and "the station … closed the connection
 * before answering" for one over the host's frame limit. The CLI now says what is wrong before sending.
 */
import { describe, expect, it } from 'vitest'
import { encodeCall } from '../../main/cli/host-client'
import { MAX_HOST_FRAME_BYTES } from '../../preload/host-protocol'

describe('encodeCall (blo → station host)', () => {
  it('encodes an ordinary call as the host reads it', () => {
    expect(JSON.parse(encodeCall({ type: 'call', id: 3, method: 'cases.get', input: { id: 'x' } }))).toEqual({ type: 'call', id: 3, method: 'cases.get', input: { id: 'x' } })
  })

  it('refuses input over the host frame limit, giving both sizes', () => {
    const input = { narrative: 'ข'.repeat(MAX_HOST_FRAME_BYTES / 2) }
    expect(() => encodeCall({ type: 'call', id: 0, method: 'cases.create', input })).toThrow(/the input is 6\.0 MB; the station takes at most 4\.0 MB in one call/)
  })

  it('refuses input nested too deeply to write, saying so', () => {
    let deep: unknown = 1
    for (let i = 0; i < 200_000; i++) deep = [deep]
    expect(() => encodeCall({ type: 'call', id: 0, method: 'cases.create', input: deep })).toThrow(/nested too deeply/)
  })
})
