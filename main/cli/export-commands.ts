/**
 * `blo export`: writes an export through the station (the same export.run the screens call) and prints where
 * it went; `blo export verify FILE` checks a file against its signed manifest on any machine, without a
 * station. Exit code 0 when the export was written or the file verifies, 1 when not.
 */
import { resolve } from 'node:path'
import type { ExportVerification } from '../../preload/api'
import { EXPORT_KINDS, REPORT_LANGUAGES, TABLE_FORMATS } from '../../preload/vocabulary'
import { dataDirFlag, parseFlags, UsageError } from './flags'
import { printCall } from './station-connection'
import { printJson } from './output'
import { withHelp } from './subcommands'

export const EXPORT_USAGE = `Usage: blo export --data DIR --what W --format F [filters] [--out FILE]
       blo export verify FILE [--json]

  blo export --data DIR --what ${EXPORT_KINDS.join('|')} --format ${TABLE_FORMATS.join('|')}|pdf [--from D] [--to D] --out FILE
      --what W          cases (the case log), received (records the counterpart shared), exchange (messages both
                        ways, with response times), audit (the audit trail)
      --format F        csv (UTF-8 with BOM), xlsx (typed columns), json (one array), pdf (the monthly report)
      --from D, --to D  a day (YYYY-MM-DD, the whole day in local time) or an ISO date-time
      --category C, --status S, --agency A, --include-voided   case log filters (category and agency also
                        filter received records); a filter that does not apply is refused
      --counterpart ID  received, exchange: only what that counterpart sent, or was sent
      --month YYYY-MM   pdf: the month of the report (default: the month of --from)
      --lang ${REPORT_LANGUAGES.join('|')}     pdf: the language of the report (default en)
      --out FILE        where to write; without it the file goes into DIR/exports/
    Writes FILE and FILE.manifest.json (SHA-256 of FILE, signed by the station key) and prints
    {"status", "path", "manifestPath", "rows", "bytes", "sha256", "stationId", …}.

  blo export verify FILE [--json]
      Checks FILE against FILE.manifest.json: the signature, the station's certificate, the file's size and
      SHA-256. Prints what failed, or the station that signed it: compare that station ID with the one you
      know for the station (from its pairing card or its office). Needs no data folder.`

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/
const oneOf = (names: readonly string[]) => `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`

function reportMonth(values: { month?: string; from?: string; to?: string }): string {
  const month = values.month ?? values.from?.slice(0, 7)
  if (month === undefined) throw new UsageError('export --format pdf needs --month YYYY-MM (or --from in that month)')
  if (!MONTH.test(month)) throw new UsageError(`--month must be YYYY-MM, got '${month}'`)
  if (values.to !== undefined && values.to.slice(0, 7) !== month) {
    throw new UsageError('the PDF is the report of one month: --from and --to must be in the same month (or use --month)')
  }
  return month
}

async function runExport(args: string[]): Promise<void> {
  const { values } = parseFlags({
    args,
    options: {
      data: { type: 'string' },
      what: { type: 'string' },
      format: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      category: { type: 'string' },
      status: { type: 'string' },
      agency: { type: 'string' },
      counterpart: { type: 'string' },
      'include-voided': { type: 'boolean' },
      month: { type: 'string' },
      lang: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' }
    }
  })
  if (values.format === undefined) throw new UsageError(`export needs --format ${oneOf([...TABLE_FORMATS, 'pdf'])}`)
  const path = values.out === undefined ? {} : { path: resolve(values.out) }
  let input: Record<string, unknown>
  if (values.format === 'pdf') {
    if (values.what !== undefined && values.what !== 'cases') {
      throw new UsageError('the PDF is the monthly report of the case log and the exchange: leave out --what (or say --what cases)')
    }
    input = { format: 'pdf', month: reportMonth(values), ...(values.lang ? { language: values.lang } : {}), ...path }
  } else {
    if (values.what === undefined) throw new UsageError(`export needs --what ${oneOf(EXPORT_KINDS)}`)
    const filters: Record<string, unknown> = {}
    for (const key of ['from', 'to', 'category', 'status', 'agency', 'counterpart'] as const) if (values[key] !== undefined) filters[key] = values[key]
    if (values['include-voided']) filters.includeVoided = true
    input = { what: values.what, format: values.format, filters, ...path }
  }
  // The station checks every value and names the one it refuses (--what, --format, a filter, the path).
  await printCall(dataDirFlag(values.data), 'export.run', input)
}

function describe(result: ExportVerification): string {
  const c = result.claimed
  if (!result.ok) return [`FAILED: ${result.file} is not as exported:`, ...result.problems.map((p) => `  - ${p.message}`)].join('\n')
  return [
    `OK: ${result.file} is exactly as exported.`,
    `  Signed by:  ${c!.station.name} (${c!.station.country}), station ID ${c!.station.stationId}`,
    `  Exported:   ${c!.exportedAt} by ${c!.exportedBy}`,
    `  Content:    ${c!.what}, ${c!.format}, ${c!.rows} rows; filters ${JSON.stringify(c!.filters)}`,
    '  Compare this station ID with the one you know for that station (its pairing card, or ask its office):',
    '  the signature proves the file is unchanged since the holder of that station key exported it.'
  ].join('\n')
}

async function verify(args: string[]): Promise<void> {
  const { values, positionals } = parseFlags({ args, allowPositionals: true, options: { json: { type: 'boolean' } } })
  if (positionals.length !== 1) throw new UsageError('export verify needs exactly one FILE (the export, or its .manifest.json)')
  const { verifyExport } = await import('../core/export/manifest')
  const result = await verifyExport(resolve(positionals[0]))
  if (values.json) printJson(result)
  else process.stdout.write(`${describe(result)}\n`)
  if (!result.ok) throw new Error(`verification failed: ${result.problems[0].message}`)
}

export const exportCommand = withHelp(EXPORT_USAGE, async (args) => (args[0] === 'verify' ? verify(args.slice(1)) : runExport(args)))
