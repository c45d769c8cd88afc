import { z } from 'zod'

// The vocabularies a BLO uses on its forms live in ../vocabulary (no zod: the CLI's help prints them).
import { AGENCIES, CASE_STATUSES, CATEGORIES, CONVEYANCE_TYPES, ID_DOC_TYPES, LOCATION_KINDS, PERSON_ROLES, SEXES, UNITS } from '../vocabulary'

export const Category = z.enum(CATEGORIES)
export const Agency = z.enum(AGENCIES)
export const Unit = z.enum(UNITS)
export const CaseStatus = z.enum(CASE_STATUSES)

/** Workflow order: a case moves forward one step or is reopened by a supervisor decision later (issue 5). */
export const NEXT_STATUS: Record<(typeof CASE_STATUSES)[number], readonly (typeof CASE_STATUSES)[number][]> = {
  open: ['investigating', 'referred', 'closed'],
  investigating: ['referred', 'closed'],
  referred: ['investigating', 'closed'],
  closed: ['investigating']
}

const text = (max: number) => z.string().trim().max(max)
const requiredText = (max: number) => z.string().trim().min(1, 'required').max(max)

/** ISO 8601 date-time with an explicit offset, as the CLI and the form send it. */
export const IsoDateTime = z.iso.datetime({ offset: true })
/** A calendar day or a full date-time: used for search ranges. */
export const IsoDateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })])

export const SeizedItem = z.object({
  commodity: requiredText(200),
  quantity: z.number().finite().positive('must be greater than 0').max(1e12),
  unit: Unit,
  species: text(200).optional(),
  chemical: text(200).optional()
})

const currentYear = new Date().getUTCFullYear()

export const Person = z.object({
  name: requiredText(300),
  nationality: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'two-letter ISO 3166 code, e.g. TH, LA, MM')
    .optional(),
  sex: z.enum(SEXES).default('unknown'),
  age: z.number().int().min(0).max(130).optional(),
  birthYear: z.number().int().min(1900).max(currentYear).optional(),
  idType: z.enum(ID_DOC_TYPES).default('none'),
  idNumber: text(100).optional(),
  role: z.enum(PERSON_ROLES).default('suspect')
})

export const Conveyance = z.object({
  type: z.enum(CONVEYANCE_TYPES),
  plate: text(50).optional(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'two-letter ISO 3166 code')
    .optional(),
  description: text(300).optional()
})

/** What an officer enters. Everything the workflow owns (id, status, versions) is set by the station. */
export const CaseInput = z
  .object({
    occurredAt: IsoDateTime,
    category: Category,
    location: requiredText(300),
    locationKind: z.enum(LOCATION_KINDS).default('other'),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
    officer: text(200).default(''),
    agency: Agency.default('other'),
    summary: requiredText(500),
    narrative: text(20000).default(''),
    items: z.array(SeizedItem).max(200).default([]),
    persons: z.array(Person).max(500).default([]),
    conveyances: z.array(Conveyance).max(200).default([])
  })
  .strict()
  .refine((c) => (c.lat === undefined) === (c.lon === undefined), {
    message: 'give both latitude and longitude, or neither',
    path: ['lon']
  })

export const StatusChange = z.object({
  status: CaseStatus,
  at: z.string(),
  by: z.string(),
  note: z.string()
})

export const VoidInfo = z.object({ at: z.string(), by: z.string(), reason: z.string() })

export const Case = z.object({
  id: z.string(),
  ref: z.string(),
  version: z.number().int(),
  status: CaseStatus,
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  statusHistory: z.array(StatusChange),
  voided: VoidInfo.nullable(),
  occurredAt: z.string(),
  category: Category,
  location: z.string(),
  locationKind: z.enum(LOCATION_KINDS),
  lat: z.number().optional(),
  lon: z.number().optional(),
  officer: z.string(),
  agency: Agency,
  summary: z.string(),
  narrative: z.string(),
  items: z.array(SeizedItem),
  persons: z.array(Person),
  conveyances: z.array(Conveyance)
})

/** One row of the case log list: enough to render and sort without loading the whole case. */
export const CaseSummary = z.object({
  id: z.string(),
  ref: z.string(),
  version: z.number().int(),
  status: CaseStatus,
  occurredAt: z.string(),
  category: Category,
  agency: Agency,
  location: z.string(),
  summary: z.string(),
  itemCount: z.number().int(),
  personCount: z.number().int(),
  voided: z.boolean(),
  updatedAt: z.string()
})

export const CHANGE_KINDS = ['create', 'edit', 'status', 'void'] as const
export const CaseVersion = z.object({
  version: z.number().int(),
  change: z.enum(CHANGE_KINDS),
  at: z.string(),
  by: z.string(),
  note: z.string(),
  snapshot: Case
})

export const SORT_FIELDS = ['occurredAt', 'updatedAt', 'ref', 'category', 'status'] as const

export const CaseQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    category: Category.optional(),
    status: CaseStatus.optional(),
    agency: Agency.optional(),
    from: IsoDateOrDateTime.optional(),
    to: IsoDateOrDateTime.optional(),
    includeVoided: z.boolean().default(false),
    sort: z.enum(SORT_FIELDS).default('occurredAt'),
    dir: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(50)
  })
  .strict()

export const CasePage = z.object({
  total: z.number().int(),
  /** True when a text search matched more cases than it takes: total is then a lower bound. */
  capped: z.boolean(),
  rows: z.array(CaseSummary)
})

const Expected = { id: z.string().min(1).max(100), expectedVersion: z.number().int().min(1) }

export const CaseUpdate = z.object({ ...Expected, input: CaseInput }).strict()
export const CaseStatusInput = z.object({ ...Expected, status: CaseStatus, note: text(2000).default('') }).strict()
export const CaseVoidInput = z.object({ ...Expected, reason: requiredText(2000) }).strict()
export const CaseId = z.object({ id: z.string().min(1).max(100) }).strict()

export type CaseInput = z.input<typeof CaseInput>
export type CaseInputParsed = z.output<typeof CaseInput>
export type Case = z.infer<typeof Case>
export type CaseSummary = z.infer<typeof CaseSummary>
export type CaseVersion = z.infer<typeof CaseVersion>
export type CaseQuery = z.input<typeof CaseQuery>
export type CaseQueryParsed = z.output<typeof CaseQuery>
export type CasePage = z.infer<typeof CasePage>
export type CaseStatus = z.infer<typeof CaseStatus>
export type Category = z.infer<typeof Category>
export type Agency = z.infer<typeof Agency>
