import { z } from 'zod'
import { Agency, Category, Conveyance, IsoDateOrDateTime, IsoDateTime, SeizedItem } from './cases'
import { ALERT_SUBJECTS, DEFAULT_SHARE_FIELDS, EXCHANGE_BOXES, ID_DOC_TYPES, LOCATION_KINDS, PERSON_ROLES, PRIORITIES, SEXES, SHARE_FIELDS } from '../vocabulary'

/*
 * Exchange with the counterpart station. The *Value schemas are the wire format: what sits in the shared
 * Yjs documents and is checked again on arrival, since the other station may run another version.
 */

export const ShareField = z.enum(SHARE_FIELDS)
export type ShareField = z.infer<typeof ShareField>

/** A station ID as the document names carry it (see main/core/docs/doc-names.ts). */
export const StationIdText = z.string().regex(/^[A-Z2-7-]{4,64}$/, 'a station ID such as ABCD-EFGH-…')
const ItemId = z.string().min(1).max(100)
const Person = z.string().max(200)
const requiredText = (max: number) => z.string().trim().min(1, 'required').max(max)
const text = (max: number) => z.string().trim().max(max)

export const SharedPerson = z.object({
  role: z.enum(PERSON_ROLES).optional(),
  nationality: z.string().regex(/^[A-Z]{2}$/).optional(),
  sex: z.enum(SEXES).optional(),
  age: z.number().int().min(0).max(130).optional(),
  name: z.string().max(300).optional(),
  idType: z.enum(ID_DOC_TYPES).optional(),
  idNumber: z.string().max(100).optional()
})

/** The part of a case that went across: only the picked groups are present. */
export const SharedCase = z.object({
  occurredAt: IsoDateTime,
  category: Category,
  location: z.string().max(300),
  locationKind: z.enum(LOCATION_KINDS),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  agency: Agency,
  summary: z.string().max(500).optional(),
  narrative: z.string().max(20000).optional(),
  items: z.array(SeizedItem).max(200).optional(),
  conveyances: z.array(Conveyance).max(200).optional(),
  persons: z.array(SharedPerson).max(500).optional()
})
export type SharedCase = z.infer<typeof SharedCase>

export const Withdrawal = z.object({ at: IsoDateTime, by: Person, reason: z.string().max(2000) })

/**
 * A shared record, keyed by recordId in the Y.Map `records` of `records/<owner>/<recipient>/<yyyy-mm>`. Sharing again
 * replaces it (a correction, revision + 1); withdrawing replaces it with a tombstone that keeps only the ids
 * and the withdrawal, so the counterpart no longer holds the case.
 */
export const SharedRecordValue = z
  .object({
    recordId: ItemId,
    caseRef: z.string().max(100),
    revision: z.number().int().min(1),
    sharedAt: IsoDateTime,
    sharedBy: Person,
    updatedAt: IsoDateTime,
    updatedBy: Person,
    fields: z.array(ShareField).max(SHARE_FIELDS.length),
    case: SharedCase.nullable(),
    withdrawn: Withdrawal.nullable()
  })
  .refine((r) => (r.case === null) !== (r.withdrawn === null), {
    message: 'a record carries either its case or its withdrawal',
    path: ['case']
  })
export type SharedRecordValue = z.infer<typeof SharedRecordValue>

export const Priority = z.enum(PRIORITIES)

/** Points at a record or message by its owning station and id. */
export const Pointer = z.object({ type: z.enum(['record', 'message']), origin: StationIdText, id: ItemId })
export type Pointer = z.infer<typeof Pointer>
const MessagePointer = Pointer.extend({ type: z.literal('message') })
const RecordPointer = Pointer.extend({ type: z.literal('record') })

const sent = { id: ItemId, sentAt: IsoDateTime, sentBy: Person }

export const AlertValue = z.object({
  kind: z.literal('alert'),
  ...sent,
  subject: z.enum(ALERT_SUBJECTS),
  priority: Priority,
  text: z.string().min(1).max(5000),
  plate: z.string().max(50).optional(),
  name: z.string().max(300).optional(),
  route: z.string().max(500).optional(),
  expiresAt: IsoDateTime.nullable()
})
export const RequestValue = z.object({
  kind: z.literal('request'),
  ...sent,
  title: z.string().min(1).max(300),
  text: z.string().min(1).max(5000),
  priority: Priority,
  /** The counterpart's record this request asks about, if any. */
  regarding: RecordPointer.nullable()
})
export const ReplyValue = z.object({ kind: z.literal('reply'), ...sent, regarding: MessagePointer, text: z.string().min(1).max(5000) })
export const AckValue = z.object({ kind: z.literal('ack'), ...sent, regarding: MessagePointer, text: z.string().max(2000) })
/** "Read" receipt; for a record it covers one revision, so a correction or withdrawal is unread again. */
export const ReadValue = z.object({
  kind: z.literal('read'),
  ...sent,
  regarding: Pointer,
  revision: z.number().int().min(1).nullable()
})

/**
 * An entry in the Y.Map `messages` of `messages/<owner>/<recipient>/<yyyy-mm>`, keyed by id. Replies and receipts live in
 * the replying station's own document and point at the original; no station writes into the other's.
 */
export const MessageValue = z.discriminatedUnion('kind', [AlertValue, RequestValue, ReplyValue, AckValue, ReadValue])
export type MessageValue = z.infer<typeof MessageValue>

// ---- API inputs ----

const CaseIdField = z.string().min(1, 'required').max(100)
/**
 * The paired stations something is sent to. Optional where one counterpart is paired (it is the default);
 * with more, the station refuses a share, alert or request that does not name its audience.
 */
const Audience = z.array(StationIdText).min(1, 'choose at least one counterpart').max(100)

export const ShareInput = z
  .object({
    caseId: CaseIdField,
    fields: z
      .array(ShareField)
      .max(20)
      .default([...DEFAULT_SHARE_FIELDS]),
    /** Counterparts to share with, added to those it is already shared with (a correction goes to all of them). */
    to: Audience.optional()
  })
  .strict()
/** Without `from`, the record is withdrawn from every counterpart it was shared with. */
export const WithdrawInput = z.object({ caseId: CaseIdField, reason: requiredText(2000), from: Audience.optional() }).strict()

export const SendAlertInput = z
  .object({
    subject: z.enum(ALERT_SUBJECTS),
    priority: Priority.default('urgent'),
    text: requiredText(5000),
    plate: text(50).optional(),
    name: text(300).optional(),
    route: text(500).optional(),
    expiresAt: IsoDateTime.optional(),
    to: Audience.optional()
  })
  .strict()
export const SendRequestInput = z
  .object({
    title: requiredText(300),
    text: requiredText(5000),
    priority: Priority.default('normal'),
    /** A request about a record goes to the station that shared it. */
    about: z.object({ origin: StationIdText, recordId: ItemId }).strict().optional(),
    to: Audience.optional()
  })
  .strict()
export const ReplyInput = z.object({ origin: StationIdText, messageId: ItemId, text: requiredText(5000) }).strict()
export const AcknowledgeInput = z.object({ origin: StationIdText, messageId: ItemId, text: text(2000).default('') }).strict()
export const MarkReadInput = z.object({ items: z.array(Pointer.strict()).min(1, 'required').max(1000) }).strict()
export const ExchangeGetInput = Pointer.strict()

export const ExchangeBox = z.enum(EXCHANGE_BOXES)
export type ExchangeBox = z.infer<typeof ExchangeBox>
const RECORD_BOXES: readonly ExchangeBox[] = ['received', 'sent']
export const isRecordBox = (box: ExchangeBox) => RECORD_BOXES.includes(box)

export const ExchangeQuery = z
  .object({
    box: ExchangeBox,
    q: z.string().trim().max(200).optional(),
    /** Records only. */
    category: Category.optional(),
    /** When it happened (records) or was sent (messages). */
    from: IsoDateOrDateTime.optional(),
    to: IsoDateOrDateTime.optional(),
    unreadOnly: z.boolean().default(false),
    /** Only what this counterpart sent, or what was sent to it. */
    counterpart: StationIdText.optional(),
    includeWithdrawn: z.boolean().default(true),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(50)
  })
  .strict()
  .refine((q) => q.category === undefined || isRecordBox(q.box), {
    message: 'category filters the received and sent records only',
    path: ['category']
  })

// ---- API outputs ----

export const UnreadCounts = z.object({ received: z.number().int(), alerts: z.number().int(), requests: z.number().int() })
export type UnreadCounts = z.infer<typeof UnreadCounts>

const Provenance = {
  origin: z.string(),
  doc: z.string(),
  /** True for what the counterpart wrote; false for our own. */
  fromCounterpart: z.boolean(),
  /** A counterpart's item we have not marked read (for a record: its current revision). */
  unread: z.boolean(),
  /** When the counterpart marked our item read (for a record: its current revision). */
  readByCounterpartAt: z.string().nullable(),
  /**
   * Our own item: the counterparts it is sent to (for a record: not withdrawn from), in station-ID order; empty
   * for what was sent before audiences existed, which went to every counterpart. Empty for a received item.
   */
  audience: z.array(z.string())
}

export const RecordRow = z.object({
  type: z.literal('record'),
  ...Provenance,
  recordId: z.string(),
  caseRef: z.string(),
  revision: z.number().int(),
  category: Category.nullable(),
  occurredAt: z.string().nullable(),
  location: z.string().nullable(),
  summary: z.string().nullable(),
  fields: z.array(ShareField),
  sharedAt: z.string(),
  updatedAt: z.string(),
  withdrawn: Withdrawal.nullable(),
  /** Our own record: the counterparts it was withdrawn from while others keep it. */
  withdrawnFrom: z.array(z.string())
})
export type RecordRow = z.infer<typeof RecordRow>

export const MessageEntry = z.object({ ...Provenance, message: MessageValue })
export type MessageEntry = z.infer<typeof MessageEntry>

export const MessageRow = MessageEntry.extend({
  type: z.literal('message'),
  /** Replies and acknowledgements in the thread, from either side. */
  replyCount: z.number().int(),
  /** Acknowledged by the station it was sent to. */
  acknowledged: z.boolean(),
  /** Unlike `unread` on a single entry: something in the thread, root or reply, is unread. */
  threadUnread: z.boolean(),
  lastActivityAt: z.string()
})
export type MessageRow = z.infer<typeof MessageRow>

export const ExchangePage = z.object({
  box: ExchangeBox,
  total: z.number().int(),
  unread: UnreadCounts,
  rows: z.array(z.discriminatedUnion('type', [RecordRow, MessageRow]))
})
export type ExchangePage = z.infer<typeof ExchangePage>

export const RecordDetail = z.object({
  type: z.literal('record'),
  ...Provenance,
  record: SharedRecordValue,
  withdrawnFrom: z.array(z.string()),
  /** Requests for information about this record, from either side. */
  requests: z.array(MessageEntry)
})
export type RecordDetail = z.infer<typeof RecordDetail>

export const MessageThread = MessageEntry.extend({
  type: z.literal('message'),
  /** Replies and acknowledgements, oldest first. */
  replies: z.array(MessageEntry)
})
export type MessageThread = z.infer<typeof MessageThread>

export const ExchangeItem = z.discriminatedUnion('type', [RecordDetail, MessageThread])
export type ExchangeItem = z.infer<typeof ExchangeItem>

export const MarkReadResult = z.object({ marked: z.number().int(), unread: UnreadCounts })

export const ExchangeChanged = z.object({ boxes: z.array(ExchangeBox) })

export type ShareInput = z.input<typeof ShareInput>
export type ShareInputParsed = z.output<typeof ShareInput>
export type WithdrawInputParsed = z.output<typeof WithdrawInput>
export type SendAlertInputParsed = z.output<typeof SendAlertInput>
export type SendRequestInputParsed = z.output<typeof SendRequestInput>
export type ReplyInputParsed = z.output<typeof ReplyInput>
export type AcknowledgeInputParsed = z.output<typeof AcknowledgeInput>
export type ExchangeQuery = z.input<typeof ExchangeQuery>
export type ExchangeQueryParsed = z.output<typeof ExchangeQuery>
