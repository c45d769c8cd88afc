import { z } from 'zod'
import { Agency, CaseStatus, Category, IsoDateOrDateTime } from './cases'
import { StationIdText } from './exchange'
import { PlanId } from './plans'
import { EXPORT_KINDS, REPORT_LANGUAGES, TABLE_FORMATS } from '../vocabulary'

/*
 * Exports a supervisor hands on (to the national coordinator, to UNODC): a table in CSV, XLSX or JSON, or the
 * monthly report or a joint operation plan as PDF. Each file gets a signed manifest next to it (FILE.manifest.json) so anyone can check
 * that it is exactly what this station wrote.
 */

export const ExportKind = z.enum(EXPORT_KINDS)
export type ExportKind = z.infer<typeof ExportKind>

export const EXPORT_FORMATS = [...TABLE_FORMATS, 'pdf'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const ReportLanguage = z.enum(REPORT_LANGUAGES)
export type ReportLanguage = z.infer<typeof ReportLanguage>

/** A calendar month, YYYY-MM, in the station's local time. */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM, e.g. 2026-11')

/**
 * Which rows: the date range is when it happened (cases, received records), was sent (messages) or was
 * recorded (audit). Category, status and agency apply where the rows carry them; the export names a filter
 * that does not apply rather than ignoring it.
 */
export const ExportFilters = z
  .object({
    from: IsoDateOrDateTime.optional(),
    to: IsoDateOrDateTime.optional(),
    category: Category.optional(),
    status: CaseStatus.optional(),
    agency: Agency.optional(),
    /** Case log only: voided cases are left out unless asked for. */
    includeVoided: z.boolean().optional(),
    /** Received records and the exchange log: only what this counterpart sent, or was sent. */
    counterpart: StationIdText.optional()
  })
  .strict()
export type ExportFilters = z.infer<typeof ExportFilters>

/** Chosen by the screen so it can match progress events and cancel before the call returns. */
export const ExportId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ (at most 64)')

/**
 * Where the file goes: an absolute path on the station's machine (the desktop's save dialog, the CLI's --out).
 * Without it the file goes into <data folder>/exports/, the only choice a browser on the station host has.
 */
const OutputPath = z.string().trim().min(1).max(4096)

const common = { id: ExportId.optional(), path: OutputPath.optional() }

export const TableExportInput = z
  .object({
    ...common,
    what: ExportKind,
    format: z.enum(TABLE_FORMATS),
    filters: ExportFilters.default({})
  })
  .strict()

/** What `what` a manifest may name besides a table kind: the monthly report, or a plan's operation order. */
export const MONTHLY_REPORT = 'monthly-report'
export const PLAN_ORDER = 'plan'

/** The monthly report (cases, seizures, persons, exchange, joint operations), in the reader's language. */
export const ReportExportInput = z
  .object({
    ...common,
    format: z.literal('pdf'),
    what: z.literal(MONTHLY_REPORT).default(MONTHLY_REPORT),
    month: Month,
    language: ReportLanguage.default('en')
  })
  .strict()

/** A joint operation plan as a printable operation order, in the reader's language. */
export const PlanExportInput = z
  .object({
    ...common,
    format: z.literal('pdf'),
    what: z.literal(PLAN_ORDER),
    plan: PlanId,
    language: ReportLanguage.default('en')
  })
  .strict()

/** A PDF is the monthly report unless `what` names a plan (callers before plans send no `what`). */
export const ExportRunInput = z.discriminatedUnion('format', [TableExportInput, z.discriminatedUnion('what', [ReportExportInput, PlanExportInput])])
export type ExportRunInput = z.input<typeof ExportRunInput>
export type ExportRunInputParsed = z.output<typeof ExportRunInput>

export const ExportCancelInput = z.object({ id: ExportId }).strict()
export const ExportCancelResult = z.object({ cancelled: z.boolean() })

export const ExportDone = z.object({
  status: z.literal('done'),
  id: z.string(),
  path: z.string(),
  manifestPath: z.string(),
  what: z.string(),
  format: z.enum(EXPORT_FORMATS),
  rows: z.number().int(),
  bytes: z.number().int(),
  sha256: z.string(),
  stationId: z.string()
})
export const ExportCancelled = z.object({ status: z.literal('cancelled'), id: z.string(), rows: z.number().int() })
export const ExportResult = z.discriminatedUnion('status', [ExportDone, ExportCancelled])
export type ExportResult = z.infer<typeof ExportResult>

export const ExportProgress = z.object({ id: z.string(), rows: z.number().int(), total: z.number().int() })
export type ExportProgress = z.infer<typeof ExportProgress>

// ---- verification ----

/**
 * FILE.manifest.json. `signature` is ECDSA P-256 with SHA-256 (DER, base64) by the station key over the
 * canonical JSON of every other field (keys sorted, no whitespace); `certificate` is the station's
 * self-signed certificate, whose SHA-256 gives the station ID.
 */
export const ExportManifest = z
  .object({
    manifestVersion: z.literal(1),
    file: z.string().min(1),
    bytes: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits'),
    what: z.string().min(1),
    format: z.enum(EXPORT_FORMATS),
    filters: z.record(z.string(), z.unknown()),
    rows: z.number().int().min(0),
    exportedAt: z.iso.datetime({ offset: true }),
    exportedBy: z.string(),
    station: z.object({ stationId: z.string().min(1), name: z.string(), country: z.string() }).strict(),
    certificate: z.string().min(1),
    signatureAlgorithm: z.literal('ECDSA-P256-SHA256'),
    signature: z.string().min(1)
  })
  .strict()
export type ExportManifest = z.infer<typeof ExportManifest>

export const VERIFY_CHECKS = ['manifest', 'certificate', 'station', 'signature', 'file'] as const

export const VerifyProblem = z.object({ check: z.enum(VERIFY_CHECKS), message: z.string() })

export const ExportVerifyInput = z.object({ path: OutputPath }).strict()

export const ExportVerification = z.object({
  ok: z.boolean(),
  file: z.string(),
  manifestPath: z.string(),
  /** Every check that failed, in the order they run; empty when ok. */
  problems: z.array(VerifyProblem),
  /** What the manifest claims (present whenever it could be read), to compare with what the reader expects. */
  claimed: z
    .object({
      what: z.string(),
      format: z.string(),
      rows: z.number().int(),
      filters: z.record(z.string(), z.unknown()),
      exportedAt: z.string(),
      exportedBy: z.string(),
      station: z.object({ stationId: z.string(), name: z.string(), country: z.string() }),
      /** The station ID computed from the embedded certificate. */
      certificateStationId: z.string().nullable()
    })
    .nullable()
})
export type ExportVerification = z.infer<typeof ExportVerification>
