import type { Database, Statement } from 'better-sqlite3'
import type * as Y from 'yjs'
import {
  MessageValue,
  SharedRecordValue,
  type ExchangeBox,
  type MessageValue as Message,
  type SharedRecordValue as SharedRecord
} from '../../../preload/api'
import type { Logger } from '../api/dispatcher'
import type { AuditLog } from '../audit/audit-log'
import { parseDocName, recipientOf } from '../docs/doc-names'
import type { DocInfo } from '../docs/doc-info'
import type { DocStore } from '../docs/doc-store'
import { receivedMessageEntry, receivedRecordEntry } from './exchange-audit'
import { sharedRecordText } from './shared-case'

type OwnedDoc = DocInfo & { kind: 'records' | 'messages'; owner: string }

const utc = (iso: string) => new Date(iso).toISOString()

function ownedDoc(name: string): OwnedDoc | null {
  const info = parseDocName(name)
  return info && info.kind !== 'plan' && info.owner ? (info as OwnedDoc) : null
}

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0]
  return issue ? `${issue.path.map(String).join('.') || 'value'}: ${issue.message}` : 'malformed'
}

function messageText(m: Message): string {
  switch (m.kind) {
    case 'alert':
      return [m.text, m.plate, m.name, m.route].filter(Boolean).join('\n')
    case 'request':
      return `${m.title}\n${m.text}`
    case 'reply':
    case 'ack':
      return m.text
    case 'read':
      return ''
  }
}

export interface ExchangeViewsOptions {
  db: Database
  store: DocStore
  /** What arrives from the counterpart is audited in the transaction that stores it. */
  audit: AuditLog
  /** This station's ID (its documents are the "sent" side); undefined until the identity is made, when no document moves yet. */
  self: () => string | undefined
  log: Logger
  /** Called after a commit that changed what the named boxes show. */
  onChanged: (boxes: ExchangeBox[]) => void
}

/**
 * Keeps the read-only tables exchange_records and exchange_messages (with their trigram indexes) in step
 * with the records and messages documents, ours and the counterpart's.
 *
 * Observers on each loaded document write the rows for the keys a Yjs transaction changed. They run while
 * that transaction is applied, i.e. inside the SQLite transaction DocStore.write (and so applyUpdate) stores
 * the update in: the rows commit with the update or not at all, and a crash can never leave them apart.
 * A value that fails validation is skipped (and its old row removed) and logged; a database error aborts
 * the whole update, which DocStore then rolls back.
 */
export class ExchangeViews {
  /** Boxes touched per document in transactions not yet announced as committed. */
  private readonly pending = new Map<string, Set<ExchangeBox>>()
  /** Documents from which a withdrawal removed a case: compacted after commit so no stored update keeps it. */
  private readonly toCompact = new Set<string>()
  private readonly stop: (() => void)[]
  /** Rebuilding re-reads what was already received (and audited): no new entries then. */
  private rebuilding = false

  private readonly recordSeq: Statement
  private readonly insertRecord: Statement
  private readonly deleteRecordRow: Statement
  private readonly insertRecordText: Statement
  private readonly deleteRecordText: Statement
  private readonly messageRow: Statement
  private readonly insertMessage: Statement
  private readonly deleteMessageRow: Statement
  private readonly insertMessageText: Statement
  private readonly deleteMessageText: Statement
  private readonly messageKind: Statement

  constructor(private readonly options: ExchangeViewsOptions) {
    const { db, store } = options
    this.recordSeq = db.prepare('SELECT seq FROM exchange_records WHERE doc = ? AND record_id = ?').pluck()
    this.insertRecord = db.prepare(`
      INSERT INTO exchange_records (origin, recipient, doc, record_id, case_ref, revision, category, occurred_at, location, summary,
        fields, shared_at, updated_at, withdrawn_at, data)
      VALUES (@origin, @recipient, @doc, @recordId, @caseRef, @revision, @category, @occurredAt, @location, @summary,
        @fields, @sharedAt, @updatedAt, @withdrawnAt, @data)`)
    this.deleteRecordRow = db.prepare('DELETE FROM exchange_records WHERE seq = ?')
    this.insertRecordText = db.prepare('INSERT INTO exchange_records_fts (rowid, text) VALUES (?, ?)')
    this.deleteRecordText = db.prepare('DELETE FROM exchange_records_fts WHERE rowid = ?')
    this.messageRow = db.prepare('SELECT seq, kind FROM exchange_messages WHERE doc = ? AND message_id = ?')
    this.insertMessage = db.prepare(`
      INSERT INTO exchange_messages (origin, recipient, doc, message_id, kind, sent_at, priority, target_type, target_origin, target_id,
        target_revision, data)
      VALUES (@origin, @recipient, @doc, @messageId, @kind, @sentAt, @priority, @targetType, @targetOrigin, @targetId, @targetRevision, @data)`)
    this.deleteMessageRow = db.prepare('DELETE FROM exchange_messages WHERE seq = ?')
    this.insertMessageText = db.prepare('INSERT INTO exchange_messages_fts (rowid, text) VALUES (?, ?)')
    this.deleteMessageText = db.prepare('DELETE FROM exchange_messages_fts WHERE rowid = ?')
    this.messageKind = db.prepare('SELECT kind FROM exchange_messages WHERE origin = ? AND message_id = ? LIMIT 1').pluck()
    this.stop = [store.onLoad((name, doc) => this.observe(name, doc)), store.onUpdate((name) => this.committed(name))]
  }

  /** Recomputes every view from the documents, in one transaction. */
  rebuild(): void {
    const { db, store } = this.options
    this.rebuilding = true
    try {
      db.transaction(() => {
        db.exec(`DELETE FROM exchange_records; DELETE FROM exchange_records_fts;
                 DELETE FROM exchange_messages; DELETE FROM exchange_messages_fts;`)
        for (const { name } of [...store.list('records'), ...store.list('messages')]) {
          const info = ownedDoc(name)
          if (!info) continue
          const map = store.get(name).getMap(info.kind)
          for (const key of map.keys()) this.materialise(info, map, key, new Set())
        }
      })()
    } finally {
      this.rebuilding = false
    }
  }

  close(): void {
    for (const stop of this.stop) stop()
  }

  private observe(name: string, doc: Y.Doc): void {
    const info = ownedDoc(name)
    if (!info) return
    const map = doc.getMap(info.kind)
    map.observe((event) => {
      const boxes = this.pending.get(name) ?? new Set<ExchangeBox>()
      for (const key of event.keysChanged) {
        this.materialise(info, map, key, boxes)
        if (info.kind === 'records' && (map.get(key) as { withdrawn?: unknown } | undefined)?.withdrawn) this.toCompact.add(name)
      }
      this.pending.set(name, boxes)
    })
  }

  /** After commit: tell the screens, and drop withdrawn cases from the stored updates. */
  private committed(name: string): void {
    if (this.toCompact.delete(name)) {
      try {
        this.options.store.compact(name)
      } catch (error) {
        this.options.log(`Could not compact ${name} after a withdrawal; it will be compacted on next load`, error)
      }
    }
    const boxes = this.pending.get(name)
    if (!boxes) return
    this.pending.delete(name)
    if (boxes.size) this.options.onChanged([...boxes])
  }

  private materialise(info: OwnedDoc, map: Y.Map<unknown>, key: string, boxes: Set<ExchangeBox>): void {
    if (info.kind === 'records') this.materialiseRecord(info, key, map.get(key), boxes)
    else this.materialiseMessage(info, key, map.get(key), boxes)
  }

  private materialiseRecord(info: OwnedDoc, key: string, value: unknown, boxes: Set<ExchangeBox>): void {
    const seq = this.recordSeq.get(info.name, key) as number | undefined
    if (seq !== undefined) {
      this.deleteRecordText.run(seq)
      this.deleteRecordRow.run(seq)
    }
    boxes.add(info.owner === this.options.self() ? 'sent' : 'received')
    if (value === undefined) return
    const parsed = SharedRecordValue.safeParse(value)
    if (!parsed.success || parsed.data.recordId !== key) {
      const why = parsed.success ? `its recordId ${parsed.data.recordId} is not its key` : firstIssue(parsed.error)
      this.options.log(`Skipped record "${key.slice(0, 100)}" in ${info.name} from ${info.owner}: ${why}`)
      return
    }
    const r: SharedRecord = parsed.data
    const { lastInsertRowid } = this.insertRecord.run({
      origin: info.owner,
      recipient: recipientOf(info.name),
      doc: info.name,
      recordId: r.recordId,
      caseRef: r.caseRef,
      revision: r.revision,
      category: r.case?.category ?? null,
      occurredAt: r.case ? utc(r.case.occurredAt) : null,
      location: r.case?.location ?? null,
      summary: r.case?.summary ?? null,
      fields: JSON.stringify(r.fields),
      sharedAt: utc(r.sharedAt),
      updatedAt: utc(r.updatedAt),
      withdrawnAt: r.withdrawn ? utc(r.withdrawn.at) : null,
      data: JSON.stringify(r)
    })
    this.insertRecordText.run(lastInsertRowid, sharedRecordText(r))
    if (this.fromCounterpart(info)) this.options.audit.record(receivedRecordEntry(info.owner, r))
  }

  private fromCounterpart(info: OwnedDoc): boolean {
    const self = this.options.self()
    return !this.rebuilding && self !== undefined && info.owner !== self
  }

  private materialiseMessage(info: OwnedDoc, key: string, value: unknown, boxes: Set<ExchangeBox>): void {
    const old = this.messageRow.get(info.name, key) as { seq: number; kind: Message['kind'] } | undefined
    if (old) {
      this.deleteMessageText.run(old.seq)
      this.deleteMessageRow.run(old.seq)
      // Messages are never rewritten by a well-behaved station; a removal may concern any box.
      if (value === undefined) for (const box of ['alerts', 'requests', 'received', 'sent'] as const) boxes.add(box)
    }
    if (value === undefined) return
    const parsed = MessageValue.safeParse(value)
    if (!parsed.success || parsed.data.id !== key) {
      const why = parsed.success ? `its id ${parsed.data.id} is not its key` : firstIssue(parsed.error)
      this.options.log(`Skipped message "${key.slice(0, 100)}" in ${info.name} from ${info.owner}: ${why}`)
      return
    }
    const m = parsed.data
    const target = m.kind === 'alert' ? null : m.regarding
    const { lastInsertRowid } = this.insertMessage.run({
      origin: info.owner,
      recipient: recipientOf(info.name),
      doc: info.name,
      messageId: m.id,
      kind: m.kind,
      sentAt: utc(m.sentAt),
      priority: m.kind === 'alert' || m.kind === 'request' ? m.priority : null,
      targetType: target?.type ?? null,
      targetOrigin: target?.origin ?? null,
      targetId: target?.id ?? null,
      targetRevision: m.kind === 'read' ? m.revision : null,
      data: JSON.stringify(m)
    })
    const text = messageText(m)
    if (text) this.insertMessageText.run(lastInsertRowid, text)
    boxes.add(this.boxOf(m))
    const entry = this.fromCounterpart(info) ? receivedMessageEntry(info.owner, m) : null
    if (entry) this.options.audit.record(entry)
  }

  /** The box whose list changes when this message arrives: a receipt or reply shows in its original's box. */
  private boxOf(m: Message): ExchangeBox {
    if (m.kind === 'alert') return 'alerts'
    if (m.kind === 'request') return 'requests'
    const { type, origin, id } = m.regarding
    if (type === 'record') return origin === this.options.self() ? 'sent' : 'received'
    return this.messageKind.get(origin, id) === 'alert' ? 'alerts' : 'requests'
  }
}
