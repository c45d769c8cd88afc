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
import { messagesDocName, recordsDocName } from '../docs/doc-names'
import type { DocStore } from '../docs/doc-store'
import { sentMessageEntry } from './exchange-audit'
import type { ExchangeQueries } from './exchange-queries'
import { normaliseFields, pickSharedCase } from './shared-case'

type ShareAction = 'share' | 'correct' | 'withdraw'

/**
 * What this station writes into its own exchange documents: shared records (share, correct, withdraw) and
 * messages (alerts, requests, replies, receipts). Each action is one DocStore.write, so the document change,
 * its materialised rows, the local `shares` log and the audit entry commit together.
 */
export class ExchangeService {
  private readonly insertShare: Statement
  private readonly ownRecordDoc: Statement

  constructor(
    db: Database,
    private readonly store: DocStore,
    private readonly cases: CaseRepository,
    private readonly queries: ExchangeQueries,
    private readonly self: string,
    private readonly audit: AuditLog
  ) {
    this.insertShare = db.prepare(`
      INSERT INTO shares (case_id, record_id, doc, action, fields, case_version, at, by, note)
      VALUES (@caseId, @recordId, @doc, @action, @fields, @caseVersion, @at, @by, @note)`)
    this.ownRecordDoc = db.prepare('SELECT doc FROM exchange_records WHERE origin = ? AND record_id = ? ORDER BY doc LIMIT 1').pluck()
  }

  /** Shares a case, or corrects what was shared (same record, next revision). Sharing unchanged content is a no-op. */
  share({ caseId, fields }: ShareInputParsed, actor: Actor): RecordDetail {
    const c = this.cases.get(caseId)
    if (c.voided) throw new ApiError('conflict', `Case ${c.ref} is void and cannot be shared.`)
    const picked = normaliseFields(fields)
    const recordId = c.id
    this.store.write(() => {
      // A record stays in the month it was first shared in, even if the case's date is corrected later.
      const doc = this.recordsDoc(recordId, new Date(c.occurredAt))
      const records = this.store.get(doc).getMap('records')
      const prior = this.current(records.get(recordId))
      const at = this.now(actor)
      // Parsed like the counterpart will parse it: what we write is what they accept, in canonical key order.
      const value = SharedRecordValue.parse({
        recordId,
        caseRef: c.ref,
        revision: (prior?.revision ?? 0) + 1,
        sharedAt: prior?.sharedAt ?? at,
        sharedBy: prior?.sharedBy ?? actor.user,
        updatedAt: at,
        updatedBy: actor.user,
        fields: picked,
        case: pickSharedCase(c, picked),
        withdrawn: null
      })
      if (prior?.case && JSON.stringify([prior.fields, prior.case]) === JSON.stringify([value.fields, value.case])) return
      records.set(recordId, value)
      const action = prior?.case ? 'correct' : 'share'
      this.log(action, c.id, c.version, doc, picked, at, actor, '')
      this.audit.record({
        actor: actor.user,
        action: `exchange.${action}`,
        target: { type: 'case', id: c.id, label: c.ref },
        detail: { revision: value.revision, caseVersion: c.version, fields: picked }
      })
    })
    return this.queries.record(this.self, recordId)
  }

  /** Replaces the record with a tombstone: the counterpart keeps the fact of the withdrawal, not the case. */
  withdraw({ caseId, reason }: WithdrawInputParsed, actor: Actor): RecordDetail {
    const c = this.cases.get(caseId)
    this.store.write(() => {
      const doc = this.ownRecordDoc.get(this.self, c.id) as string | undefined
      if (!doc) throw notFound(`A shared record of case ${c.ref}`)
      const records = this.store.get(doc).getMap('records')
      const prior = this.current(records.get(c.id))
      if (!prior) throw notFound(`A shared record of case ${c.ref}`)
      if (prior.withdrawn) throw new ApiError('conflict', `Case ${c.ref} was already withdrawn on ${prior.withdrawn.at}.`)
      const at = this.now(actor)
      const tombstone: SharedRecordValue = {
        ...prior,
        revision: prior.revision + 1,
        updatedAt: at,
        updatedBy: actor.user,
        fields: [],
        case: null,
        withdrawn: { at, by: actor.user, reason }
      }
      records.set(c.id, tombstone)
      this.log('withdraw', c.id, c.version, doc, [], at, actor, reason)
      this.audit.record({
        actor: actor.user,
        action: 'exchange.withdraw',
        target: { type: 'case', id: c.id, label: c.ref },
        detail: { revision: tombstone.revision, reason }
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
    const { expiresAt, ...rest } = input
    return this.send({ kind: 'alert', ...this.envelope(at, actor), ...rest, expiresAt: expiresAt ?? null })
  }

  sendRequest({ about, ...input }: SendRequestInputParsed, actor: Actor): MessageThread {
    if (about && about.origin === this.self) {
      throw new ApiError('invalid_input', 'A request for information asks about a record the counterpart shared, not one of ours.', [
        { path: 'about.origin', message: 'must be the counterpart station' }
      ])
    }
    if (about) this.queries.record(about.origin, about.recordId) // not_found if we never received it
    const regarding = about ? { type: 'record' as const, origin: about.origin, id: about.recordId } : null
    return this.send({ kind: 'request', ...this.envelope(this.now(actor), actor), ...input, regarding })
  }

  reply({ origin, messageId, text }: ReplyInputParsed, actor: Actor): MessageThread {
    this.answerable(origin, messageId)
    this.send({ kind: 'reply', ...this.envelope(this.now(actor), actor), regarding: { type: 'message', origin, id: messageId }, text })
    return this.queries.thread(origin, messageId)
  }

  acknowledge({ origin, messageId, text }: AcknowledgeInputParsed, actor: Actor): MessageThread {
    this.answerable(origin, messageId)
    if (origin === this.self) throw new ApiError('invalid_input', 'Only the receiving station acknowledges a message.')
    const thread = this.queries.thread(origin, messageId)
    if (thread.replies.some((r) => r.message.kind === 'ack' && !r.fromCounterpart)) return thread
    this.send({ kind: 'ack', ...this.envelope(this.now(actor), actor), regarding: { type: 'message', origin, id: messageId }, text })
    return this.queries.thread(origin, messageId)
  }

  /** Writes "read" receipts for the counterpart's items not yet read (a record: in its current revision). */
  markRead(items: Pointer[], actor: Actor): number {
    const receipts: MessageValue[] = []
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
      receipts.push({ kind: 'read', ...this.envelope(at, actor), regarding: item, revision })
    }
    if (receipts.length) this.store.write(() => receipts.forEach((m) => this.put(m)))
    return receipts.length
  }

  private answerable(origin: string, messageId: string): void {
    const original = this.queries.message(origin, messageId)
    if (!original) throw notFound(`Message ${messageId} from ${origin}`)
    if (original.message.kind !== 'alert' && original.message.kind !== 'request') {
      throw new ApiError('invalid_input', 'Only an alert or a request for information can be answered.', [
        { path: 'messageId', message: `is a ${original.message.kind}` }
      ])
    }
  }

  private send(message: MessageValue): MessageThread {
    this.store.write(() => {
      this.put(message)
      const entry = sentMessageEntry(message)
      if (entry) this.audit.record(entry)
    })
    return this.queries.thread(this.self, message.id)
  }

  private put(message: MessageValue): void {
    const doc = messagesDocName(this.self, new Date(message.sentAt))
    this.store.ensure({ name: doc, kind: 'messages', owner: this.self })
    this.store.get(doc).getMap('messages').set(message.id, message)
  }

  private envelope(at: string, actor: Actor) {
    return { id: randomUUID(), sentAt: at, sentBy: actor.user }
  }

  private recordsDoc(recordId: string, occurredAt: Date): string {
    const existing = this.ownRecordDoc.get(this.self, recordId) as string | undefined
    const doc = existing ?? recordsDocName(this.self, occurredAt)
    this.store.ensure({ name: doc, kind: 'records', owner: this.self })
    return doc
  }

  /** Our own record as stored; a value we cannot read back would be a bug, so it fails loudly. */
  private current(value: unknown): SharedRecordValue | null {
    return value === undefined ? null : SharedRecordValue.parse(value)
  }

  private now(actor: Actor): string {
    return (actor.now?.() ?? new Date()).toISOString()
  }

  private log(action: ShareAction, caseId: string, caseVersion: number, doc: string, fields: string[], at: string, actor: Actor, note: string) {
    this.insertShare.run({ caseId, recordId: caseId, doc, action, fields: JSON.stringify(fields), caseVersion, at, by: actor.user, note })
  }
}
