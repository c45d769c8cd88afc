import { describe, expect, it } from 'vitest'
import { call, methCase, openTestStation } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'

describe('exchange in a station', () => {
  const tempDir = useTempDirs()

  it('shares into a document owned by the station’s own ID and lists it as sent', async () => {
    const station = openTestStation(tempDir())
    try {
      const events: unknown[] = []
      station.onEvent((event, payload) => event === 'exchange:changed' && events.push(payload))
      const c = await call(station, 'cases.create', methCase)
      const shared = await call(station, 'exchange.share', { caseId: c.id })
      const { stationId } = await call(station, 'link.station', {})
      expect(shared).toMatchObject({ origin: stationId, doc: `records/${stationId}/2026-11`, fromCounterpart: false })
      const sent = await call(station, 'exchange.list', { box: 'sent' })
      expect(sent.rows).toHaveLength(1)
      expect(sent.unread).toEqual({ received: 0, alerts: 0, requests: 0 })
      expect(events).toEqual([{ boxes: ['sent'] }])
    } finally {
      await station.close()
    }
  })
})
