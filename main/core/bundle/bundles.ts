/** Sync bundles as a station feature: the service, once the link's identity is made, and its API handlers. */
import type { Database } from 'better-sqlite3'
import type { HandlerMap } from '../api/dispatcher'
import type { StationEventListener } from '../api/station-events'
import type { AuditLog } from '../audit/audit-log'
import type { DocStore } from '../docs/doc-store'
import type { StationMeta } from '../station-meta'
import type { LinkService } from '../sync/link-service'
import { BundleService } from './bundle-service'

export type BundleHandlers = Pick<HandlerMap, 'bundles.export' | 'bundles.inspect' | 'bundles.import' | 'bundles.history'>

export interface BundlesOptions {
  db: Database
  store: DocStore
  link: LinkService
  meta: StationMeta
  audit: AuditLog
  emit: StationEventListener
  /** Bundles larger than this are refused unread (tests lower it). */
  maxBytes?: number
}

export function openBundles({ db, store, link, meta, audit, emit, maxBytes }: BundlesOptions): { handlers: BundleHandlers } {
  const ready = link.ready.then(
    ({ identity, peers, engine, certificates, scope }) =>
      new BundleService({
        db,
        store,
        identity,
        stationName: meta.name,
        peers,
        certificates,
        engine,
        scope,
        audit,
        log: (peer, kind, detail) => link.record(peer, kind, detail),
        progress: (event) => emit('bundles:progress', event),
        maxBytes
      })
  )
  ready.catch(() => undefined) // surfaced by each call
  return {
    handlers: {
      'bundles.export': async (input, ctx) => (await ready).write(input, ctx.user),
      'bundles.inspect': async ({ file }) => (await ready).inspect(file),
      'bundles.import': async ({ file }, ctx) => (await ready).import(file, ctx.user),
      'bundles.history': async ({ peer, limit }) => (await ready).history(peer, limit)
    }
  }
}
