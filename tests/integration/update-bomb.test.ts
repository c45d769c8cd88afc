/**
 * Regression (found while testing the flood fix, tests/integration/peer-flood.test.ts): a V2 update states how
 * many structs it holds and lets its run-length columns repeat without bytes, so a 42-byte update — a real
 * plan update with a few bytes changed — had Yjs build structs until the station ran out of memory (a station
 * host died six seconds after its paired peer sent it). The same bytes through a screen's plans.update did the
 * same. Updates from outside are now decoded with a bound on the structs their size allows.
 */
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { Station } from '../../main/core/station'
import { COMPRESSION, Kind, type Frame } from '../../main/core/sync/frames'
import { sendHandled, stationWithRawPeer } from '../helpers/raw-peer'
import { call, officer } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'

const BOMB = Uint8Array.from(Buffer.from('0001000582a1d9ca170000010709066e6f746573700501010101030021ff1001c2d0ace50b0a01020102', 'hex'))

describe('a tiny update claiming millions of parts', () => {
  const tempDir = useTempDirs()
  const open: Station[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()))
  })

  it('is refused from the paired peer and from a screen, and the station carries on', async () => {
    const { station, peer, dial } = await stationWithRawPeer(tempDir(), tempDir(), open)
    const plan = await call(station, 'plans.create', { title: 'ลาดตระเวนร่วม' })

    const ws = await dial()
    const bomb = (doc: string): Frame => ({ kind: Kind.update, doc, flags: COMPRESSION.none, update: BOMB })
    await sendHandled(ws, [bomb(`plan/${plan.id}`), bomb(`plan/${randomUUID()}`), bomb(`records/${peer.stationId}/2026-11`)])
    ws.terminate()
    const refusals = (await call(station, 'link.log', { limit: 20 })).filter((e) => e.kind === 'refused-update')
    expect(refusals).toHaveLength(3)
    for (const r of refusals) expect(r.detail).toMatch(/more parts than an update of its size can hold/)

    const reply = await station.dispatch('plans.update', { id: plan.id, update: Buffer.from(BOMB).toString('base64') }, officer)
    expect(reply.ok).toBe(false)
    if (!reply.ok) expect(reply.error.message).toMatch(/more parts than an update of its size can hold/)
    // Nothing of it stayed, and the station still serves.
    expect((await call(station, 'plans.list', {})).rows.map((r) => r.id)).toEqual([plan.id])
    expect((await call(station, 'plans.get', { id: plan.id })).title).toBe('ลาดตระเวนร่วม')
  })
})
