import type { Database, Statement } from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import {
  SharedRecordValue,
  type AcknowledgeInputParsed,
  type MessageThread,
  type MessageValue,
  type Pointer,
  type RecordDetail,
  type ReplyInputParsed,
  type SendAlertInputParsed,
  type SendRequestInputParsed,
  type ShareInputParsed,
  type WithdrawInputParsed
} from '../../../preload/api'
import { ApiError, notFound } from '../api/api-error'
import type { AuditLog } from '../audit/audit-log'
import type { Actor, CaseRepository } from '../cases/case-repository'
import { messagesDocName, recipientOf, recordsDocName } from '../docs/doc-names'
import { resolveAudience, type PairedStation } from './audience'
import type { DocStore } from '../docs/doc-store'
import { sentMessageEntry } from './exchange-audit'
import type { ExchangeQueries } from './exchange-queries'
import { normaliseFields, pickSharedCase } from './shared-case'

type ShareAction = 'share' | 'correct' | 'withdraw'

/** One addressed document's copy of one of our shared records. */
interface RecordCopy {
  doc: string
  /** null: a document from before audiences, for every counterpart. */
  recipient: string | null
  value: SharedRecordValue
}

const monthOf = (doc: string) => new Date(`${doc.slice(-7)}-01T00:00:00Z`)

/**
 * What this station writes into its own exchange documents: shared records (share, correct, withdraw) and
 * messages (alerts, requests, replies, receipts). Each document is addressed to one counterpart, so an item
 * for two counterparts is written into two documents, and the sync layer hands each only its own. Each action
 * is one DocStore.write, so the document changes, their materialised rows, the local `shares` log and the
 * audit entry commit together.
 */
export class ExchangeService {
  private readonly insertShare: Statement
  private readonly ownCopies: Statement

  constructor(
    db: Database,
    private readonly store: DocStore,
    private readonly cases: CaseRepository,
    private readonly queries: ExchangeQueries,
    private readonly self: string,
    private readonly audit: AuditLog,
    private readonly counterparts: () => readonly PairedStation[]
  ) {
    this.insertShare = db.prepare(`
      INSERT INTO shares (case_id, record_id, doc, action, fields, case_version, at, by, note)
      VALUES (@caseId, @recordId, @doc, @action, @fields, @caseVersion, @at, @by, @note)`)
    this.ownCopies = db.prepare('SELECT doc, recipient, data FROM exchange_records WHERE origin = ? AND record_id = ? ORDER BY seq')
  }

  /**
   * Shares a case with the named counterparts (or the only one), or corrects what was shared: every copy it is
   * shared in gets the next revision. Sharing unchanged content with no one new is a no-op.
   */
  share({ caseId, fields, to }: ShareInputParsed, actor: Actor): RecordDetail {
    const c = this.cases.get(caseId)
    if (c.voided) throw new ApiError('conflict', `Case ${c.ref} is void and cannot be shared.`)
    const picked = normaliseFields(fields)
    const recordId = c.id
    this.store.write(() => {
      const copies = this.copies(recordId)
      const live = copies.filter((k) => !k.value.withdrawn)
      const audience = to || !live.length ? resolveAudience(to, this.counterparts()) : []
      const added = audience.filter((id) => !live.some((k) => k.recipient === id || k.recipient === null))
      const current = live.at(-1)?.value ?? null
      const content = pickSharedCase(c, picked)
      const changed = !current || JSON.stringify([current.fields, current.case]) !== JSON.stringify([picked, content])
      // A record stays in the month it was first shared in, even if the case's date is corrected later.
      const month = copies[0] ? monthOf(copies[0].doc) : new Date(c.occurredAt)
      const docs = [
        ...(changed ? live.map((k) => k.doc) : []),
        ...added.map((id) => copies.find((k) => k.recipient === id)?.doc ?? recordsDocName(this.self, id, month))
      ]
      if (!docs.length) return
      const at = this.now(actor)
      const first = copies[0]?.value
      // Parsed like the counterpart will parse it: what we write is what they accept, in canonical key order.
      const value = SharedRecordValue.parse({
        recordId,
        caseRef: c.ref,
        revision: Math.max(0, ...copies.map((k) => k.value.revision)) + 1,
        sharedAt: first?.sharedAt ?? at,
        sharedBy: first?.sharedBy ?? actor.user,
        updatedAt: at,
        updatedBy: actor.user,
        fields: picked,
        case: content,
        withdrawn: null
      })
      const action = current && changed ? 'correct' : 'share'
      for (const doc of docs) {
        // Unchanged content sent to one more counterpart keeps its revision there, unless that copy was withdrawn.
        const prior = copies.find((k) => k.doc === doc)?.value.revision ?? 0
        const revision = changed ? value.revision : Math.max(current!.revision, prior + 1)
        this.store.ensure({ name: doc, kind: 'records', owner: this.self })
        this.store.get(doc).getMap('records').set(recordId, { ...value, revision })
        this.log(action, c.id, c.version, doc, picked, at, actor, '')
      }
      this.audit.record({
        actor: actor.user,
        action: `exchange.${action}`,
        target: { type: 'case', id: c.id, label: c.ref },
        detail: { revision: value.revision, caseVersion: c.version, fields: picked, to: docs.map(recipientOf), added }
      })
    })
    return this.queries.record(this.self, recordId)
  }

  /**
   * Replaces the record with a tombstone, for every counterpart or those named: each keeps the fact of the
   * withdrawal, not the case; the others keep the case as it was.
   */
  withdraw({ caseId, reason, from }: WithdrawInputParsed, actor: Actor): RecordDetail {
    const c = this.cases.get(caseId)
    this.store.write(() => {
      const copies = this.copies(c.id)
      if (!copies.length) throw notFound(`A shared record of case ${c.ref}`)
      const live = copies.filter((k) => !k.value.withdrawn)
      if (!live.length) throw new ApiError('conflict', `Case ${c.ref} was already withdrawn on ${copies.at(-1)!.value.withdrawn!.at}.`)
      const targets = from ? from.map((id) => this.liveCopyFor(live, id, c.ref)) : live
      const at = this.now(actor)
      const revision = Math.max(...copies.map((k) => k.value.revision)) + 1
      for (const { doc, value } of targets) {
        const tombstone: SharedRecordValue = { ...value, revision, updatedAt: at, updatedBy: actor.user, fields: [], case: null, withdrawn: { at, by: actor.user, reason } }
        this.store.get(doc).getMap('records').set(c.id, tombstone)
        this.log('withdraw', c.id, c.version, doc, [], at, actor, reason)
      }
      this.audit.record({
        actor: actor.user,
        action: 'exchange.withdraw',
        target: { type: 'case', id: c.id, label: c.ref },
        detail: { revision, reason, from: targets.map((k) => k.recipient) }
      })
    })
    return this.queries.record(this.self, c.id)
  }

  sendAlert(input: SendAlertInputParsed, actor: Actor): MessageThread {
    const at = this.now(actor)
    if (input.expiresAt && new Date(input.expiresAt).getTime() <= new Date(at).getTime()) {
      throw new ApiError('invalid_input', 'The alert would expire before it is sent: give a later expiry time.', [
        { path: 'expiresAt', message: 'must be in the future' }
      ])
    }
    const { expiresAt, to, ...rest } = input
    return this.send({ kind: 'alert', ...this.envelope(at, actor), ...rest, expiresAt: expiresAt ?? null }, resolveAudience(to, this.counterparts()))
  }

  sendRequest({ about, to, ...input }: SendRequestInputParsed, actor: Actor): MessageThread {
    if (about && about.origin === this.self) {
      throw new ApiError('invalid_input', 'A request for information asks about a record the counterpart shared, not one of ours.', [
        { path: 'about.origin', message: 'must be the counterpart station' }
      ])
    }
    if (about) this.queries.record(about.origin, about.recordId) // not_found if we never received it
    if (about && to && (to.length !== 1 || to[0] !== about.origin)) {
      throw new ApiError('invalid_input', 'A request about a record goes to the station that shared it, and to no other.', [
        { path: 'to', message: `must be ${about.origin}` }
      ])
    }
    const regarding = about ? { type: 'record' as const, origin: about.origin, id: about.recordId } : null
    const audience = resolveAudience(about ? [about.origin] : to, this.counterparts())
    return this.send({ kind: 'request', ...this.envelope(this.now(actor), actor), ...input, regarding }, audience)
  }

  reply({ origin, messageId, text }: ReplyInputParsed, actor: Actor): MessageThread {
    const audience = this.answerable(origin, messageId)
    this.send({ kind: 'reply', ...this.envelope(this.now(actor), actor), regarding: { type: 'message', origin, id: messageId }, text }, audience)
    return this.queries.thread(origin, messageId)
  }

  acknowledge({ origin, messageId, text }: AcknowledgeInputParsed, actor: Actor): MessageThread {
    const audience = this.answerable(origin, messageId)
    if (origin === this.self) throw new ApiError('invalid_input', 'Only the receiving station acknowledges a message.')
    const thread = this.queries.thread(origin, messageId)
    if (thread.replies.some((r) => r.message.kind === 'ack' && !r.fromCounterpart)) return thread
    this.send({ kind: 'ack', ...this.envelope(this.now(actor), actor), regarding: { type: 'message', origin, id: messageId }, text }, audience)
    return this.queries.thread(origin, messageId)
  }

  /** Writes "read" receipts for the counterparts' items not yet read (a record: in its current revision), each to its sender. */
  markRead(items: Pointer[], actor: Actor): number {
    const receipts: [MessageValue, string][] = []
    const seen = new Set<string>()
    const at = this.now(actor)
    for (const item of items) {
      const key = `${item.type}\0${item.origin}\0${item.id}`
      if (seen.has(key)) continue
      seen.add(key)
      const current = this.queries.get(item)
      if (!current.fromCounterpart || !current.unread) continue
      if (current.type === 'message' && current.message.kind === 'read') continue // receipts are not read back
      const revision = current.type === 'record' ? current.record.revision : null
      receipts.push([{ kind: 'read', ...this.envelope(at, actor), regarding: item, revision }, item.origin])
    }
    if (receipts.length) this.store.write(() => receipts.forEach(([receipt, to]) => this.put(receipt, [to])))
    return receipts.length
  }

  /**
   * Checks that the message can be answered, and returns who the answer goes to: the station that sent it,
   * or, when it is our own, the counterparts it went to.
   */
  private answerable(origin: string, messageId: string): string[] {
    const original = this.queries.message(origin, messageId)
    if (!original) throw notFound(`Message ${messageId} from ${origin}`)
    if (original.message.kind !== 'alert' && original.message.kind !== 'request') {
      throw new ApiError('invalid_input', 'Only an alert or a request for information can be answered.', [
        { path: 'messageId', message: `is a ${original.message.kind}` }
      ])
    }
    if (origin !== this.self) return [origin]
    return original.audience.length ? original.audience : this.counterparts().map((p) => p.stationId)
  }

  private send(message: MessageValue, audience: readonly string[]): MessageThread {
    this.store.write(() => {
      this.put(message, audience)
      const entry = sentMessageEntry(message, audience)
      if (entry) this.audit.record(entry)
    })
    return this.queries.thread(this.self, message.id)
  }

  private put(message: MessageValue, audience: readonly string[]): void {
    for (const recipient of audience) {
      const doc = messagesDocName(this.self, recipient, new Date(message.sentAt))
      this.store.ensure({ name: doc, kind: 'messages', owner: this.self })
      this.store.get(doc).getMap('messages').set(message.id, message)
    }
  }

  private envelope(at: string, actor: Actor) {
    return { id: randomUUID(), sentAt: at, sentBy: actor.user }
  }

  /** Our own record's copies, oldest first; a value we cannot read back would be a bug, so it fails loudly. */
  private copies(recordId: string): RecordCopy[] {
    return (this.ownCopies.all(this.self, recordId) as { doc: string; recipient: string | null; data: string }[]).map((row) => ({
      doc: row.doc,
      recipient: row.recipient,
      value: SharedRecordValue.parse(JSON.parse(row.data))
    }))
  }

  private liveCopyFor(live: RecordCopy[], stationId: string, ref: string): RecordCopy {
    const copy = live.find((k) => k.recipient === stationId)
    if (!copy) throw new ApiError('invalid_input', `Case ${ref} is not shared with ${stationId}.`, [{ path: 'from', message: `not shared with ${stationId}` }])
    return copy
  }

  private now(actor: Actor): string {
    return (actor.now?.() ?? new Date()).toISOString()
  }

  private log(action: ShareAction, caseId: string, caseVersion: number, doc: string, fields: string[], at: string, actor: Actor, note: string) {
    this.insertShare.run({ caseId, recordId: caseId, doc, action, fields: JSON.stringify(fields), caseVersion, at, by: actor.user, note })
  }
}
