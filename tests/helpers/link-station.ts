import type { Database } from 'better-sqlite3'
import type { Counterpart } from '../../main/core/identity/counterpart-registry'
import type { LinkEvent } from '../../main/core/identity/link-log'
import { join } from 'node:path'
import { openDatabase } from '../../main/core/db/open-database'
import { DocStore } from '../../main/core/docs/doc-store'
import { recentLinkEvents, logLinkEvent } from '../../main/core/identity/link-log'
import { AuditLog } from '../../main/core/audit/audit-log'
import { CounterpartRegistry } from '../../main/core/identity/counterpart-registry'
import { ensureStationIdentity } from '../../main/core/identity/station-identity'
import { planParties } from '../../main/core/plans/plan-parties'
import { syncScope, type Scope } from '../../main/core/sync/scope'
import { SyncEngine, type SyncEngineOptions } from '../../main/core/sync/sync-engine'

/** One station's link half (database, documents, identity, peers, engine) listening on loopback. */
export interface LinkStation {
  id: string
  address: string
  port: number
  db: Database
  store: DocStore
  peers: CounterpartRegistry
  engine: SyncEngine
  scope: Scope
  events(): LinkEvent[]
  pair(other: { id: string; address: string }): Counterpart | void
  stop(): Promise<void>
}

export async function startLinkStation(
  dir: string,
  name: string,
  options: SyncEngineOptions = {},
  makeStore: (db: Database) => DocStore = (db) => new DocStore(db)
): Promise<LinkStation> {
  const db = openDatabase(join(dir, 'station.db'))
  const store = makeStore(db)
  const identity = await ensureStationIdentity(db, { name, country: 'TH' })
  const peers = new CounterpartRegistry(db, identity.stationId, new AuditLog(db))
  const scope = syncScope(store, identity.stationId, planParties(db))
  const engine = new SyncEngine({
    db,
    store,
    scope,
    self: identity.stationId,
    identity,
    peers,
    log: (peer, kind, detail) => logLinkEvent(db, { peer, kind, detail }),
    onStatus: () => undefined,
    options: { backoffBaseMs: 50, backoffMaxMs: 400, ...options }
  })
  const port = await engine.listen('127.0.0.1', 0)
  engine.start()
  return {
    id: identity.stationId,
    address: `127.0.0.1:${port}`,
    port,
    db,
    store,
    peers,
    engine,
    scope,
    events: () => recentLinkEvents(db, 1000),
    pair(other: { id: string; address: string }) {
      peers.add({ stationId: other.id, address: other.address, name: 'counterpart' }, 'test')
      engine.refresh()
    },
    async stop() {
      await engine.stop()
      store.close()
      db.close()
    }
  }
}

