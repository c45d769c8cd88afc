import type { Database } from 'better-sqlite3'
import type { HandlerMap } from '../api/dispatcher'
import { APP_VERSION } from '../app-version'
import type { StationMeta } from '../station-meta'

/** `station.info`: who this station is, where its data lives, which version runs it and how many cases it holds. */
export function stationInfoHandlers(db: Database, meta: StationMeta, dataDir: string): Pick<HandlerMap, 'station.info'> {
  const countCases = db.prepare('SELECT count(*) AS n FROM cases WHERE voided = 0').pluck()
  return {
    'station.info': () => ({ ...meta, dataDir, appVersion: APP_VERSION, caseCount: countCases.get() as number })
  }
}
