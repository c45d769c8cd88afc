import type { Database } from 'better-sqlite3'
import type { HandlerMap } from '../api/dispatcher'
import type { StationMeta } from '../station-meta'
import { MonthlyReports } from './monthly-report'

export type ReportHandlers = Pick<HandlerMap, 'reports.monthly'>

/** The dashboard's figures; they wait for the station ID, which tells our messages from the counterpart's. */
export function reportHandlers(db: Database, meta: StationMeta, stationId: Promise<string>): ReportHandlers {
  return {
    'reports.monthly': async ({ month, counterpart }) => new MonthlyReports(db, meta, await stationId).monthly(month, counterpart)
  }
}
