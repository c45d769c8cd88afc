/**
 * CSV as RFC 4180 says (CRLF, fields with a comma, quote or line break in double quotes, quotes doubled),
 * UTF-8 with a byte order mark so Excel opens Thai and Lao as text rather than mojibake.
 */
import type { Writable } from 'node:stream'
import type { Column, ExportTable, Row } from './export-table'
import type { ExportPace } from './export-pace'
import { writeChunk } from './output-file'

const BOM = '\uFEFF'
/** Rows are gathered into chunks of about this many characters: one write per row would cost more than the rows. */
const CHUNK_CHARS = 256 * 1024
const NEEDS_QUOTES = /[",\r\n]/
/**
 * A spreadsheet reads a cell starting with one of these as a formula (=HYPERLINK(…), +cmd|…): text from the
 * field or from the counterpart must never run. A leading apostrophe makes it plain text (OWASP's advice).
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function csvField(value: Row[number], column: Column): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  const text = column.type === 'text' && FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export async function writeCsv(table: ExportTable, out: Writable, pace: ExportPace): Promise<void> {
  const { columns, rows } = table.sheets[0]
  let chunk = BOM + columns.map((c) => c.key).join(',') + '\r\n'
  for (const row of rows()) {
    let line = ''
    for (let i = 0; i < columns.length; i++) line += (i ? ',' : '') + csvField(row[i], columns[i])
    chunk += line + '\r\n'
    if (chunk.length >= CHUNK_CHARS) {
      await writeChunk(out, chunk)
      chunk = ''
    }
    if (pace.row()) await pace.pause()
  }
  await writeChunk(out, chunk)
}
