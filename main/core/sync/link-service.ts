/**
 * The border link as a station feature: this station's identity, the paired stations, and the sync engine
 * that talks to them; the API handlers for pairing and link status live here too.
 */
import type { Database } from 'better-sqlite3'
import type { HandlerMap } from '../api/dispatcher'
import type { AuditLog } from '../audit/audit-log'
import type { DocStore } from '../docs/doc-store'
import { logLinkEvent, recentLinkEvents, type LinkEventKind } from '../identity/link-log'
import { CounterpartCertificates } from '../identity/counterpart-certificates'
import { CounterpartRegistry } from '../identity/counterpart-registry'
import { ensureStationIdentity, type StationIdentity } from '../identity/station-identity'
import type { StationMeta } from '../station-meta'
import type { LinkStatus } from '../../../preload/api'
import { lastBundles } from './last-bundles'
import { RecentlySeen } from './recently-seen'
import { syncScope, type PlanParties, type Scope } from './scope'
import { SyncEngine, type SyncEngineOptions } from './sync-engine'

/** Where a station listens for its counterpart unless told otherwise (README, "Cross-border link"). */
export const DEFAULT_SYNC_PORT = 47470

export interface LinkListenOptions {
  host: string
  port: number
}

export type AwarenessListener = (peer: string, doc: string, update: Uint8Array) => void

type LinkHandlers = Pick<HandlerMap, 'link.station' | 'link.certificate' | 'counterparts.list' | 'counterparts.add' | 'counterparts.remove' | 'link.status' | 'link.log'>

/** Emitting the status on every frame would flood the screens; a few times a second is enough. */
const STATUS_EVENT_INTERVAL_MS = 250

export class LinkService {
  readonly ready: Promise<{ identity: StationIdentity; peers: CounterpartRegistry; engine: SyncEngine; certificates: CounterpartCertificates; scope: Scope }>
  /** This station's key and certificate, once made. */
  readonly identity: Promise<StationIdentity>
  private listening: LinkListenOptions | null = null
  private listenError: string | null = null
  private statusTimer: NodeJS.Timeout | null = null
  private closed = false
  private engine: SyncEngine | null = null
  private readonly awarenessListeners = new Set<AwarenessListener>()
  private readonly relayed = new RecentlySeen(256)
  /** Events not yet stored; see log(). */
  private unlogged: { peer: string | null; kind: LinkEventKind; detail: string; at: Date }[] = []

  constructor(
    private readonly db: Database,
    store: DocStore,
    meta: StationMeta,
    private readonly emitStatus: (status: LinkStatus) => void,
    audit: AuditLog,
    planParties: PlanParties,
    options: SyncEngineOptions = {}
  ) {
    // Making a key pair is asynchronous (WebCrypto); everything that needs the identity waits for it.
    const made = ensureStationIdentity(db, meta).catch((error: unknown) => {
      // A station closed while its key was being made has nothing left to do with it: settle never, so no
      // caller sees a "database closed" error (and no rejection goes unhandled in a closing process).
      if (this.closed) return new Promise<never>(() => undefined)
      throw error
    })
    this.ready = made.then((identity) => {
      if (this.closed) throw new Error('station closed while its identity was being made')
      const peers = new CounterpartRegistry(db, identity.stationId, audit)
      const certificates = new CounterpartCertificates(db)
      const scope = syncScope(store, identity.stationId, planParties)
      const engine = new SyncEngine({
        db,
        store,
        scope,
        self: identity.stationId,
        identity,
        peers,
        log: (peer, kind, detail) => this.log(peer, kind, detail),
        onStatus: () => this.scheduleStatusEvent(),
        onCertificate: (peer, certificate) => {
          if (!this.closed) certificates.learn(peer, certificate, 'link')
        },
        onAwareness: (peer, doc, update) => {
          for (const listener of this.awarenessListeners) listener(peer, doc, update)
        },
        options
      })
      this.engine = engine
      return { identity, peers, engine, certificates, scope }
    })
    this.ready.catch(() => undefined) // surfaced by whoever awaits it
    this.identity = this.ready.then((r) => r.identity)
    this.identity.catch(() => undefined)
  }

  /** Listen for the counterpart and dial every paired station. A busy port leaves the station dial-only. */
  async start(listen: LinkListenOptions | null): Promise<void> {
    const { engine } = await this.ready
    if (listen) {
      try {
        const port = await engine.listen(listen.host, listen.port)
        this.listening = { host: listen.host, port }
      } catch (error) {
        this.listenError = `Cannot listen on ${listen.host}:${listen.port} (${(error as Error).message}). The counterpart cannot dial in; this station still dials out.`
      }
    }
    engine.start()
  }

  async status(): Promise<LinkStatus> {
    const { identity, engine } = await this.ready
    const bundles = lastBundles(this.db)
    const peers = engine.status().map((p) => ({ ...p, lastBundle: bundles.get(p.stationId) ?? { written: null, imported: null } }))
    return { stationId: identity.stationId, listening: this.listening, listenError: this.listenError, peers }
  }

  handlers(meta: StationMeta): LinkHandlers {
    return {
      'link.station': async () => ({ stationId: (await this.ready).identity.stationId, name: meta.name, country: meta.country }),
      'link.certificate': async () => {
        const { identity } = await this.ready
        return { stationId: identity.stationId, certificatePem: identity.certPem }
      },
      'counterparts.list': async () => (await this.ready).peers.list(),
      'counterparts.add': async (input, ctx) => {
        const { peers, engine } = await this.ready
        const peer = peers.add(input, ctx.user)
        engine.refresh()
        return peer
      },
      'counterparts.remove': async ({ stationId }, ctx) => {
        const { peers, engine } = await this.ready
        peers.remove(stationId, ctx.user)
        engine.refresh()
        return { removed: true }
      },
      'link.status': () => this.status(),
      'link.log': ({ limit }) => recentLinkEvents(this.db, limit)
    }
  }

  /** Relays presence (a y-protocols awareness update) for a shared document to connected peers; dropped while offline. */
  sendAwareness(doc: string, update: Uint8Array): void {
    this.engine?.sendAwareness(doc, update)
  }

  /**
   * Presence one counterpart sent, passed on to the others sharing the document: in a plan of three offices two
   * of them may never pair, and see each other only through this station. Each update is passed on once, so
   * counterparts that are paired with each other too do not send it round for ever.
   */
  relayAwareness(doc: string, update: Uint8Array, from: string): void {
    if (this.relayed.seen(update)) return
    this.engine?.sendAwareness(doc, update, from)
  }

  /** Presence a peer sent for a shared document; never stored. */
  onAwareness(listener: AwarenessListener): () => void {
    this.awarenessListeners.add(listener)
    return () => this.awarenessListeners.delete(listener)
  }

  /** Synchronous for the database's sake: the station closes it right after. */
  close(): Promise<void> {
    this.storeLogged()
    this.closed = true
    if (this.statusTimer) clearTimeout(this.statusTimer)
    return this.engine?.stop() ?? Promise.resolve()
  }

  /** An event of another carrier of the link (a bundle) for the link log. */
  record(peer: string | null, kind: LinkEventKind, detail: string): void {
    this.log(peer, kind, detail)
    this.scheduleStatusEvent()
  }

  /**
   * Events are stored together once the current task is done (a microtask: before any other I/O is handled, so
   * a reply sent meanwhile is never read before its event is in the log): a peer sending garbage fast must not
   * cost one commit, and one fsync, per refusal.
   */
  private log(peer: string | null, kind: LinkEventKind, detail: string): void {
    if (this.closed) return
    if (this.unlogged.push({ peer, kind, detail, at: new Date() }) === 1) queueMicrotask(() => this.storeLogged())
  }

  private storeLogged(): void {
    const events = this.unlogged
    this.unlogged = []
    if (this.closed || events.length === 0) return
    this.db.transaction(() => {
      for (const event of events) logLinkEvent(this.db, event, event.at)
    })()
  }

  private scheduleStatusEvent(): void {
    if (this.statusTimer || this.closed) return
    this.statusTimer = setTimeout(() => {
      this.statusTimer = null
      if (!this.closed) void this.status().then(this.emitStatus, () => undefined)
    }, STATUS_EVENT_INTERVAL_MS)
    this.statusTimer.unref()
  }
}
