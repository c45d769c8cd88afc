/**
 * Runs exports: picks the file, streams the rows through the chosen writer with progress and cancellation,
 * then signs the manifest. Table rows are read on a connection of their own, inside one read transaction:
 * the export is a consistent snapshot, and the station's main connection stays free for every other call
 * while a long export pauses between slices.
 */
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, isAbsolute, join } from 'node:path'
import type { Database } from 'better-sqlite3'
import {
  MONTHLY_REPORT,
  PLAN_ORDER,
  type ExportFilters,
  type ExportFormat,
  type ExportRunInputParsed,
  type ExportResult,
  type PlanDetail,
  type ReportLanguage
} from '../../../preload/api'
import { ApiError } from '../api/api-error'
import type { StationIdentity } from '../identity/station-identity'
import type { StationMeta } from '../station-meta'
import type { CallContext } from '../users/connection'
import { MonthlyReports } from '../reports/monthly-report'
import { auditTable } from './audit-table'
import { caseLogTable } from './case-log-table'
import { writeCsv } from './csv-writer'
import { exchangeLogTable } from './exchange-log-table'
import { ExportCancelledError, ExportPace } from './export-pace'
import type { ExportTable, TableContext } from './export-table'
import { writeJson } from './json-writer'
import { manifestPathFor, signManifest } from './manifest'
import { OutputFile } from './output-file'
import { receivedTable } from './received-table'

/** Two at once keeps a shared two-core machine usable; more would only queue behind each other on the disk. */
const MAX_RUNNING = 2

const TABLES = { cases: caseLogTable, received: receivedTable, exchange: exchangeLogTable, audit: auditTable } as const
// ExcelJS takes a quarter of a second to load: only an XLSX export pays for it, not every station start.
const writeXlsx: typeof writeCsv = async (table, out, pace) => (await import('./xlsx-writer')).writeXlsx(table, out, pace)
const WRITERS = { csv: writeCsv, xlsx: writeXlsx, json: writeJson } as const

/** What the station keeps about each finished export: the seam for the audit trail. */
export interface ExportRecord {
  id: string
  what: string
  format: ExportFormat
  filters: Record<string, unknown>
  path: string
  rows: number
  bytes: number
  sha256: string
  exportedAt: string
}

export interface ExportServiceOptions {
  /** The station's main connection (the monthly report's few aggregate queries run on it). */
  db: Database
  dataDir: string
  /** A new read-only connection to the station database, for one export's snapshot. */
  openReader: () => Database
  meta: StationMeta
  identity: Promise<StationIdentity>
  /** A plan as the plans feature reads it (refuses an unknown ID), for its operation order. */
  planDetail: (id: string) => Promise<PlanDetail>
  onProgress: (progress: { id: string; rows: number; total: number }) => void
  /**
   * Called once for every export that completed, with who asked for it: the one place an export is recorded.
   * The audit trail (issue 5) writes its entry here.
   */
  onExported?: (record: ExportRecord, ctx: CallContext) => void
}

interface Job {
  cancelled: boolean
}

const pad = (n: number) => String(n).padStart(2, '0')
function stamp(now: Date): string {
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`
}

type TableInput = Extract<ExportRunInputParsed, { format: 'csv' | 'xlsx' | 'json' }>
type ReportInput = Extract<ExportRunInputParsed, { what: typeof MONTHLY_REPORT }>

/** What an export is made from, known before its file is named. */
type Source = { kind: 'table'; input: TableInput } | { kind: 'report'; input: ReportInput } | { kind: 'plan'; language: ReportLanguage; plan: PlanDetail }

/** A code name as part of a file name: letters and digits of any script, the rest as '-'; the plan ID without one. */
function fileNamePart(codeName: string, planId: string): string {
  const part = codeName.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 40)
  return part || planId.slice(0, 8)
}

/** The start of the default file name, before the time stamp: what it is and, for a PDF, which and in what language. */
function stemOf(source: Source): string {
  if (source.kind === 'table') return source.input.what
  if (source.kind === 'report') return `${MONTHLY_REPORT}-${source.input.month}-${source.input.language}`
  return `${PLAN_ORDER}-${fileNamePart(source.plan.codeName, source.plan.id)}-${source.language}`
}

function pathProblem(message: string): ApiError {
  return new ApiError('invalid_input', `Invalid export path — path: ${message}`, [{ path: 'path', message }])
}

/** Only the filters that were given, so the manifest says exactly what selected the rows. */
const givenFilters = (filters: ExportFilters): Record<string, unknown> =>
  Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined))

export class ExportService {
  private readonly jobs = new Map<string, Job>()
  private closed = false

  constructor(private readonly options: ExportServiceOptions) {}

  async run(input: ExportRunInputParsed, ctx: CallContext): Promise<ExportResult> {
    const id = input.id ?? randomUUID()
    if (this.jobs.has(id)) throw new ApiError('conflict', `An export with id ${id} is already running.`)
    if (this.jobs.size >= MAX_RUNNING) {
      throw new ApiError('unavailable', `${MAX_RUNNING} exports are already running; wait for one to finish or cancel it.`)
    }
    const job: Job = { cancelled: false }
    this.jobs.set(id, job)
    try {
      const identity = await this.options.identity
      const now = new Date()
      const source = await this.sourceOf(input)
      const path = this.outputPath(input, id, now, stemOf(source))
      const out = new OutputFile(path)
      const pace = new ExportPace({
        onProgress: (rows, total) => this.options.onProgress({ id, rows, total }),
        isCancelled: () => job.cancelled || this.closed
      })
      try {
        const produced =
          source.kind === 'table'
            ? await this.writeTable(source.input, identity, out, pace)
            : source.kind === 'report'
              ? await this.writeReport(source.input, identity, out, path)
              : await this.writePlan(source.plan, source.language, identity, now, out, path)
        const written = await out.finish()
        const record: ExportRecord = { id, ...produced, path, bytes: written.bytes, sha256: written.sha256, exportedAt: now.toISOString() }
        this.writeManifest(record, identity, ctx)
        this.options.onExported?.(record, ctx)
        return { status: 'done', id, path, manifestPath: manifestPathFor(path), what: record.what, format: input.format, rows: record.rows, bytes: record.bytes, sha256: record.sha256, stationId: identity.stationId }
      } catch (error) {
        out.abort()
        if (error instanceof ExportCancelledError) return { status: 'cancelled', id, rows: error.rows }
        throw error
      }
    } finally {
      this.jobs.delete(id)
    }
  }

  cancel(id: string): boolean {
    const job = this.jobs.get(id)
    if (job) job.cancelled = true
    return job !== undefined
  }

  /** Running exports stop at their next pause and remove their partial files. */
  close(): void {
    this.closed = true
  }

  /** The plan is read before the file is named after it: an unknown plan leaves no file behind. */
  private async sourceOf(input: ExportRunInputParsed): Promise<Source> {
    if (input.format !== 'pdf') return { kind: 'table', input }
    if (input.what === PLAN_ORDER) return { kind: 'plan', language: input.language, plan: await this.options.planDetail(input.plan) }
    return { kind: 'report', input }
  }

  private async writeTable(
    input: TableInput,
    identity: StationIdentity,
    out: OutputFile,
    pace: ExportPace
  ): Promise<Omit<ExportRecord, 'id' | 'path' | 'bytes' | 'sha256' | 'exportedAt'>> {
    const reader = this.options.openReader()
    try {
      reader.exec('BEGIN')
      const context: TableContext = { db: reader, filters: input.filters, self: identity.stationId }
      const table: ExportTable = TABLES[input.what](context)
      pace.setTotal(table.count())
      await WRITERS[input.format](table, out.stream, pace)
      pace.finish()
      return { what: input.what, format: input.format, filters: givenFilters(input.filters), rows: pace.done }
    } finally {
      if (reader.inTransaction) reader.exec('ROLLBACK')
      reader.close()
    }
  }

  private async writeReport(
    input: ReportInput,
    identity: StationIdentity,
    out: OutputFile,
    path: string
  ): Promise<Omit<ExportRecord, 'id' | 'path' | 'bytes' | 'sha256' | 'exportedAt'>> {
    const report = new MonthlyReports(this.options.db, this.options.meta, identity.stationId).monthly(input.month)
    // Imported when first needed: pdfkit, fontkit and the fonts are the bulk of what an export loads.
    const { writeMonthlyReportPdf } = await import('../reports/pdf/monthly-report-pdf')
    await writeMonthlyReportPdf(report, input.language, out.stream, basename(path))
    return { what: MONTHLY_REPORT, format: 'pdf', filters: { month: input.month, language: input.language }, rows: report.cases.total }
  }

  private async writePlan(
    plan: PlanDetail,
    language: ReportLanguage,
    identity: StationIdentity,
    now: Date,
    out: OutputFile,
    path: string
  ): Promise<Omit<ExportRecord, 'id' | 'path' | 'bytes' | 'sha256' | 'exportedAt'>> {
    const { writePlanOrderPdf } = await import('../plans/plan-order-pdf')
    const station = { stationId: identity.stationId, name: this.options.meta.name }
    await writePlanOrderPdf({ plan, station, generatedAt: now }, language, out.stream, basename(path))
    // The content hash in the manifest ties the printed order to the version both sides signed (or did not).
    const filters = { plan: plan.id, language, contentHash: plan.signoff.contentHash, signoff: plan.signoff.state }
    return { what: PLAN_ORDER, format: 'pdf', filters, rows: plan.tasks.length }
  }

  private writeManifest(record: ExportRecord, identity: StationIdentity, ctx: CallContext): void {
    const manifest = signManifest(
      {
        file: basename(record.path),
        bytes: record.bytes,
        sha256: record.sha256,
        what: record.what,
        format: record.format,
        filters: record.filters,
        rows: record.rows,
        exportedAt: record.exportedAt,
        exportedBy: ctx.user,
        station: { stationId: identity.stationId, name: this.options.meta.name, country: this.options.meta.country }
      },
      identity
    )
    const target = manifestPathFor(record.path)
    const temp = `${target}.partial-${process.pid}`
    writeFileSync(temp, `${JSON.stringify(manifest, null, 2)}\n`)
    renameSync(temp, target)
  }

  private outputPath(input: ExportRunInputParsed, id: string, now: Date, stem: string): string {
    const extension = input.format
    if (input.path === undefined) {
      const folder = join(this.options.dataDir, 'exports')
      mkdirSync(folder, { recursive: true })
      // The id keeps two exports started in the same second apart.
      return join(folder, `${stem}-${stamp(now)}-${id.slice(0, 8)}.${extension}`)
    }
    if (!isAbsolute(input.path)) throw pathProblem('give an absolute path (the station cannot know your working folder)')
    if (!input.path.toLowerCase().endsWith(`.${extension}`)) throw pathProblem(`a ${extension.toUpperCase()} export needs a file name ending in .${extension}`)
    const folder = dirname(input.path)
    if (!existsSync(folder) || !statSync(folder).isDirectory()) throw pathProblem(`the folder ${folder} does not exist`)
    if (existsSync(input.path) && statSync(input.path).isDirectory()) throw pathProblem(`${input.path} is a folder`)
    return input.path
  }
}
