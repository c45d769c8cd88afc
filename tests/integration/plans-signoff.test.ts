import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openDatabase } from '../../main/core/db/open-database'
import { ensureStationIdentity, type StationIdentity } from '../../main/core/identity/station-identity'
import { contentHash } from '../../main/core/plans/plan-hash'
import { readPlanSides } from '../../main/core/plans/plan-doc'
import { readSignoff, writeApproval } from '../../main/core/plans/plan-signoff'
import { useTempDirs } from '../helpers/temp-dir'

const PLAN = '5d0c7a4e-9a7b-4a53-8a53-2f1e6f0d8c11'
const AT = '2026-12-01T09:00:00.000Z'

describe('joint sign-off signatures', () => {
  const tempDir = useTempDirs()

  /** A real station identity (key pair and certificate), made in its own database as a station makes it. */
  async function identity(name: string, country: string): Promise<StationIdentity> {
    const db = openDatabase(join(tempDir(), 'station.db'))
    try {
      return await ensureStationIdentity(db, { name, country })
    } finally {
      db.close()
    }
  }

  it('counts only approvals signed by the station they name, for the two stations planning together', async () => {
    const [th, la, other] = await Promise.all([identity('Chiang Khong BLO', 'TH'), identity('Houayxay BLO', 'LA'), identity('Elsewhere', 'KH')])
    const doc = new Y.Doc({ gc: false })
    doc.getMap('meta').set('originStation', th.stationId)
    doc.getMap('meta').set('partnerStation', la.stationId)
    doc.getMap('meta').set('title', 'Operation Golden Gate')
    const state = () => readSignoff(doc, PLAN, contentHash(doc), readPlanSides(doc))
    const hash = contentHash(doc)

    writeApproval(doc, PLAN, th, hash, 'Pol. Maj. Somchai', AT)
    expect(state()).toMatchObject({ state: 'partial', agreed: false, waitingFor: [la.stationId] })

    // A third station's own valid signature does not stand in for the counterpart.
    writeApproval(doc, PLAN, other, hash, 'Stranger', AT)
    expect(state().agreed).toBe(false)
    expect(state().approvals.find((a) => a.station === other.stationId)?.valid).toBe(false)

    // The Thai approval copied under the Lao key, and a Lao entry whose hash was altered after signing.
    const signoff = doc.getMap<Record<string, string>>('signoff')
    signoff.set(la.stationId, { ...signoff.get(th.stationId)!, station: la.stationId })
    expect(state().agreed).toBe(false)
    writeApproval(doc, PLAN, la, 'f'.repeat(64), 'Pol. Capt. Vilay', AT)
    signoff.set(la.stationId, { ...signoff.get(la.stationId)!, hash })
    expect(state().approvals.find((a) => a.station === la.stationId)).toMatchObject({ valid: false, current: false })
    expect(state().agreed).toBe(false)

    writeApproval(doc, PLAN, la, hash, 'Pol. Capt. Vilay', AT)
    expect(state()).toMatchObject({ state: 'agreed', agreed: true, waitingFor: [] })

    // The same signature does not carry over to another plan.
    expect(readSignoff(doc, 'another-plan-id', hash, readPlanSides(doc)).agreed).toBe(false)
  })
})
