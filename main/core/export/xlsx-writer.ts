/**
 * XLSX through ExcelJS's streaming writer: each row is committed (serialised into the zip) as soon as it is
 * added. Dates are real spreadsheet dates, quantities real numbers; the header row stays frozen on scroll.
 */
import ExcelJS from 'exceljs'
import type { Writable } from 'node:stream'
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { Column, ExportTable, Row, Sheet } from './export-table'
import type { ExportPace } from './export-pace'

const DATE_FORMAT = 'yyyy-mm-dd hh:mm'
/** Control characters (XML 1.0 cannot carry most of them: one in a cell makes the workbook unreadable); tab and line breaks stay. */
const CONTROL = /[\p{Cc}\uFFFE\uFFFF]/gu
const KEPT_CONTROLS = new Set(['\t', '\n', '\r'])
const OFFSET = /([+-])(\d{2}):?(\d{2})$/
const MINUTE_MS = 60_000

/**
 * A spreadsheet date has no time zone. A time written with its own UTC offset (when a case occurred, as the
 * officer entered it) keeps that wall-clock time; one the station stamped in UTC shows in this machine's
 * local time. ExcelJS stores a Date by its UTC fields, hence the shift.
 */
export function spreadsheetDate(iso: string): Date | string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  const offset = OFFSET.exec(iso)
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : -new Date(ms).getTimezoneOffset()
  return new Date(ms + minutes * MINUTE_MS)
}

function cell(value: Row[number], column: Column): string | number | Date | null {
  if (value === null) return null
  if (column.type === 'datetime' && typeof value === 'string') return spreadsheetDate(value)
  if (typeof value === 'string') return value.replace(CONTROL, (c) => (KEPT_CONTROLS.has(c) ? c : ''))
  return value
}

/** Sheet XML waiting to be compressed beyond this is not produced further until the zip catches up. */
const MAX_BACKLOG_BYTES = 16 * 1024 * 1024

type BufferedStream = { _readableState?: { length?: number }; _writableState?: { length?: number } }

/**
 * ExcelJS's sheet stream hands every chunk on to the zip without waiting (utils/stream-buf.js ignores
 * backpressure), so rows produced faster than they are deflated pile up as buffers: memory grew with the
 * row count (2 MB per thousand rows). The bytes waiting sit in the stream the zip reads each sheet from;
 * its fill level is read from Node's stream state, and the writer waits while it is high.
 */
function backlog(worksheet: ExcelJS.Worksheet): number {
  const pipes = (worksheet as unknown as { stream?: { pipes?: BufferedStream[] } }).stream?.pipes ?? []
  return pipes.reduce((sum, p) => sum + (p._readableState?.length ?? 0) + (p._writableState?.length ?? 0), 0)
}

async function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: Sheet, pace: ExportPace, main: boolean): Promise<void> {
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] })
  worksheet.columns = sheet.columns.map((c) => ({
    key: c.key,
    width: c.width,
    style: c.type === 'datetime' ? { numFmt: DATE_FORMAT } : c.type === 'integer' ? { numFmt: '0' } : {}
  }))
  const header = worksheet.addRow(sheet.columns.map((c) => c.key))
  header.font = { bold: true }
  header.commit()
  const { columns } = sheet
  for (const row of sheet.rows()) {
    const values = new Array<ReturnType<typeof cell>>(columns.length)
    for (let i = 0; i < columns.length; i++) values[i] = cell(row[i], columns[i])
    worksheet.addRow(values).commit()
    if (main ? pace.row() : pace.due()) {
      await pace.pause()
      while (backlog(worksheet) > MAX_BACKLOG_BYTES) await nextTurn()
    }
  }
  worksheet.commit()
}

export async function writeXlsx(table: ExportTable, out: Writable, pace: ExportPace): Promise<void> {
  // Inline strings rather than a shared-strings table, which would hold every distinct text in memory; the
  // fastest deflate level, since compressing is the slowest stage of the pipeline (files come out a little larger).
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } })
  workbook.creator = 'BLO Station'
  for (const [index, sheet] of table.sheets.entries()) await writeSheet(workbook, sheet, pace, index === 0)
  await workbook.commit()
}
