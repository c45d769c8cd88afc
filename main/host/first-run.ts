/**
 * What the station host does with a data folder that holds no station yet: give it a plain identity
 * the officer can see in the UI, or with --demo a Thai BLO at Chiang Khong with a few hundred sample cases.
 */
import { generateCases } from '../core/cases/seed'
import type { StationIdentityInput } from '../../preload/schemas/station'
import { DEFAULT_IDENTITY, openStation, StationNotInitialisedError, type ConnectionState, type Station } from '../core/station'
import type { Logger } from '../core/api/dispatcher'

export const DEMO_IDENTITY: StationIdentityInput = {
  name: 'BLO Chiang Khong',
  country: 'TH',
  crossing: 'Chiang Khong – Houayxay (Friendship Bridge 4)'
}
/** Cases logged by this office only: the seed's Chiang Khong – Houayxay crossing, Thai side. */
const DEMO_OFFICE = { crossing: 'chiang-khong-houayxay', country: 'TH' } as const
export const DEMO_CASES = 300
export const DEMO_SEED = 4

export interface PreparedStation {
  station: Station
  created: boolean
}

export function openOrCreateStation(dataDir: string, demo: boolean, self: ConnectionState, log: Logger): PreparedStation {
  try {
    return { station: openStation({ dataDir, log }), created: false }
  } catch (error) {
    if (!(error instanceof StationNotInitialisedError)) throw error
  }
  const station = openStation({ dataDir, log, init: demo ? DEMO_IDENTITY : DEFAULT_IDENTITY })
  if (demo) {
    try {
      // The demo's cases end today, so the log looks current whenever someone first opens it.
      station.importCases(generateCases(DEMO_CASES, DEMO_SEED, { office: DEMO_OFFICE, until: new Date() }), self)
    } catch (error) {
      station.close()
      throw error
    }
  }
  return { station, created: true }
}
