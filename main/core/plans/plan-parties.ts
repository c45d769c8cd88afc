import type { Database } from 'better-sqlite3'
import type { PlanParties } from '../sync/scope'

/**
 * The stations planning each plan (two, or more), from the plans view (written with every change of the plan's sides): the
 * sync layer sends a plan, and accepts changes to it, only between them. A plan whose counterpart is not
 * chosen yet is open to every counterpart, as is one this station does not hold.
 */
export function planParties(db: Database): PlanParties {
  const sides = db.prepare('SELECT origin_station AS origin, partner_station AS partner, more_stations AS more FROM plans WHERE doc = ?')
  return (doc) => {
    const row = sides.get(doc) as { origin: string; partner: string; more: string } | undefined
    return row && row.origin && row.partner ? [row.origin, row.partner, ...(JSON.parse(row.more) as string[])] : null
  }
}
