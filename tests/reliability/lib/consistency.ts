/**
 * The checks every reliability run ends with, on a station's data folder (closed, or read beside a running
 * station): the SQLite file is sound, every derived table agrees with what it is derived from, and the Yjs
 * documents rebuilt from their stored updates give exactly the materialised views the station kept
 * incrementally. Each check returns problems as sentences (empty = sound), so a run can report them all.
 */
import Database, { type Database as Db } from 'better-sqlite3'
import { join } from 'node:path'
import * as Y from 'yjs'
import type { Case } from '../../../preload/api'
import { AuditLog } from '../../../main/core/audit/audit-log'
import { canonicalJson } from '../../../main/core/canonical-json'
import { verifyAuditTrail } from '../../../main/core/audit/audit-verify'
import { searchableText } from '../../../main/core/cases/case-text'
import { openDatabase } from '../../../main/core/db/open-database'
import type { DocKind } from '../../../main/core/docs/doc-info'
import { DocStore } from '../../../main/core/docs/doc-store'
import { ExchangeViews } from '../../../main/core/exchange/exchange-views'
import { PlanViews } from '../../../main/core/plans/plan-views'
import { fingerprint } from '../../../main/core/sync/doc-fingerprint'
import { DATABASE_FILE } from '../../../main/core/station'

export const databaseFile = (dataDir: string) => join(dataDir, DATABASE_FILE)

/** `PRAGMA integrity_check`, foreign keys, and each full-text index against its rows. */
export function sqliteProblems(db: Db): string[] {
  const problems: string[] = []
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[]
  if (integrity.length !== 1 || integrity[0].integrity_check !== 'ok') {
    problems.push(`integrity_check: ${integrity.map((r) => r.integrity_check).slice(0, 5).join('; ')}`)
  }
  const foreign = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]
  if (foreign.length) problems.push(`foreign_key_check: ${foreign.length} rows, e.g. ${JSON.stringify(foreign[0])}`)
  const fts = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'").pluck().all() as string[]
  for (const table of fts) {
    try {
      db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`).run()
    } catch (error) {
      problems.push(`${table}: ${(error as Error).message}`)
    }
  }
  return problems
}

/** Each case row against its JSON, its earlier versions and its search text. */
export function caseProblems(db: Db): string[] {
  const problems: string[] = []
  const versions = db.prepare('SELECT version FROM case_versions WHERE case_seq = ? ORDER BY version').pluck()
  const text = db.prepare('SELECT text FROM cases_fts WHERE rowid = ?').pluck()
  for (const row of db.prepare('SELECT seq, id, version, status, voided, data FROM cases').iterate() as IterableIterator<{
    seq: number
    id: string
    version: number
    status: string
    voided: number
    data: string
  }>) {
    const c = JSON.parse(row.data) as Case
    if (c.id !== row.id || c.version !== row.version || c.status !== row.status || Boolean(c.voided) !== Boolean(row.voided)) {
      problems.push(`case ${row.id}: row and JSON disagree`)
    }
    const older = versions.all(row.seq) as number[]
    if (older.length !== row.version - 1 || older.some((v, i) => v !== i + 1)) {
      problems.push(`case ${row.id}: version ${row.version} but earlier versions ${JSON.stringify(older)}`)
    }
    if (text.get(row.seq) !== searchableText(c)) problems.push(`case ${row.id}: search text is not the case's`)
  }
  return problems
}

export function auditProblems(db: Db): string[] {
  const verification = verifyAuditTrail(db)
  return verification.intact ? [] : [`audit trail: ${verification.failure?.message}`]
}

/** Every row of the views derived from documents, without row numbers, in an order that does not depend on history. */
export function materialisedViews(db: Db) {
  const rows = (sql: string) =>
    (db.prepare(sql).all() as Record<string, unknown>[]).map(({ seq: _seq, ...rest }) => rest)
  return {
    records: rows(
      `SELECT r.*, f.text AS indexed FROM exchange_records r LEFT JOIN exchange_records_fts f ON f.rowid = r.seq ORDER BY r.doc, r.record_id`
    ),
    messages: rows(
      `SELECT m.*, f.text AS indexed FROM exchange_messages m LEFT JOIN exchange_messages_fts f ON f.rowid = m.seq ORDER BY m.doc, m.message_id`
    ),
    plans: rows('SELECT * FROM plans ORDER BY doc'),
    planText: db.prepare('SELECT p.doc, t.text FROM plan_text t JOIN plans p ON p.seq = t.plan_seq ORDER BY p.doc, t.text').all(),
    orphanText: db
      .prepare(
        `SELECT (SELECT count(*) FROM exchange_records_fts WHERE rowid NOT IN (SELECT seq FROM exchange_records)) +
                (SELECT count(*) FROM exchange_messages_fts WHERE rowid NOT IN (SELECT seq FROM exchange_messages)) +
                (SELECT count(*) FROM plan_text WHERE plan_seq NOT IN (SELECT seq FROM plans)) AS n`
      )
      .pluck()
      .get() as number
  }
}
export type MaterialisedViews = ReturnType<typeof materialisedViews>

/** Names the first row of each view that differs, or nothing. */
export function viewDifferences(label: string, a: MaterialisedViews, b: MaterialisedViews): string[] {
  const problems: string[] = []
  for (const key of Object.keys(a) as (keyof MaterialisedViews)[]) {
    const x = JSON.stringify(a[key])
    const y = JSON.stringify(b[key])
    if (x === y) continue
    const xs = Array.isArray(a[key]) ? (a[key] as unknown[]).map((r) => JSON.stringify(r)) : [x]
    const ys = Array.isArray(b[key]) ? (b[key] as unknown[]).map((r) => JSON.stringify(r)) : [y]
    const i = xs.findIndex((r, n) => r !== ys[n])
    const at = i < 0 ? xs.length : i
    problems.push(
      `${label} ${key}: ${xs.length} vs ${ys.length} rows; first difference at ${at}: ${(xs[at] ?? '(none)').slice(0, 300)} | ${(ys[at] ?? '(none)').slice(0, 300)}`
    )
  }
  return problems
}

/**
 * Rebuilds the exchange and plan views from the documents (each loaded from its stored snapshot and updates)
 * and compares them with the views as the station left them; everything is rolled back afterwards, so the
 * folder is unchanged. Problems loading a document are reported too.
 */
export function viewsAgainstDocuments(db: Db): string[] {
  const incremental = materialisedViews(db)
  const logged: string[] = []
  const log = (message: string, error?: unknown) => logged.push(`${message}${error ? `: ${(error as Error).message}` : ''}`)
  const store = new DocStore(db)
  db.exec('BEGIN')
  try {
    const exchange = new ExchangeViews({ db, store, audit: new AuditLog(db), self: () => undefined, log, onChanged: () => undefined })
    const plans = new PlanViews({ db, store, sourceOf: () => 'local', log, onAgreement: () => undefined })
    exchange.rebuild()
    plans.rebuild()
    const rebuilt = materialisedViews(db)
    exchange.close()
    plans.close()
    // Values a peer sent that no station writes are skipped (and logged) by design; anything else logged is a fault.
    const faults = logged.filter((m) => !/^Skipped (record|message) /.test(m))
    return [...faults.map((m) => `while rebuilding: ${m}`), ...viewDifferences('incremental vs rebuilt', incremental, rebuilt)]
  } finally {
    db.exec('ROLLBACK')
    store.close()
  }
}

/** Everything above, on a closed data folder: opened as the station opens it (WAL recovery, migrations). */
export function dataDirProblems(dataDir: string): string[] {
  const db = openDatabase(databaseFile(dataDir))
  try {
    return [...sqliteProblems(db), ...caseProblems(db), ...auditProblems(db), ...viewsAgainstDocuments(db)]
  } finally {
    db.close()
  }
}

export interface StoredDoc {
  kind: DocKind
  owner: string | null
  /** Hex of the state vector and of the delete-set hash (doc-fingerprint.ts): equal means equal state. */
  stateVector: string
  deleteHash: string
  /** The document's content as canonical JSON (a map's key order follows arrival, which differs between stations). */
  content: string
}

/**
 * Every document as rebuilt from its stored snapshot and updates, read in one transaction on a separate
 * read-only connection, so it can be taken beside a running station without disturbing it.
 */
export function storedDocuments(dataDir: string): Map<string, StoredDoc> {
  const db = new Database(databaseFile(dataDir), { readonly: true, fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  try {
    return db.transaction(() => {
      const out = new Map<string, StoredDoc>()
      const snapshot = db.prepare('SELECT data FROM doc_snapshots WHERE doc = ?').pluck()
      const updates = db.prepare('SELECT data FROM doc_updates WHERE doc = ? ORDER BY id').pluck()
      for (const { name, kind, owner } of db.prepare('SELECT name, kind, owner FROM docs ORDER BY name').all() as {
        name: string
        kind: DocKind
        owner: string | null
      }[]) {
        const parts = [snapshot.get(name), ...updates.all(name)].filter(Boolean) as Buffer[]
        const doc = new Y.Doc({ gc: kind !== 'plan' })
        for (const part of parts) Y.applyUpdateV2(doc, new Uint8Array(part))
        const f = fingerprint(doc)
        const content = canonicalJson(kind === 'plan' ? planJson(doc) : doc.getMap(kind).toJSON())
        out.set(name, { kind, owner, stateVector: Buffer.from(f.stateVector).toString('hex'), deleteHash: Buffer.from(f.deleteHash).toString('hex'), content })
        doc.destroy()
      }
      return out
    })()
  } finally {
    db.close()
  }
}

function planJson(doc: Y.Doc): unknown {
  const out: Record<string, unknown> = {}
  for (const [name, type] of doc.share) out[name] = type instanceof Y.XmlFragment ? type.toString() : type.toJSON()
  return out
}

const EMPTY_STATE = Buffer.from(Y.encodeStateVector(new Y.Doc())).toString('hex')

/** Documents two stations share that are not in the same state on both (by state vector and delete set). */
export function documentDifferences(a: Map<string, StoredDoc>, b: Map<string, StoredDoc>, names: Iterable<string>): string[] {
  const problems: string[] = []
  for (const name of names) {
    const x = a.get(name)
    const y = b.get(name)
    // A document registered but never written holds nothing to exchange; the link does not send it.
    if ((!x || x.stateVector === EMPTY_STATE) && (!y || y.stateVector === EMPTY_STATE)) continue
    if (!x || !y) problems.push(`${name}: held by ${x ? 'the first station only' : y ? 'the second station only' : 'neither station'}`)
    else if (x.stateVector !== y.stateVector || x.deleteHash !== y.deleteHash) {
      problems.push(`${name}: state differs (${x.stateVector}/${x.deleteHash} vs ${y.stateVector}/${y.deleteHash})`)
    } else if (x.content !== y.content) {
      problems.push(`${name}: same state vector and delete set but different content`)
    }
  }
  return problems
}

/**
 * Per document, its stored snapshot and updates merged into one (V2) update, never applied to a document: cheap
 * enough to read beside two running stations.
 */
export function storedUpdates(dataDir: string): Map<string, Uint8Array> {
  const db = new Database(databaseFile(dataDir), { readonly: true, fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  try {
    return db.transaction(() => {
      const rows = db
        .prepare('SELECT doc, data FROM doc_snapshots UNION ALL SELECT doc, data FROM (SELECT doc, data FROM doc_updates ORDER BY id)')
        .all() as { doc: string; data: Buffer }[]
      const parts = new Map<string, Uint8Array[]>()
      for (const { doc, data } of rows) parts.set(doc, [...(parts.get(doc) ?? []), new Uint8Array(data)])
      return new Map([...parts].map(([doc, updates]) => [doc, updates.length === 1 ? updates[0] : Y.mergeUpdatesV2(updates)]))
    })()
  } finally {
    db.close()
  }
}

/** Per document, the clock each client has reached, from the stored updates alone (see storedUpdates). */
export function storedStateVectors(dataDir: string): Map<string, Map<number, number>> {
  return new Map([...storedUpdates(dataDir)].map(([doc, merged]) => [doc, Y.decodeStateVector(Y.encodeStateVectorFromUpdateV2(merged))]))
}

/**
 * The Yjs diffs (V2, uncompressed) that bring `to` up to `from`, as a catch-up computes them: for each document
 * of which `to` lacks something, what it lacks plus `from`'s delete set. What a sync from one to the other has to
 * carry, before framing and compression (deletions alone, which no state vector shows, are not counted).
 */
export function catchUpBytes(from: Map<string, Uint8Array>, to: Map<string, Uint8Array>): number {
  let bytes = 0
  for (const [doc, update] of from) {
    const theirs = to.get(doc)
    if (!theirs) {
      bytes += update.byteLength
      continue
    }
    const theirVector = Y.encodeStateVectorFromUpdateV2(theirs)
    const held = new Map([[doc, Y.decodeStateVector(theirVector)]])
    if (lacking(held, new Map([[doc, Y.decodeStateVector(Y.encodeStateVectorFromUpdateV2(update))]])).length === 0) continue
    bytes += Y.diffUpdateV2(update, theirVector).byteLength
  }
  return bytes
}

/** What of `wanted` (per document, per client) `held` lacks; empty when held has it all. */
export function lacking(held: Map<string, Map<number, number>>, wanted: Map<string, Map<number, number>>): string[] {
  const out: string[] = []
  for (const [doc, clocks] of wanted) {
    for (const [client, clock] of clocks) {
      const have = held.get(doc)?.get(client) ?? 0
      if (have < clock) out.push(`${doc}: client ${client} at ${have} of ${clock}`)
    }
  }
  return out
}
