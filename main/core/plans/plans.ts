import type { Database } from 'better-sqlite3'
import { MAX_PLAN_UPDATE_BYTES, type PlanDetail } from '../../../preload/api'
import type { Logger } from '../api/dispatcher'
import type { AuditLog } from '../audit/audit-log'
import { parseDocName } from '../docs/doc-names'
import type { DocStore } from '../docs/doc-store'
import type { StationIdentity } from '../identity/station-identity'
import type { StationEventListener } from '../api/station-events'
import type { AwarenessListener } from '../sync/link-service'
import { PlanAudit } from './plan-audit'
import { planHandlers, type PlanHandlers } from './plan-handlers'
import { PlanQueries } from './plan-queries'
import { PlanService } from './plan-service'
import { planIdOf } from './plan-summary'
import { PlanViews } from './plan-views'
import { awarenessProblem, toBase64 } from './plan-wire'

/** What plans need of the border link (the LinkService). */
export interface PlanLink {
  ready: Promise<{
    identity: StationIdentity
    peers: { list(): { stationId: string }[] }
    /** Which paired station's session a received change came through (its transaction origin). */
    engine: { peerOf(origin: unknown): string | null }
  }>
  sendAwareness(doc: string, update: Uint8Array): void
  /** Passes a counterpart's presence on to the other counterparts sharing the plan. */
  relayAwareness(doc: string, update: Uint8Array, from: string): void
  onAwareness(listener: AwarenessListener): () => void
}

export interface PlansOptions {
  db: Database
  store: DocStore
  link: PlanLink
  log: Logger
  emit: StationEventListener
  /** Plan changes are audited in the write that stores them. */
  audit: AuditLog
  /** The station clock (editing sessions of the audit trail). */
  now: () => Date
}

export interface Plans {
  /** Each call waits for the station identity. */
  readonly handlers: PlanHandlers
  /** A plan as plans.get reports it, for other features (the printable operation order). */
  detail(id: string): Promise<PlanDetail>
  /** Recomputes the plans table and its search index from the documents. */
  rebuildViews(): void
  close(): void
}

const isPlan = (name: string) => parseDocName(name)?.kind === 'plan'

/** Local changes carry a string origin (a screen's name, or 'station'); anything else came over the link. */
const originName = (origin: unknown) => (typeof origin === 'string' ? origin : 'peer')

/**
 * Wires joint operation plans onto a station. Open it before anything loads a plan document (in particular
 * before the sync engine runs), so every loaded plan is observed and its row follows each stored update.
 */
export function openPlans(options: PlansOptions): Plans {
  const { db, store, link, log, emit } = options
  let peerOf: (origin: unknown) => string | null = () => null
  const audit = new PlanAudit({ audit: options.audit, now: options.now, peerOf: (origin) => peerOf(origin) })
  const ready = link.ready.then(({ identity, peers, engine }) => {
    peerOf = (origin) => engine.peerOf(origin)
    const queries = new PlanQueries(db, identity.stationId)
    const service = new PlanService({
      store,
      queries,
      identity,
      pairedStations: () => peers.list().map((p) => p.stationId),
      sendAwareness: (doc, update) => link.sendAwareness(doc, update),
      emitAwareness: (id, update, origin) => emit('plans:awareness', { id, update, origin }),
      audit,
      log
    })
    return { queries, service }
  })
  ready.catch(() => undefined) // a missing identity surfaces in each call that needs it
  const views = new PlanViews({
    db,
    store,
    sourceOf: (origin) => (originName(origin) === 'peer' ? 'peer' : 'local'),
    log,
    onAgreement: (name) =>
      void ready.then(({ service }) => service.recordAgreement(name)).catch((error) => log(`Could not record the agreement on ${name}`, error)),
    onPeerChange: (summary, transaction) => audit.receivedChange(summary, transaction)
  })
  const stops = [
    store.onUpdate((name, update, origin) => {
      if (!isPlan(name)) return
      audit.receivedCommitted(planIdOf(name), origin)
      // A large catch-up from the peer would not fit an event: the screen fetches what it lacks instead.
      const payload = update.byteLength <= MAX_PLAN_UPDATE_BYTES ? toBase64(update) : null
      emit('plans:update', { id: planIdOf(name), update: payload, origin: originName(origin) })
    }),
    link.onAwareness((peer, doc, update) => {
      if (!isPlan(doc)) return
      const problem = awarenessProblem(update)
      if (problem) return log(`Refused presence from ${peer} for ${doc}: ${problem}`)
      emit('plans:awareness', { id: planIdOf(doc), update: toBase64(update), origin: 'peer' })
      link.relayAwareness(doc, update, peer)
    })
  ]
  return {
    handlers: planHandlers(ready),
    detail: async (id) => (await ready).service.detail(id),
    rebuildViews: () => views.rebuild(),
    close() {
      for (const stop of stops) stop()
      views.close()
    }
  }
}
