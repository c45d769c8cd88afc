import type { Database } from 'better-sqlite3'
import {
  isRecordBox,
  type ExchangeItem,
  type ExchangePage,
  type ExchangeQueryParsed,
  type MessageEntry,
  type MessageRow,
  type MessageThread,
  type Pointer,
  type RecordDetail,
  type RecordRow,
  type UnreadCounts
} from '../../../preload/api'
import { notFound } from '../api/api-error'
import { SqlFilter } from '../db/sql-filter'

// SQL fragments over the views; every statement binds @self, this station's ID.

/** A counterpart's record with no read receipt of ours covering its current revision. */
const RECORD_UNREAD = `(r.origin <> @self AND NOT EXISTS (
  SELECT 1 FROM exchange_messages x WHERE x.target_origin = r.origin AND x.target_id = r.record_id AND x.kind = 'read'
    AND x.target_type = 'record' AND x.origin = @self AND x.target_revision >= r.revision))`
const RECORD_READ_BY_COUNTERPART = `CASE WHEN r.origin = @self THEN (
  SELECT min(x.sent_at) FROM exchange_messages x WHERE x.target_origin = r.origin AND x.target_id = r.record_id
    AND x.kind = 'read' AND x.target_type = 'record' AND x.origin <> @self AND x.target_revision >= r.revision) END`
const messageUnread = (m: string) => `(${m}.origin <> @self AND NOT EXISTS (
  SELECT 1 FROM exchange_messages x WHERE x.target_origin = ${m}.origin AND x.target_id = ${m}.message_id AND x.kind = 'read'
    AND x.target_type = 'message' AND x.origin = @self))`
const MESSAGE_READ_BY_COUNTERPART = `CASE WHEN m.origin = @self THEN (
  SELECT min(x.sent_at) FROM exchange_messages x WHERE x.target_origin = m.origin AND x.target_id = m.message_id
    AND x.kind = 'read' AND x.target_type = 'message' AND x.origin <> @self) END`
/**
 * One item sent to several counterparts is one row per addressed document; lists, threads and counts show it
 * once, through the copy that stands for it: a live one before a withdrawn one, the latest revision first.
 */
const FIRST_RECORD_COPY = `r.seq = (SELECT c.seq FROM exchange_records c WHERE c.origin = r.origin AND c.record_id = r.record_id
  ORDER BY c.withdrawn_at IS NOT NULL, c.revision DESC, c.seq LIMIT 1)`
const firstMessageCopy = (m: string) =>
  `${m}.seq = (SELECT min(c.seq) FROM exchange_messages c WHERE c.origin = ${m}.origin AND c.message_id = ${m}.message_id)`
/** Replies and acknowledgements pointing at message m, each once. */
const answersTo = (m: string) =>
  `exchange_messages a WHERE a.target_origin = ${m}.origin AND a.target_id = ${m}.message_id AND a.target_type = 'message'
    AND a.kind IN ('reply', 'ack') AND ${firstMessageCopy('a')}`
/** Our item's audience: the counterparts its copies are addressed to (a record's: those not withdrawn, or withdrawn). */
const recordAudience = (withdrawn: boolean) => `CASE WHEN r.origin = @self THEN (SELECT json_group_array(recipient) FROM (
  SELECT DISTINCT c.recipient FROM exchange_records c WHERE c.origin = r.origin AND c.record_id = r.record_id
    AND c.recipient IS NOT NULL AND c.withdrawn_at IS ${withdrawn ? 'NOT NULL' : 'NULL'} ORDER BY c.recipient)) ELSE '[]' END`
const MESSAGE_AUDIENCE = `CASE WHEN m.origin = @self THEN (SELECT json_group_array(recipient) FROM (
  SELECT DISTINCT c.recipient FROM exchange_messages c WHERE c.origin = m.origin AND c.message_id = m.message_id
    AND c.recipient IS NOT NULL ORDER BY c.recipient)) ELSE '[]' END`
/** Sent by the counterpart, or sent to it (or, from before audiences, to every counterpart). */
const withCounterpart = (t: string, table: string, id: string) => `(${t}.origin = @counterpart OR (${t}.origin = @self AND EXISTS (
  SELECT 1 FROM ${table} c WHERE c.origin = ${t}.origin AND c.${id} = ${t}.${id} AND (c.recipient = @counterpart OR c.recipient IS NULL))))`

const RECORD_COLUMNS = `r.origin, r.doc, r.record_id, r.case_ref, r.revision, r.category, r.occurred_at, r.location, r.summary,
  r.fields, r.shared_at, r.updated_at, r.data, ${RECORD_UNREAD} AS unread, ${RECORD_READ_BY_COUNTERPART} AS read_by,
  ${recordAudience(false)} AS audience, ${recordAudience(true)} AS withdrawn_from`
const MESSAGE_COLUMNS = `m.origin, m.doc, m.data, ${messageUnread('m')} AS unread, ${MESSAGE_READ_BY_COUNTERPART} AS read_by,
  ${MESSAGE_AUDIENCE} AS audience`
const THREAD_COLUMNS = `${MESSAGE_COLUMNS},
  (SELECT count(*) FROM ${answersTo('m')}) AS reply_count,
  EXISTS (SELECT 1 FROM ${answersTo('m')} AND a.kind = 'ack' AND a.origin <> m.origin) AS acknowledged,
  (${messageUnread('m')} OR EXISTS (SELECT 1 FROM ${answersTo('m')} AND ${messageUnread('a')})) AS thread_unread,
  max(m.sent_at, coalesce((SELECT max(a.sent_at) FROM ${answersTo('m')}), '')) AS last_activity`

interface RecordSqlRow {
  origin: string
  doc: string
  record_id: string
  case_ref: string
  revision: number
  category: RecordRow['category']
  occurred_at: string | null
  location: string | null
  summary: string | null
  fields: string
  shared_at: string
  updated_at: string
  data: string
  unread: number
  read_by: string | null
  audience: string
  withdrawn_from: string
}
interface MessageSqlRow {
  origin: string
  doc: string
  data: string
  unread: number
  read_by: string | null
  audience: string
}
interface ThreadSqlRow extends MessageSqlRow {
  reply_count: number
  acknowledged: number
  thread_unread: number
  last_activity: string
}

/** The read side of the exchange: lists, threads and unread counts, all from the materialised views. */
export class ExchangeQueries {
  constructor(
    private readonly db: Database,
    private readonly self: string
  ) {}

  unreadCounts(): UnreadCounts {
    const self = this.self
    const received = this.db.prepare(`SELECT count(*) FROM exchange_records r WHERE r.origin <> @self AND ${RECORD_UNREAD}`).pluck().get({ self }) as number
    const threads = this.db
      .prepare(
        `SELECT kind, count(*) AS n FROM (
           SELECT m.kind FROM exchange_messages m WHERE m.kind IN ('alert', 'request') AND ${messageUnread('m')}
           UNION ALL
           SELECT (SELECT t.kind FROM exchange_messages t WHERE t.origin = m.target_origin AND t.message_id = m.target_id
                     AND t.kind IN ('alert', 'request') LIMIT 1) AS kind
           FROM exchange_messages m WHERE m.kind IN ('reply', 'ack') AND m.target_type = 'message' AND ${messageUnread('m')})
         WHERE kind IS NOT NULL GROUP BY kind`
      )
      .all({ self }) as { kind: 'alert' | 'request'; n: number }[]
    const count = (kind: string) => threads.find((t) => t.kind === kind)?.n ?? 0
    return { received, alerts: count('alert'), requests: count('request') }
  }

  list(q: ExchangeQueryParsed): ExchangePage {
    const page = isRecordBox(q.box) ? this.listRecords(q) : this.listThreads(q)
    return { box: q.box, ...page, unread: this.unreadCounts() }
  }

  get(pointer: Pointer): ExchangeItem {
    return pointer.type === 'record' ? this.record(pointer.origin, pointer.id) : this.thread(pointer.origin, pointer.id)
  }

  record(origin: string, recordId: string): RecordDetail {
    const row = this.db
      .prepare(`SELECT ${RECORD_COLUMNS} FROM exchange_records r WHERE r.origin = @origin AND r.record_id = @recordId AND ${FIRST_RECORD_COPY}`)
      .get({ self: this.self, origin, recordId }) as RecordSqlRow | undefined
    if (!row) throw notFound(`Shared record ${recordId} from ${origin}`)
    const requests = this.db
      .prepare(
        `SELECT ${MESSAGE_COLUMNS} FROM exchange_messages m
         WHERE m.target_origin = @origin AND m.target_id = @recordId AND m.kind = 'request' AND m.target_type = 'record'
           AND ${firstMessageCopy('m')}
         ORDER BY m.sent_at, m.seq`
      )
      .all({ self: this.self, origin, recordId }) as MessageSqlRow[]
    return {
      type: 'record',
      ...this.provenance(row),
      record: JSON.parse(row.data),
      withdrawnFrom: JSON.parse(row.withdrawn_from),
      requests: requests.map((m) => this.entry(m))
    }
  }

  thread(origin: string, messageId: string): MessageThread {
    const root = this.message(origin, messageId)
    if (!root) throw notFound(`Message ${messageId} from ${origin}`)
    const replies = this.db
      .prepare(
        `SELECT ${MESSAGE_COLUMNS} FROM exchange_messages m
         WHERE m.target_origin = @origin AND m.target_id = @messageId AND m.target_type = 'message' AND m.kind IN ('reply', 'ack')
           AND ${firstMessageCopy('m')}
         ORDER BY m.sent_at, m.seq`
      )
      .all({ self: this.self, origin, messageId }) as MessageSqlRow[]
    return { type: 'message', ...root, replies: replies.map((m) => this.entry(m)) }
  }

  /** One message as it stands in the views, or undefined when it has not arrived (or was skipped). */
  message(origin: string, messageId: string): MessageEntry | undefined {
    const row = this.db
      .prepare(`SELECT ${MESSAGE_COLUMNS} FROM exchange_messages m WHERE m.origin = @origin AND m.message_id = @messageId AND ${firstMessageCopy('m')}`)
      .get({ self: this.self, origin, messageId }) as MessageSqlRow | undefined
    return row && this.entry(row)
  }

  private listRecords(q: ExchangeQueryParsed): Pick<ExchangePage, 'total' | 'rows'> {
    const filter = new SqlFilter()
      .add(q.box === 'received' ? 'r.origin <> @self' : `r.origin = @self AND ${FIRST_RECORD_COPY}`, { self: this.self })
      .equals('r.category', 'category', q.category)
      .dateRange('r.occurred_at', q)
      .matching(q.q, 'r.seq', 'exchange_records_fts')
    if (!q.includeWithdrawn) filter.add('r.withdrawn_at IS NULL')
    if (q.counterpart) filter.add(withCounterpart('r', 'exchange_records', 'record_id'), { counterpart: q.counterpart })
    if (q.unreadOnly) filter.add(RECORD_UNREAD)
    const { params } = filter
    const where = filter.where()
    const total = this.db.prepare(`SELECT count(*) FROM exchange_records r ${where}`).pluck().get(params) as number
    const rows = this.db
      .prepare(`SELECT ${RECORD_COLUMNS} FROM exchange_records r ${where} ORDER BY r.updated_at DESC, r.seq DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: q.limit, offset: q.offset }) as RecordSqlRow[]
    return { total, rows: rows.map((r) => this.recordRow(r)) }
  }

  private listThreads(q: ExchangeQueryParsed): Pick<ExchangePage, 'total' | 'rows'> {
    const filter = new SqlFilter()
      .add(`m.kind = @kind AND ${firstMessageCopy('m')}`, { self: this.self, kind: q.box === 'alerts' ? 'alert' : 'request' })
      .dateRange('m.sent_at', q)
      .matching(q.q, 'm.seq', 'exchange_messages_fts')
    if (q.counterpart) filter.add(withCounterpart('m', 'exchange_messages', 'message_id'), { counterpart: q.counterpart })
    const { params } = filter
    const where = filter.where()
    const select = `SELECT ${THREAD_COLUMNS} FROM exchange_messages m ${where}`
    const filtered = q.unreadOnly ? `SELECT * FROM (${select}) WHERE thread_unread` : select
    const total = this.db.prepare(`SELECT count(*) FROM (${filtered})`).pluck().get(params) as number
    const rows = this.db
      .prepare(`${filtered} ORDER BY last_activity DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: q.limit, offset: q.offset }) as ThreadSqlRow[]
    return { total, rows: rows.map((r) => this.threadRow(r)) }
  }

  private provenance(row: MessageSqlRow | RecordSqlRow) {
    return {
      origin: row.origin,
      doc: row.doc,
      fromCounterpart: row.origin !== this.self,
      unread: row.unread === 1,
      readByCounterpartAt: row.read_by,
      audience: JSON.parse(row.audience) as string[]
    }
  }

  private entry(row: MessageSqlRow): MessageEntry {
    return { ...this.provenance(row), message: JSON.parse(row.data) }
  }

  private recordRow(row: RecordSqlRow): RecordRow {
    const { withdrawn } = JSON.parse(row.data) as RecordDetail['record']
    return {
      type: 'record',
      ...this.provenance(row),
      recordId: row.record_id,
      caseRef: row.case_ref,
      revision: row.revision,
      category: row.category,
      occurredAt: row.occurred_at,
      location: row.location,
      summary: row.summary,
      fields: JSON.parse(row.fields),
      sharedAt: row.shared_at,
      updatedAt: row.updated_at,
      withdrawn,
      withdrawnFrom: JSON.parse(row.withdrawn_from) as string[]
    }
  }

  private threadRow(row: ThreadSqlRow): MessageRow {
    return {
      type: 'message',
      ...this.entry(row),
      replyCount: row.reply_count,
      acknowledged: row.acknowledged === 1,
      threadUnread: row.thread_unread === 1,
      lastActivityAt: row.last_activity
    }
  }
}
