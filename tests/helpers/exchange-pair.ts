import type { Database } from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { createDispatcher, type HandlerMap } from '../../main/core/api/dispatcher'
import { AuditLog } from '../../main/core/audit/audit-log'
import { CaseRepository } from '../../main/core/cases/case-repository'
import { openDatabase } from '../../main/core/db/open-database'
import { parseDocName } from '../../main/core/docs/doc-names'
import { DocStore } from '../../main/core/docs/doc-store'
import { openExchange, type Exchange } from '../../main/core/exchange/exchange'
import { stationIdFromDigest } from '../../main/core/identity/station-id'
import { systemConnection, type ConnectionState } from '../../main/core/station'
import { openAccounts } from '../../main/core/users/accounts'
import { CaseInput, type ExchangeBox, type MethodInput, type MethodName, type MethodOutput, type Reply } from '../../preload/api'

/** What the sync engine is to the doc store: the origin of updates that came over the link. */
export const FROM_PEER = Symbol('peer')

export const stationId = (seed: string) => stationIdFromDigest(createHash('sha256').update(seed).digest())

/**
 * One station's exchange on a real SQLite file, without networking: the database, doc store, case log and
 * exchange, plus the log lines and events it produced, and its own document updates queued for the peer.
 */
export class ExchangeSide {
  readonly db: Database
  readonly store: DocStore
  readonly cases: CaseRepository
  readonly exchange: Exchange
  readonly audit: AuditLog
  readonly logs: string[] = []
  readonly changed: ExchangeBox[][] = []
  /** This station's own document updates, as the sync engine would send them. */
  readonly outbox: [string, Uint8Array][] = []
  /** Stations this one is paired with: who its shares, alerts and requests may go to. */
  readonly counterparts: string[] = []
  private readonly dispatch: ReturnType<typeof createDispatcher>
  private readonly connection: ConnectionState

  constructor(
    readonly dir: string,
    readonly id: string,
    readonly user = 'Sgt. Somchai'
  ) {
    this.db = openDatabase(join(dir, 'station.db'))
    this.store = new DocStore(this.db)
    this.audit = new AuditLog(this.db)
    this.cases = new CaseRepository(this.db, () => 'TH', this.audit)
    this.exchange = openExchange({
      db: this.db,
      store: this.store,
      cases: this.cases,
      audit: this.audit,
      stationId: id,
      counterparts: () => this.counterparts.map((stationId) => ({ stationId, name: stationId })),
      log: (message) => this.logs.push(message),
      emit: (event, payload) => {
        if (event === 'exchange:changed') this.changed.push((payload as { boxes: ExchangeBox[] }).boxes)
      }
    })
    // Only the exchange's methods are wired here: the dispatcher still checks access and validates input and output.
    const { gate } = openAccounts(this.db, this.audit, () => new Date())
    this.dispatch = createDispatcher(this.exchange.handlers as HandlerMap, gate, (message) => this.logs.push(message))
    this.connection = systemConnection(user)
    this.store.onUpdate((name, update, origin) => {
      if (origin !== FROM_PEER) this.outbox.push([name, update])
    })
  }

  /** Pairs the two sides with each other (and returns them), as `counterparts.add` on each would. */
  pairWith(other: ExchangeSide): [ExchangeSide, ExchangeSide] {
    this.counterparts.push(other.id)
    other.counterparts.push(this.id)
    return [this, other]
  }

  /** Calls the exchange API as a screen would; throws the station's own message when it refuses. */
  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const reply = await this.tryCall(method, input)
    if (!reply.ok) throw new Error(`${method}: ${reply.error.code}: ${reply.error.message}`)
    return reply.value as MethodOutput<M>
  }

  tryCall<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Reply<unknown>> {
    return this.dispatch(method, input, this.connection)
  }

  createCase(input: CaseInput) {
    return this.cases.create(CaseInput.parse(input), { user: this.user })
  }

  /** Applies a peer's update as the sync engine does once it has checked that the peer owns the document. */
  receive(name: string, update: Uint8Array): void {
    const info = parseDocName(name)
    if (!info) throw new Error(`not a shared document name: ${name}`)
    this.store.ensure(info)
    this.store.applyUpdate(name, update, FROM_PEER)
  }

  /** Every row of the materialised views (with the indexed text), in an order that does not depend on arrival. */
  views() {
    return {
      records: this.db
        .prepare(
          `SELECT r.origin, r.doc, r.record_id, r.case_ref, r.revision, r.category, r.occurred_at, r.location, r.summary,
                  r.fields, r.shared_at, r.updated_at, r.withdrawn_at, r.data, f.text
           FROM exchange_records r LEFT JOIN exchange_records_fts f ON f.rowid = r.seq ORDER BY r.doc, r.record_id`
        )
        .all(),
      messages: this.db
        .prepare(
          `SELECT m.origin, m.doc, m.message_id, m.kind, m.sent_at, m.priority, m.target_type, m.target_origin, m.target_id,
                  m.target_revision, m.data, f.text
           FROM exchange_messages m LEFT JOIN exchange_messages_fts f ON f.rowid = m.seq ORDER BY m.doc, m.message_id`
        )
        .all(),
      orphanText: this.db
        .prepare(
          `SELECT (SELECT count(*) FROM exchange_records_fts WHERE rowid NOT IN (SELECT seq FROM exchange_records)) +
                  (SELECT count(*) FROM exchange_messages_fts WHERE rowid NOT IN (SELECT seq FROM exchange_messages)) AS n`
        )
        .get()
    }
  }

  /** Every shared document's content, by name. */
  docs(): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (const { name, kind } of this.store.list()) {
      if (kind !== 'plan') out[name] = this.store.get(name).getMap(kind).toJSON()
    }
    return out
  }

  /** All stored document data (updates and snapshots), as bytes: to prove a withdrawn name is gone from it. */
  storedDocBytes(): Buffer {
    const rows = this.db.prepare('SELECT data FROM doc_updates UNION ALL SELECT data FROM doc_snapshots').all() as { data: Buffer }[]
    return Buffer.concat(rows.map((r) => r.data))
  }

  close(): void {
    this.exchange.close()
    this.store.close()
    this.db.close()
  }
}

/** Delivers everything queued in from's outbox to `to`, in order or in the order `shuffle` gives. */
export function deliver(from: ExchangeSide, to: ExchangeSide, shuffle?: <T>(items: T[]) => T[]): number {
  const updates = from.outbox.splice(0)
  for (const [name, update] of shuffle ? shuffle(updates) : updates) to.receive(name, update)
  return updates.length
}

/** Mulberry32: a seeded shuffle, so a failing order can be replayed. */
export function seededShuffle(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return <T>(items: T[]): T[] => {
    const out = [...items]
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[out[i], out[j]] = [out[j], out[i]]
    }
    return out
  }
}
