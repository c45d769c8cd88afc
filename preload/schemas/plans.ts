import { z } from 'zod'
import { StationIdText } from './exchange'

/*
 * Joint operation plans. A plan is one Yjs document `plan/<id>` that both paired stations write; screens keep
 * a replica of it (plans.open / plans.update / event plans:update) and edit the Y.Doc directly. The typed
 * shapes below are what main reads out of that document (lenient: the peer may run another version) and the
 * typed edits the CLI and tests use (strict). Binary Yjs data crosses the API as base64.
 */

/** Shown status. `agreed` is not stored: it is a draft whose current content both stations approved. */
export const PLAN_STATUSES = ['draft', 'agreed', 'active', 'completed', 'cancelled'] as const
/** Stored in the document (meta.status): the workflow phase, outside the signed content. */
export const PLAN_PHASES = ['draft', 'active', 'completed', 'cancelled'] as const
export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const
/** none: nobody approved the current content; partial: one side did; agreed: both did; changed: edited since the last agreement. */
export const SIGNOFF_STATES = ['none', 'partial', 'agreed', 'changed'] as const
export const PLAN_LISTS = ['agencies', 'objectives', 'tasks', 'contacts', 'results'] as const
export const VERSION_KINDS = ['manual', 'agreed', 'before-restore'] as const

export const PlanStatus = z.enum(PLAN_STATUSES)
export const PlanPhase = z.enum(PLAN_PHASES)
export const TaskStatus = z.enum(TASK_STATUSES)
export const SignoffStateName = z.enum(SIGNOFF_STATES)
export const PlanList = z.enum(PLAN_LISTS)
export const VersionKind = z.enum(VERSION_KINDS)

/** A screen's or the peer's Yjs update larger than this is refused (a paste of a whole book, or garbage). */
export const MAX_PLAN_UPDATE_BYTES = 2 * 1024 * 1024
export const MAX_AWARENESS_BYTES = 32 * 1024
const base64Chars = (bytes: number) => 4 * Math.ceil(bytes / 3)
/** Binary data as base64; the limit is on the decoded size. */
const Base64 = (maxBytes: number, what: string) =>
  z.base64(`base64-encoded ${what}`).max(base64Chars(maxBytes), `${what} larger than ${Math.round(maxBytes / 1024)} KiB`)

export const PlanId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'a plan ID')
const ItemId = z.string().trim().min(1, 'required').max(64)
const VersionId = z.string().min(1).max(100)
const text = (max: number) => z.string().trim().max(max)
const requiredText = (max: number) => z.string().trim().min(1, 'required').max(max)
/** A side of the border: the station responsible, or '' while nobody is. */
const Side = z.union([StationIdText, z.literal('')])
const DateOrEmpty = z.union([z.iso.date(), z.iso.datetime({ offset: true }), z.literal('')])
const Languages = z.array(text(50)).max(20)
/** A name the screen picks for itself, to recognise its own changes in plans:update and plans:awareness events. */
const ScreenOrigin = z
  .string()
  .regex(/^[A-Za-z0-9:._-]{1,64}$/, 'letters, digits and :._- (at most 64)')
  .refine((o) => o !== 'peer' && o !== 'station', 'reserved for changes from the counterpart and the station itself')

// ---- typed edits (CLI, tests) -------------------------------------------------------------------------

const agencyFields = { side: Side, name: requiredText(200), role: text(500) }
const objectiveFields = { text: requiredText(2000) }
const taskFields = { title: requiredText(300), side: Side, assignee: text(200), due: DateOrEmpty, status: TaskStatus }
const contactFields = { side: Side, name: requiredText(200), role: text(200), phone: text(100), radio: text(100), languages: Languages }
const resultFields = { at: z.iso.datetime({ offset: true }), side: Side, by: text(200), text: requiredText(5000) }

export const PlanAgencyInput = z.object({ id: ItemId.optional(), ...agencyFields, side: Side.default(''), role: text(500).default('') }).strict()
export const PlanObjectiveInput = z.object({ id: ItemId.optional(), ...objectiveFields }).strict()
export const PlanTaskInput = z
  .object({
    id: ItemId.optional(),
    ...taskFields,
    side: Side.default(''),
    assignee: text(200).default(''),
    due: DateOrEmpty.default(''),
    status: TaskStatus.default('open')
  })
  .strict()
export const PlanContactInput = z
  .object({
    id: ItemId.optional(),
    ...contactFields,
    side: Side.default(''),
    role: text(200).default(''),
    phone: text(100).default(''),
    radio: text(100).default(''),
    languages: Languages.default([])
  })
  .strict()
/** An after-action entry: when and by whom default to now and the caller at this station. */
export const PlanResultInput = z.object({ id: ItemId.optional(), ...resultFields, at: resultFields.at.optional(), side: Side.optional(), by: text(200).optional() }).strict()

const listEdits = <L extends (typeof PLAN_LISTS)[number], A extends z.ZodType, S extends z.ZodRawShape>(list: L, item: A, set: S) => ({
  add: z.object({ op: z.literal('add'), list: z.literal(list), item, index: z.number().int().min(0).optional() }).strict(),
  update: z.object({ op: z.literal('update'), list: z.literal(list), id: ItemId, set: z.object(set).partial().strict() }).strict()
})
const agencyEdits = listEdits('agencies', PlanAgencyInput, agencyFields)
const objectiveEdits = listEdits('objectives', PlanObjectiveInput, objectiveFields)
const taskEdits = listEdits('tasks', PlanTaskInput, taskFields)
const contactEdits = listEdits('contacts', PlanContactInput, contactFields)
const resultEdits = listEdits('results', PlanResultInput, resultFields)

/** Fields of the plan itself: meta and the communication plan. Setting a list field replaces the whole list. */
export const PlanFieldsInput = z
  .object({
    title: requiredText(300),
    codeName: text(100),
    periodFrom: DateOrEmpty,
    periodTo: DateOrEmpty,
    area: text(2000),
    crossings: z.array(requiredText(200)).max(50),
    status: PlanPhase,
    /** The paired station planning with this one; settable while the plan has none. */
    partnerStation: StationIdText,
    hotline: text(100),
    radio: text(200),
    languages: Languages
  })
  .partial()
  .strict()

export const PlanEdit = z.discriminatedUnion('op', [
  z.object({ op: z.literal('set'), fields: PlanFieldsInput }).strict(),
  z.discriminatedUnion('list', [agencyEdits.add, objectiveEdits.add, taskEdits.add, contactEdits.add, resultEdits.add]),
  z.discriminatedUnion('list', [agencyEdits.update, objectiveEdits.update, taskEdits.update, contactEdits.update, resultEdits.update]),
  z.object({ op: z.literal('remove'), list: PlanList, id: ItemId }).strict(),
  /** Replaces the notes with one paragraph per line. */
  z.object({ op: z.literal('notes.set'), text: z.string().max(200_000) }).strict(),
  /** Paragraph: index among the notes' text blocks (the lines of the plain text); offset in characters (UTF-16). */
  z.object({ op: z.literal('notes.insert'), paragraph: z.number().int().min(0), offset: z.number().int().min(0), text: z.string().min(1).max(200_000) }).strict(),
  z.object({ op: z.literal('notes.delete'), paragraph: z.number().int().min(0), offset: z.number().int().min(0), length: z.number().int().min(1) }).strict()
])

// ---- what main reads out of a plan document ------------------------------------------------------------

export const PlanAgency = z.object({ id: z.string(), side: z.string(), name: z.string(), role: z.string() })
export const PlanObjective = z.object({ id: z.string(), text: z.string() })
export const PlanTask = z.object({ id: z.string(), title: z.string(), side: z.string(), assignee: z.string(), due: z.string(), status: TaskStatus })
export const PlanContact = z.object({
  id: z.string(),
  side: z.string(),
  name: z.string(),
  role: z.string(),
  phone: z.string(),
  radio: z.string(),
  languages: z.array(z.string())
})
export const PlanResult = z.object({ id: z.string(), at: z.string(), side: z.string(), by: z.string(), text: z.string() })
export const PlanComms = z.object({ hotline: z.string(), radio: z.string(), languages: z.array(z.string()) })

/** The content of a plan (current or a past version), with the rich-text notes as plain text (one line per paragraph). */
export const PlanContent = z.object({
  title: z.string(),
  codeName: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  area: z.string(),
  phase: PlanPhase,
  crossings: z.array(z.string()),
  agencies: z.array(PlanAgency),
  objectives: z.array(PlanObjective),
  tasks: z.array(PlanTask),
  comms: PlanComms,
  contacts: z.array(PlanContact),
  results: z.array(PlanResult),
  notes: z.string()
})

export const PlanApproval = z.object({
  station: z.string(),
  hash: z.string(),
  at: z.string(),
  by: z.string(),
  /** Signed by that station's key (its certificate matches its station ID). An invalid entry never counts. */
  valid: z.boolean(),
  /** Approves the current content. */
  current: z.boolean()
})

export const PlanVersionInfo = z.object({
  id: z.string(),
  name: z.string(),
  kind: VersionKind,
  at: z.string(),
  by: z.string(),
  station: z.string(),
  contentHash: z.string()
})

export const PlanSignoff = z.object({
  state: SignoffStateName,
  /** SHA-256 (hex) of the canonical content: everything but the workflow phase, approvals and history. */
  contentHash: z.string(),
  agreed: z.boolean(),
  approvals: z.array(PlanApproval),
  /** Stations whose approval of the current content is still missing. */
  waitingFor: z.array(z.string()),
  /** The most recent version both stations agreed on; diff it against 'current' to show changes since. */
  agreedVersion: PlanVersionInfo.nullable(),
  changesSinceAgreed: z.boolean()
})

const Counterpart = z.object({ stationId: z.string(), name: z.string().nullable() }).nullable()
const LastEdit = z.object({ at: z.string(), from: z.enum(['local', 'peer']) }).nullable()

export const PlanDetail = PlanContent.extend({
  id: z.string(),
  status: PlanStatus,
  originStation: z.string(),
  partnerStation: z.string(),
  /** Every station planning it, the origin first: two, or more for a plan among several offices. */
  stations: z.array(z.string()),
  counterpart: Counterpart,
  createdAt: z.string(),
  createdBy: z.string(),
  lastEdit: LastEdit,
  signoff: PlanSignoff,
  /** Oldest first. */
  versions: z.array(PlanVersionInfo)
})

export const PlanListItem = z.object({
  id: z.string(),
  title: z.string(),
  codeName: z.string(),
  status: PlanStatus,
  phase: PlanPhase,
  periodFrom: z.string(),
  periodTo: z.string(),
  area: z.string(),
  counterpart: Counterpart,
  lastEdit: LastEdit,
  signoff: SignoffStateName,
  /** Content not covered by a joint agreement (true for a plan never agreed). */
  unsignedChanges: z.boolean(),
  tasks: z.object({ total: z.number().int(), open: z.number().int() })
})
export const PlanPage = z.object({ total: z.number().int(), rows: z.array(PlanListItem) })

export const PlanQuery = z
  .object({
    /** Substrings of any text of the plan (title, tasks, notes, contacts…), in any script. */
    q: z.string().trim().max(200).optional(),
    status: PlanStatus.optional(),
    /** Plans whose period overlaps [from, to]. */
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    counterpart: StationIdText.optional(),
    sort: z.enum(['updatedAt', 'periodFrom', 'title']).default('updatedAt'),
    dir: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100)
  })
  .strict()

export const PlanCreateInput = PlanFieldsInput.omit({ status: true, partnerStation: true })
  .extend({
    title: requiredText(300),
    /** Defaults to the paired station when there is exactly one. */
    counterpart: StationIdText.optional(),
    /** A plan among more than two offices: every paired station planning it (instead of `counterpart`). */
    counterparts: z.array(StationIdText).min(1, 'choose at least one counterpart').max(20).optional(),
    notes: z.string().max(200_000).optional()
  })
  .strict()

export const PlanIdInput = z.object({ id: PlanId }).strict()
export const PlanEditInput = z.object({ id: PlanId, edits: z.array(PlanEdit).min(1).max(200) }).strict()
export const PlanOpenInput = z
  .object({ id: PlanId, stateVector: Base64(64 * 1024, 'state vector').optional() })
  .strict()
/** The update a replica lacks (the whole document without a state vector), V2-encoded, base64. */
export const PlanState = z.object({ id: z.string(), state: z.string() })
export const PlanUpdateInput = z
  .object({ id: PlanId, update: Base64(MAX_PLAN_UPDATE_BYTES, 'Yjs update'), origin: ScreenOrigin.default('screen') })
  .strict()
export const PlanUpdateResult = z.object({ contentHash: z.string() })
export const PlanAwarenessInput = z
  .object({ id: PlanId, update: Base64(MAX_AWARENESS_BYTES, 'awareness update'), origin: ScreenOrigin.default('screen') })
  .strict()
export const PlanApproveInput = z.object({ id: PlanId, stateHash: z.string().regex(/^[0-9a-f]{64}$/, 'the content hash shown with the plan') }).strict()
export const PlanSaveVersionInput = z.object({ id: PlanId, name: requiredText(200) }).strict()
export const PlanVersionInput = z.object({ id: PlanId, versionId: VersionId }).strict()
const VersionRef = z.union([z.literal('current'), VersionId])
export const PlanDiffInput = z.object({ id: PlanId, from: VersionRef, to: VersionRef.default('current') }).strict()

export const PlanVersionView = z.object({ version: PlanVersionInfo, plan: PlanContent })

const DiffValue = z.union([z.string(), z.array(z.string())])
const FieldChange = z.object({ field: z.string(), before: DiffValue, after: DiffValue })
const DiffItem = z.record(z.string(), DiffValue)
export const PlanListDiff = z.object({
  added: z.array(DiffItem),
  removed: z.array(DiffItem),
  changed: z.array(z.object({ id: z.string(), label: z.string(), changes: z.array(FieldChange) }))
})
export const TextDiffPart = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })
export const PlanDiff = z.object({
  from: z.string(),
  to: z.string(),
  fields: z.array(FieldChange),
  lists: z.object({
    agencies: PlanListDiff,
    objectives: PlanListDiff,
    tasks: PlanListDiff,
    contacts: PlanListDiff,
    results: PlanListDiff
  }),
  notes: z.object({ changed: z.boolean(), parts: z.array(TextDiffPart) })
})

/** Every change to a plan document, for every open replica. update null: too large for an event, call plans.open with your state vector. */
export const PlanUpdateEvent = z.object({ id: z.string(), update: z.string().nullable(), origin: z.string() })
/** Presence (y-protocols awareness update, base64) from a screen here or at the counterpart (origin 'peer'). */
export const PlanAwarenessEvent = z.object({ id: z.string(), update: z.string(), origin: z.string() })

export type PlanPhase = z.infer<typeof PlanPhase>
export type PlanStatus = z.infer<typeof PlanStatus>
export type TaskStatus = z.infer<typeof TaskStatus>
export type SignoffStateName = z.infer<typeof SignoffStateName>
export type PlanListName = z.infer<typeof PlanList>
export type VersionKind = z.infer<typeof VersionKind>
export type PlanEdit = z.input<typeof PlanEdit>
export type PlanEditParsed = z.output<typeof PlanEdit>
export type PlanFieldsInput = z.output<typeof PlanFieldsInput>
export type PlanContent = z.infer<typeof PlanContent>
export type PlanAgency = z.infer<typeof PlanAgency>
export type PlanObjective = z.infer<typeof PlanObjective>
export type PlanTask = z.infer<typeof PlanTask>
export type PlanContact = z.infer<typeof PlanContact>
export type PlanResult = z.infer<typeof PlanResult>
export type PlanApproval = z.infer<typeof PlanApproval>
export type PlanVersionInfo = z.infer<typeof PlanVersionInfo>
export type PlanSignoff = z.infer<typeof PlanSignoff>
export type PlanDetail = z.infer<typeof PlanDetail>
export type PlanListItem = z.infer<typeof PlanListItem>
export type PlanPage = z.infer<typeof PlanPage>
export type PlanQuery = z.input<typeof PlanQuery>
export type PlanQueryParsed = z.output<typeof PlanQuery>
export type PlanCreateInput = z.input<typeof PlanCreateInput>
export type PlanCreateParsed = z.output<typeof PlanCreateInput>
export type PlanListDiff = z.infer<typeof PlanListDiff>
export type TextDiffPart = z.infer<typeof TextDiffPart>
export type PlanDiff = z.infer<typeof PlanDiff>
export type PlanVersionView = z.infer<typeof PlanVersionView>
