import type { Database } from 'better-sqlite3'
import type { Logger } from '../api/dispatcher'
import type { AuditLog } from '../audit/audit-log'
import type { CaseRepository } from '../cases/case-repository'
import type { DocStore } from '../docs/doc-store'
import type { StationEventListener } from '../api/station-events'
import { exchangeHandlers, type ExchangeHandlers } from './exchange-handlers'
import { ExchangeQueries } from './exchange-queries'
import { ExchangeService } from './exchange-service'
import { ExchangeViews } from './exchange-views'
import type { PairedStation } from './audience'

export interface ExchangeOptions {
  db: Database
  store: DocStore
  cases: CaseRepository
  /** Shares, withdrawals, messages sent and everything received from the counterpart are recorded here. */
  audit: AuditLog
  /** This station's ID, the owner of the documents it writes; a promise while the identity is being made. */
  stationId: string | Promise<string>
  /** The paired stations: who may be in an audience, and the audience when only one is paired. */
  counterparts: () => readonly PairedStation[]
  log: Logger
  emit: StationEventListener
}

export interface Exchange {
  /** Each call waits for the station ID. */
  readonly handlers: ExchangeHandlers
  /** Recomputes the materialised views from the documents (after a schema change, or to check them). */
  rebuildViews(): void
  close(): void
}

/**
 * Wires the exchange onto a station's database and document store. Open it before anything loads a records
 * or messages document (in particular before the sync engine exists), so every loaded document is observed
 * and its views follow each stored update; the views need no station ID, the API does.
 */
export function openExchange(options: ExchangeOptions): Exchange {
  const { db, store, cases, audit, log, emit, counterparts } = options
  let self: string | undefined
  const views = new ExchangeViews({ db, store, audit, self: () => self, log, onChanged: (boxes) => emit('exchange:changed', { boxes }) })
  const ready = Promise.resolve(options.stationId).then((stationId) => {
    self = stationId
    const queries = new ExchangeQueries(db, stationId)
    return { queries, service: new ExchangeService(db, store, cases, queries, stationId, audit, counterparts) }
  })
  ready.catch(() => undefined) // a missing identity surfaces in each call that needs it, not as an unhandled rejection
  return {
    handlers: exchangeHandlers(ready, cases),
    rebuildViews: () => views.rebuild(),
    close: () => views.close()
  }
}
