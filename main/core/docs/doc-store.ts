import type { Database, Statement } from 'better-sqlite3'
import * as Y from 'yjs'
import { BoundedUpdateDecoderV2 } from './bounded-update-decoder'
import type { DocInfo, DocKind } from './doc-info'
import { DEFAULT_DOC_LIMITS, PeerUpdateOverLimitError, planFull, type DocAtLimit, type DocLimits } from './doc-limits'

export type DocUpdateListener = (name: string, update: Uint8Array, origin: unknown) => void
export type DocLoadListener = (name: string, doc: Y.Doc) => void

export interface DocStoreOptions {
  /** How much one document may take (tests lower them). */
  limits?: DocLimits
}

/** Thrown inside write() to roll back the registration of a document that received nothing. */
const NOTHING_STORED = Symbol('nothing stored')

/** Updates appended since the last snapshot before a live document is compacted again. */
const COMPACT_AFTER_UPDATES = 500

/** Compacting to make room for a change is worth its cost only when it can free this share of the limit. */
const MIN_COMPACTION_GAIN = 1 / 32

/** Bytes a loaded document takes in the database: its snapshot, and the updates stored since. */
interface StoredSize {
  snapshot: number
  since: number
}

/**
 * Yjs documents kept in the station's SQLite database: each update is appended in the same transaction as
 * the writes it belongs to; loading merges the snapshot with the updates since, and compaction folds them
 * into a new snapshot in one transaction, so a crash at any point leaves a loadable document.
 */
export class DocStore {
  private readonly live = new Map<string, Y.Doc>()
  private readonly pendingSinceSnapshot = new Map<string, number>()
  private readonly sizes = new Map<string, StoredSize>()
  /** Per document, a number that changes whenever its content in memory may have changed. */
  private readonly changes = new Map<string, number>()
  private changeSeq = 0
  /** Documents that refused an update from the peer for being at their limit, until one is taken again. */
  private readonly refusedFromPeer = new Map<string, DocAtLimit>()
  private readonly limits: DocLimits
  private readonly listeners = new Set<DocUpdateListener>()
  private readonly loadListeners = new Set<DocLoadListener>()
  /** Updates made inside write(): announced only once their transaction has committed. */
  private deferred: [string, Uint8Array, unknown][] | null = null
  private touched = new Set<string>()

  private readonly insertUpdate: Statement
  private readonly selectInfo: Statement

  constructor(
    private readonly db: Database,
    options: DocStoreOptions = {}
  ) {
    this.limits = options.limits ?? DEFAULT_DOC_LIMITS
    this.insertUpdate = db.prepare('INSERT INTO doc_updates (doc, data) VALUES (?, ?)')
    this.selectInfo = db.prepare('SELECT name, kind, owner FROM docs WHERE name = ?')
  }

  info(name: string): DocInfo | null {
    return (this.selectInfo.get(name) as DocInfo | undefined) ?? null
  }

  list(kind?: DocKind): DocInfo[] {
    return (kind
      ? this.db.prepare('SELECT name, kind, owner FROM docs WHERE kind = ? ORDER BY name').all(kind)
      : this.db.prepare('SELECT name, kind, owner FROM docs ORDER BY name').all()) as DocInfo[]
  }

  /** Registers a document (idempotent): its kind and owner never change afterwards. */
  ensure(info: DocInfo): void {
    this.db
      .prepare('INSERT INTO docs (name, kind, owner, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING')
      .run(info.name, info.kind, info.owner, new Date().toISOString())
  }

  onUpdate(listener: DocUpdateListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Called for each document as it is loaded into memory, after its stored state (and at once for those
   * already loaded). Observers attached here run inside the SQLite transaction that stores every later
   * change, so tables derived from a document commit or roll back with it.
   */
  onLoad(listener: DocLoadListener): () => void {
    this.loadListeners.add(listener)
    for (const [name, doc] of this.live) listener(name, doc)
    return () => this.loadListeners.delete(listener)
  }

  /** The live document, loaded on first use. */
  get(name: string): Y.Doc {
    const cached = this.live.get(name)
    if (cached) return cached
    const info = this.info(name)
    if (!info) throw new Error(`Unknown document ${name}`)
    // Plans keep deleted content so past versions can be shown and restored; exchange documents need not.
    const doc = new Y.Doc({ gc: info.kind !== 'plan' })
    const merged = this.loadAndCompact(name)
    if (merged) Y.applyUpdateV2(doc, merged, this)
    this.sizes.set(name, { snapshot: merged?.byteLength ?? 0, since: 0 })
    doc.on('updateV2', (update: Uint8Array, origin: unknown) => this.persist(name, update, origin))
    this.live.set(name, doc)
    for (const listener of this.loadListeners) listener(name, doc)
    return doc
  }

  /**
   * Runs fn in one SQLite transaction; document updates made inside are stored in it and announced after
   * commit. If fn throws, the transaction rolls back and the touched documents are reloaded from disk,
   * so memory never holds a change the database does not.
   */
  write<T>(fn: () => T): T {
    if (this.deferred) return fn()
    this.deferred = []
    this.touched = new Set()
    let announced: [string, Uint8Array, unknown][] = []
    try {
      const result = this.db.transaction(fn)()
      announced = this.deferred
      return result
    } catch (error) {
      for (const name of this.touched) this.evict(name)
      throw error
    } finally {
      this.deferred = null
      for (const [name, update, origin] of announced) this.announce(name, update, origin)
    }
  }

  /** Applies a V2 update (from a peer or a screen) and stores it. Throws on a malformed update, leaving the doc as it was. */
  applyUpdate(name: string, update: Uint8Array, origin: unknown): void {
    this.write(() => Y.applyUpdateV2(this.get(name), update, origin))
  }

  /**
   * Applies a V2 update to a document that may be new to this station, registering it in the same transaction.
   * A new document that the update leaves empty (malformed, or holding only content whose predecessors have not
   * arrived) is not registered: a refused or premature update from the peer leaves no trace in the database.
   * Throws on a malformed update, and on one that would take the document beyond its limit for updates from
   * the peer (PeerUpdateOverLimitError), leaving everything as it was.
   */
  receive(info: DocInfo, update: Uint8Array, origin: unknown): void {
    const isNew = this.info(info.name) === null
    this.checkPeerRoom(info, update, isNew)
    try {
      this.write(() => {
        this.ensure(info)
        const doc = this.get(info.name)
        Y.applyUpdateV2(doc, update, origin, BoundedUpdateDecoderV2)
        if (isNew && doc.store.clients.size === 0) throw NOTHING_STORED
      })
    } catch (error) {
      if (error !== NOTHING_STORED) throw error
    }
    this.refusedFromPeer.delete(info.name)
  }

  /**
   * Throws an API conflict that says what to do when this station's users may no longer change the document:
   * a plan that has reached its limit. Called before a local change, so nothing is applied to be undone.
   */
  checkOwnEdit(name: string): void {
    if (this.info(name)?.kind !== 'plan') return
    const limit = this.limits.planOwnEdits
    const bytes = this.measure(name, limit, 1) // reached: one byte more would pass it
    if (bytes >= limit) throw planFull(bytes, limit)
  }

  /** Bytes the document takes in the database now: its snapshot and the updates stored since. */
  storedBytes(name: string): number {
    this.get(name)
    const size = this.sizes.get(name)!
    return size.snapshot + size.since
  }

  /** Changes whenever the document's content may have changed: a figure derived from it is current while this holds. */
  changeCount(name: string): number {
    return this.changes.get(name) ?? 0
  }

  /** Documents that refused the peer's latest update to them for being at their limit (since this station started). */
  docsAtLimit(): DocAtLimit[] {
    return [...this.refusedFromPeer.values()]
  }

  stateVector(name: string): Uint8Array {
    return Y.encodeStateVector(this.get(name))
  }

  /** What a holder of stateVector is missing, V2-encoded. */
  diff(name: string, stateVector?: Uint8Array): Uint8Array {
    return Y.encodeStateAsUpdateV2(this.get(name), stateVector)
  }

  compact(name: string): void {
    const doc = this.get(name)
    const snapshot = Y.encodeStateAsUpdateV2(doc)
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM doc_updates WHERE doc = ?').run(name)
      this.db
        .prepare('INSERT INTO doc_snapshots (doc, data) VALUES (?, ?) ON CONFLICT (doc) DO UPDATE SET data = excluded.data')
        .run(name, snapshot)
    })()
    this.pendingSinceSnapshot.set(name, 0)
    this.sizes.set(name, { snapshot: snapshot.byteLength, since: 0 })
  }

  /** Drops the in-memory copy; the next get() reloads from the database. */
  evict(name: string): void {
    this.live.get(name)?.destroy()
    this.live.delete(name)
    this.pendingSinceSnapshot.delete(name)
    this.sizes.delete(name)
    this.changes.set(name, ++this.changeSeq)
  }

  close(): void {
    for (const name of [...this.live.keys()]) this.evict(name)
    this.listeners.clear()
    this.loadListeners.clear()
  }

  /** Refuses, before anything of it is applied, an update from the peer that would take the document beyond its limit. */
  private checkPeerRoom(info: DocInfo, update: Uint8Array, isNew: boolean): void {
    const limit = this.limits.fromPeer[info.kind]
    if ((isNew ? 0 : this.storedBytes(info.name)) + update.byteLength <= limit) return
    // Near the limit, count only what is new here: a catch-up repeats much of what this station holds.
    const adding = isNew ? update.byteLength : Y.diffUpdateV2(update, this.stateVector(info.name), BoundedUpdateDecoderV2).byteLength
    const bytes = isNew ? 0 : this.measure(info.name, limit, adding)
    if (bytes + adding <= limit) return
    const atLimit = { doc: info.name, bytes, limit }
    this.refusedFromPeer.set(info.name, atLimit)
    throw new PeerUpdateOverLimitError(info.kind, atLimit, adding)
  }

  /**
   * The bytes a document takes, measured against a limit it would pass with `adding` more: if the updates stored
   * since its snapshot could make the difference (many small updates take more room than their merge), it is
   * compacted first. Once compacted, a document at its limit is measured without further work.
   */
  private measure(name: string, limit: number, adding: number): number {
    const over = this.storedBytes(name) + adding - limit
    if (over > 0 && this.sizes.get(name)!.since >= Math.max(over, limit * MIN_COMPACTION_GAIN)) this.compact(name)
    return this.storedBytes(name)
  }

  private loadAndCompact(name: string): Uint8Array | null {
    return this.db.transaction(() => {
      const snapshot = this.db.prepare('SELECT data FROM doc_snapshots WHERE doc = ?').get(name) as { data: Buffer } | undefined
      const updates = (this.db.prepare('SELECT data FROM doc_updates WHERE doc = ? ORDER BY id').all(name) as { data: Buffer }[]).map(
        (r) => new Uint8Array(r.data)
      )
      const parts = snapshot ? [new Uint8Array(snapshot.data), ...updates] : updates
      if (parts.length === 0) return null
      if (updates.length === 0) return parts[0]
      const merged = Y.mergeUpdatesV2(parts)
      this.db.prepare('DELETE FROM doc_updates WHERE doc = ?').run(name)
      this.db
        .prepare('INSERT INTO doc_snapshots (doc, data) VALUES (?, ?) ON CONFLICT (doc) DO UPDATE SET data = excluded.data')
        .run(name, merged)
      return merged
    })()
  }

  private persist(name: string, update: Uint8Array, origin: unknown): void {
    if (origin === this) return // replaying what is already stored
    this.insertUpdate.run(name, update)
    this.changes.set(name, ++this.changeSeq)
    this.sizes.get(name)!.since += update.byteLength
    if (this.deferred) {
      this.touched.add(name)
      this.deferred.push([name, update, origin])
    } else {
      this.announce(name, update, origin)
    }
    const pending = (this.pendingSinceSnapshot.get(name) ?? 0) + 1
    this.pendingSinceSnapshot.set(name, pending)
    if (pending >= COMPACT_AFTER_UPDATES && !this.deferred) this.compact(name)
  }

  private announce(name: string, update: Uint8Array, origin: unknown): void {
    for (const listener of this.listeners) listener(name, update, origin)
  }
}
