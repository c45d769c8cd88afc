/**
 * Composition root of a station: opens its data folder and wires the services that implement the API.
 * Plain Node: used by the Electron shell, the station host, the CLI and the tests alike.
 */
import { EventEmitter } from 'node:events'
import { basename, join } from 'node:path'
import type { Database } from 'better-sqlite3'
import type { CaseInputParsed, Reply } from '../../preload/api'
import { StationIdentityInput } from '../../preload/schemas/station'
import { invalidInput } from './api/api-error'
import { createDispatcher, type Logger } from './api/dispatcher'
import { registerHandlers } from './api/handler-registry'
import type { StationEventListener } from './api/station-events'
import { caseHandlers } from './cases/case-handlers'
import { CaseRepository } from './cases/case-repository'
import { lockDataDir, type DataDirLock } from './data-dir-lock'
import { openStationDatabase } from './backup/station-database'
import { DATABASE_FILE } from './db/database-file'
import { readStationMeta, writeStationMeta, type StationMeta } from './station-meta'
import { ensureStationIdentity } from './identity/station-identity'
import { DocStore } from './docs/doc-store'
import type { DocLimits } from './docs/doc-limits'
import { openExchange } from './exchange/exchange'
import { exportHandlers } from './export/export-handlers'
import { ExportService } from './export/export-service'
import { snapshotReader } from './export/snapshot-reader'
import { reportHandlers } from './reports/report-handlers'
import { openPlans } from './plans/plans'
import { openBundles } from './bundle/bundles'
import { planParties } from './plans/plan-parties'
import { pairedCounterparts } from './identity/counterpart-registry'
import { LinkService, type LinkListenOptions } from './sync/link-service'
import { auditHandlers } from './audit/audit-handlers'
import { AuditLog } from './audit/audit-log'
import { openAccounts } from './users/accounts'
import type { ConnectionState } from './users/connection'
import type { SyncEngineOptions } from './sync/sync-engine'
import { applyStagedRestore } from './backup/staged-restore'
import { auditRestoreOutcome, maintenanceHandlers } from './maintenance/maintenance-handlers'
import { MaintenanceService, type UpdateInstaller } from './maintenance/maintenance-service'
import { PUBLISHER_KEYS } from './update/publisher-keys'
import { stationInfoHandlers } from './station-info/station-info-handlers'
import type { MethodName } from '../../preload/api'

export { DATABASE_FILE }

/**
 * Transports create a ConnectionState per connection (screenConnection for a browser page or window, which must
 * sign in; systemConnection for local tools) and pass it with every call; handlers see the call context derived from it.
 */
export type { ConnectionState } from './users/connection'
export { screenConnection, systemConnection, mayReceiveEvents } from './users/connection'

/** What a data folder without a station becomes when opened by the desktop app or the station host. */
export const DEFAULT_IDENTITY: StationIdentityInput = {
  name: 'BLO Station',
  // ISO 3166 "unknown" code until the officer sets the country.
  country: 'ZZ'
}

export interface StationOptions {
  dataDir: string
  /** Absolute path to a better-sqlite3 binary built for the current runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string
  /** Identity to give a data folder that has none yet; without it such a folder is refused. */
  init?: StationIdentityInput
  log?: Logger
  /** Tuning of the peer link (tests shorten timeouts). */
  link?: SyncEngineOptions
  /** Sync bundles larger than this are refused unread (tests lower it). */
  maxBundleBytes?: number
  /** How much one shared document may take (tests lower the limits). */
  docLimits?: DocLimits
  /** The station clock (sessions, lockouts, audit times); tests inject one to step over the idle lock. */
  now?: () => Date
  /** Keys an update file must be signed by: the built-in publisher keys unless a test passes its own. */
  publisherKeys?: readonly string[]
  /** The desktop shell's way of running a checked installer; without it (station host) updates are only checked. */
  installer?: UpdateInstaller
}

export interface Station {
  readonly dataDir: string
  readonly meta: StationMeta
  /** Checks who calls and their role, validates input against the contract, runs the handler, validates the output. Never throws. */
  dispatch(method: string, input: unknown, connection: ConnectionState): Promise<Reply<unknown>>
  /** Whether the connection's caller may call the method now (its role, its session): for the desktop shell's own services. */
  admits(method: MethodName, connection: ConnectionState): boolean
  /** Subscribe to contract events; returns the unsubscribe function. */
  onEvent(listener: StationEventListener): () => void
  /** Bulk import of already validated cases (seeding, file imports), in batched transactions. Local tools only
   * (a system connection): there is no role check on this path. */
  importCases(cases: Iterable<CaseInputParsed>, connection: ConnectionState, onProgress?: (done: number) => void): number
  /** Publish the local API endpoint in the data folder's lock so local tools go through this station. */
  advertise(endpoint: { url: string; token: string }): void
  /** Listen for the counterpart (null: dial only) and dial every paired station. */
  startLink(listen: LinkListenOptions | null): Promise<void>
  /** Closes the database at once; the promise settles when the link's sockets are closed too. */
  close(): Promise<void>
}

export class StationNotInitialisedError extends Error {
  constructor(readonly dataDir: string) {
    super(`No station in ${dataDir}. Create one first: blo init --data "${dataDir}" --name NAME --country CC`)
    this.name = 'StationNotInitialisedError'
  }
}

const defaultLog: Logger = (message, error) => console.error(`[station] ${message}`, error ?? '')

/** Checked before any file is created, so a mistyped identity leaves no empty database behind. */
function parseIdentity(init: StationIdentityInput | undefined): StationMeta | undefined {
  if (!init) return undefined
  const parsed = StationIdentityInput.safeParse(init)
  if (!parsed.success) throw invalidInput(parsed.error, 'station identity')
  return parsed.data
}

function identity(db: Database, dataDir: string, init: StationMeta | undefined): StationMeta {
  const existing = readStationMeta(db)
  if (existing) return existing
  if (!init) throw new StationNotInitialisedError(dataDir)
  writeStationMeta(db, init)
  return init
}

export function openStation(options: StationOptions): Station {
  const log = options.log ?? defaultLog
  const init = parseIdentity(options.init)
  const lock: DataDirLock = lockDataDir(options.dataDir, { nativeBinding: options.nativeBinding })
  let db: Database
  let meta: StationMeta
  let restored: ReturnType<typeof applyStagedRestore>
  try {
    // A restore staged from the Maintenance screen goes in while nothing has the database open.
    restored = applyStagedRestore(options.dataDir, { nativeBinding: options.nativeBinding, now: options.now })
    db = openStationDatabase(join(options.dataDir, DATABASE_FILE), { nativeBinding: options.nativeBinding })
    try {
      meta = identity(db, options.dataDir, init)
    } catch (error) {
      db.close()
      throw error
    }
  } catch (error) {
    lock.release()
    throw error
  }

  const events = new EventEmitter()
  const emit: StationEventListener = (event, payload) => events.emit('event', event, payload)
  const now = options.now ?? (() => new Date())
  const audit = new AuditLog(db, now)
  if (restored) auditRestoreOutcome(audit, restored)
  const accounts = openAccounts(db, audit, now)
  const cases = new CaseRepository(db, () => meta.country, audit)
  const docs = new DocStore(db, { limits: options.docLimits })
  const link = new LinkService(db, docs, meta, (status) => emit('link:status', status), audit, planParties(db), options.link)
  const stationId = link.identity.then((i) => i.stationId)
  stationId.catch(() => undefined) // a station closed before its key was made: each call that waits sees it, not the process
  const exchange = openExchange({ db, store: docs, cases, audit, stationId, counterparts: () => pairedCounterparts(db), log, emit })
  const plans = openPlans({ db, store: docs, link, log, emit, audit, now })
  const bundles = openBundles({ db, store: docs, link, meta, audit, emit, maxBytes: options.maxBundleBytes })
  const exports = new ExportService({
    db,
    dataDir: options.dataDir,
    openReader: snapshotReader(join(options.dataDir, DATABASE_FILE), options.nativeBinding),
    meta,
    identity: link.identity,
    planDetail: (id) => plans.detail(id),
    onProgress: (progress) => emit('export:progress', progress),
    onExported: ({ id, what, format, filters, path, rows, bytes, sha256 }, ctx) =>
      audit.record({
        actor: ctx.user,
        action: 'export.run',
        target: { type: 'export', id, label: basename(path) },
        detail: { what, format, filters, path, rows, bytes, sha256 }
      })
  })
  const maintenance = new MaintenanceService({
    dataDir: options.dataDir,
    dbFile: join(options.dataDir, DATABASE_FILE),
    nativeBinding: options.nativeBinding,
    publisherKeys: options.publisherKeys ?? PUBLISHER_KEYS,
    installer: options.installer,
    stationId,
    audit,
    onProgress: (progress) => emit('maintenance:progress', progress)
  })
  const handlers = registerHandlers({
    station: stationInfoHandlers(db, meta, options.dataDir),
    cases: caseHandlers(db, cases, emit),
    link: link.handlers(meta),
    bundles: bundles.handlers,
    exchange: exchange.handlers,
    plans: plans.handlers,
    accounts: accounts.handlers,
    audit: auditHandlers(db, audit),
    export: exportHandlers(exports),
    reports: reportHandlers(db, meta, stationId),
    maintenance: maintenanceHandlers(maintenance)
  })
  const dispatch = createDispatcher(handlers, accounts.gate, log)
  let closed = false
  return {
    dataDir: options.dataDir,
    meta,
    dispatch,
    admits(method, connection) {
      try {
        accounts.gate.admit(method, connection)
        return true
      } catch {
        return false
      }
    },
    onEvent(listener) {
      events.on('event', listener)
      return () => events.off('event', listener)
    },
    importCases(inputs, connection, onProgress) {
      if (!connection.system) throw new Error('bulk import is for local tools (a system connection) only')
      return cases.createMany(inputs, { user: connection.system, now }, undefined, onProgress)
    },
    advertise: (endpoint) => lock.advertise(endpoint),
    startLink: (listen) => link.start(listen),
    close() {
      if (closed) return Promise.resolve()
      closed = true
      events.removeAllListeners()
      const linkClosed = link.close()
      exports.close()
      maintenance.close()
      exchange.close()
      plans.close()
      docs.close()
      db.close()
      lock.release()
      return linkClosed
    }
  }
}

/** Creates a station in an empty data folder; refuses one that already has a station. */
export async function initStation(options: Omit<StationOptions, 'init'> & { identity: StationIdentityInput }): Promise<StationMeta> {
  const init = parseIdentity(options.identity)
  const lock = lockDataDir(options.dataDir, { nativeBinding: options.nativeBinding })
  try {
    const db = openStationDatabase(join(options.dataDir, DATABASE_FILE), { nativeBinding: options.nativeBinding })
    try {
      const existing = readStationMeta(db)
      if (existing) {
        throw new Error(`${options.dataDir} already holds the station "${existing.name}" (${existing.country}); nothing was changed.`)
      }
      const meta = identity(db, options.dataDir, init)
      // The key is made with the station, so its ID is fixed from the start and no later command waits for it.
      await ensureStationIdentity(db, meta)
      return meta
    } finally {
      db.close()
    }
  } finally {
    lock.release()
  }
}

