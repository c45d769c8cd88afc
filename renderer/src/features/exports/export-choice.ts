import {
  ExportRunInput,
  REPORT_LANGUAGES,
  type Agency,
  type CaseStatus,
  type Category,
  type ExportFormat,
  type ExportKind,
  type ReportLanguage
} from '../../../../preload/api'
import type { FieldErrors } from '../../ui/field-error'
import { errorsFromZod } from '../cases/form/field-errors'

/** What the export form holds: every choice, including those the current kind or format does not use. */
export interface ExportChoice {
  what: ExportKind
  format: ExportFormat
  from: string
  to: string
  category: Category | ''
  status: CaseStatus | ''
  agency: Agency | ''
  includeVoided: boolean
  /** A counterpart's station ID, or '' for all. */
  counterpart: string
  /** The PDF monthly report's month, YYYY-MM. */
  month: string
  language: ReportLanguage
}

export type RowFilter = 'category' | 'status' | 'agency' | 'includeVoided' | 'counterpart'

/** The filters each kind of rows carries (main/core/export/*-table.ts); the station refuses the others by name. */
export const FILTERS_OF: Record<ExportKind, readonly RowFilter[]> = {
  cases: ['category', 'status', 'agency', 'includeVoided'],
  received: ['category', 'agency', 'counterpart'],
  exchange: ['counterpart'],
  audit: []
}

/** The screen's language when a PDF can be written in it, English otherwise. */
export function reportLanguageOf(uiLanguage: string | undefined): ReportLanguage {
  return (REPORT_LANGUAGES as readonly string[]).includes(uiLanguage ?? '') ? (uiLanguage as ReportLanguage) : 'en'
}

/** The call for the station, or the fields at fault. */
export function exportInput(choice: ExportChoice): { ok: true; input: ExportRunInput } | { ok: false; errors: FieldErrors } {
  let input: ExportRunInput
  if (choice.format === 'pdf') {
    input = { format: 'pdf', month: choice.month, language: choice.language }
  } else {
    const applies = FILTERS_OF[choice.what]
    const filters: Record<string, unknown> = {}
    if (choice.from) filters.from = choice.from
    if (choice.to) filters.to = choice.to
    for (const key of ['category', 'status', 'agency', 'counterpart'] as const) if (applies.includes(key) && choice[key]) filters[key] = choice[key]
    if (applies.includes('includeVoided') && choice.includeVoided) filters.includeVoided = true
    input = { what: choice.what, format: choice.format, filters }
  }
  const parsed = ExportRunInput.safeParse(input)
  if (!parsed.success) return { ok: false, errors: errorsFromZod(parsed.error.issues, input) }
  if (choice.format !== 'pdf' && choice.from && choice.to && choice.from > choice.to) {
    return { ok: false, errors: { 'filters.to': { key: 'exports.toBeforeFrom' } } }
  }
  return { ok: true, input }
}

/**
 * Chosen here so progress events can be matched and the export cancelled before its call returns. Random from
 * the first character: the station names the file after the id's first eight.
 */
export function newExportId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
