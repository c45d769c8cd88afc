import { describe, expect, it } from 'vitest'
import { stationId as makeStationId } from '../helpers/exchange-pair'
import { call, methCase, officer, openTestStation } from '../helpers/station'

const COUNTERPART = makeStationId('Ton Pheung BLO')
import { useTempDirs } from '../helpers/temp-dir'

describe('exchange in a station', () => {
  const tempDir = useTempDirs()

  it('shares into a document owned by the station’s own ID, addressed to its counterpart, and lists it as sent', async () => {
    const station = openTestStation(tempDir())
    try {
      const events: unknown[] = []
      station.onEvent((event, payload) => event === 'exchange:changed' && events.push(payload))
      const c = await call(station, 'cases.create', methCase)
      const lonely = await station.dispatch('exchange.share', { caseId: c.id }, officer)
      expect(lonely).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('No counterpart is paired') } })
      await call(station, 'counterparts.add', { stationId: COUNTERPART, address: '127.0.0.1:9', name: 'BLO Ton Pheung' })
      const shared = await call(station, 'exchange.share', { caseId: c.id })
      const { stationId } = await call(station, 'link.station', {})
      expect(shared).toMatchObject({ origin: stationId, doc: `records/${stationId}/${COUNTERPART}/2026-11`, fromCounterpart: false, audience: [COUNTERPART] })
      const sent = await call(station, 'exchange.list', { box: 'sent' })
      expect(sent.rows).toHaveLength(1)
      expect(sent.unread).toEqual({ received: 0, alerts: 0, requests: 0 })
      expect(events).toEqual([{ boxes: ['sent'] }])
    } finally {
      await station.close()
    }
  })
})
