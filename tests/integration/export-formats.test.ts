/**
 * Each table format opened by a real consumer: LibreOffice reads the CSV and the XLSX (converting them the
 * way a user's spreadsheet would read them), ExcelJS reads the XLSX back for its cell types; JSON is parsed.
 * The values checked are the awkward ones: Thai, Lao, Khmer, Burmese and Vietnamese text, quantities with
 * decimals, dates, a summary with quotes and a line break, and text that a spreadsheet would run as a formula.
 */
import ExcelJS from 'exceljs'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Station } from '../../main/core/station'
import type { CaseQuery, ExportFilters, MethodInput } from '../../preload/api'
import { libreOfficeConvert, missing, parseCsv, SOFFICE } from '../helpers/document-tools'
import { SCRIPT_CASES, seedReportStation } from '../helpers/export-fixtures'
import { call, officer, openTestStation } from '../helpers/station'

const NOVEMBER: ExportFilters = { from: '2026-11-01', to: '2026-11-30' }
const noOffice = missing(SOFFICE, 'LibreOffice', 'libreoffice-calc-nogui')
if (noOffice) console.warn(noOffice)

let station: Station
let dir: string
let refs: string[]

async function exportFile(input: MethodInput<'export.run'>) {
  const result = await call(station, 'export.run', input)
  if (result.status !== 'done') throw new Error('export did not finish')
  return result
}

/** The refs cases.search finds for the same filters, oldest first: the export must select exactly these. */
async function searchRefs(filters: ExportFilters): Promise<string[]> {
  const query: CaseQuery = { ...filters, sort: 'occurredAt', dir: 'asc', limit: 1000 }
  const page = await call(station, 'cases.search', query)
  return page.rows.map((r) => r.ref)
}

/** A cell as LibreOffice wrote it: mixed-script text comes back as rich text runs (one per font). */
function cellText(value: ExcelJS.CellValue): string {
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('')
  return value === null || value === undefined ? '' : String(value)
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'blo-export-'))
  station = openTestStation(dir)
  await seedReportStation(station, 40)
  const page = await call(station, 'cases.search', { q: '', from: '2026-11-01', to: '2026-11-30', limit: 1000, sort: 'ref', dir: 'desc' })
  refs = page.rows.slice(0, SCRIPT_CASES.length).map((r) => r.ref).reverse()
}, 60_000)

afterAll(async () => {
  await station.close()
})

describe('CSV export', () => {
  it('is UTF-8 with a BOM, RFC 4180 quoted, guarded against formulas, and holds exactly the filtered cases', async () => {
    const result = await exportFile({ what: 'cases', format: 'csv', filters: NOVEMBER })
    const bytes = readFileSync(result.path)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8').slice(1)
    expect(text.split('\r\n')[0]).toMatch(/^ref,occurred_at,category,agency,status,location,/)
    const rows = parseCsv(text)
    const header = rows[0]
    const data = rows.slice(1)
    expect(data.map((r) => r[0])).toEqual(await searchRefs(NOVEMBER))
    expect(result.rows).toBe(data.length)

    const byRef = new Map(data.map((r) => [r[0], Object.fromEntries(header.map((h, i) => [h, r[i]]))]))
    const [thai, lao, khmer, burmese, vietnamese] = refs.map((ref) => byRef.get(ref)!)
    expect(thai.location).toBe('สะพานมิตรภาพไทย-ลาว แห่งที่ 4')
    expect(lao.items).toBe('ຢາບ້າ 45000.5 tablets')
    expect(khmer.summary).toBe(`'=HYPERLINK("http://example.invalid","click") ឈើប្រណីត`)
    expect(burmese.summary).toBe('Pangolin scales, "urgent", line one\nline two')
    expect(burmese.nationalities).toBe('MM ×2')
    expect(vietnamese.summary).toBe("'-5 hàng giả, @customs")
    expect(text).toContain('"Pangolin scales, ""urgent"", line one\nline two"')
  })

  it.skipIf(!SOFFICE)('opens in LibreOffice with the text and numbers intact, and no formula', { timeout: 120_000 }, async () => {
    const result = await exportFile({ what: 'cases', format: 'csv', filters: NOVEMBER })
    const out = mkdtempSync(join(tmpdir(), 'blo-lo-out-'))
    // 44 = comma, 34 = double quote, 76 = UTF-8, from line 1: how a user opens a CSV in Calc.
    await libreOfficeConvert(result.path, 'xlsx', out, 'CSV:44,34,76,1')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(join(out, basename(result.path).replace(/\.csv$/, '.xlsx')))
    const sheet = workbook.worksheets[0]
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellText)
    const rowOf = (ref: string) => {
      for (let r = 2; r <= sheet.rowCount; r++) if (cellText(sheet.getRow(r).getCell(1).value) === ref) return sheet.getRow(r)
      throw new Error(`${ref} is not in LibreOffice's reading`)
    }
    const cell = (ref: string, key: string) => rowOf(ref).getCell(header.indexOf(key) + 1)
    for (const [i, input] of SCRIPT_CASES.entries()) expect(cellText(cell(refs[i], 'location').value)).toBe(input.location)
    expect(cellText(cell(refs[0], 'summary').value)).toBe(SCRIPT_CASES[0].summary)
    const guarded = cell(refs[2], 'summary')
    expect(guarded.formula).toBeUndefined()
    expect(cellText(guarded.value)).toContain('=HYPERLINK(')
    expect(cell(refs[3], 'person_count').value).toBe(2)
    expect(cellText(cell(refs[1], 'items').value)).toBe('ຢາບ້າ 45000.5 tablets')
    expect(sheet.rowCount).toBe(result.rows + 1)
  })
})

describe('XLSX export', () => {
  it('has typed cells: dates as dates, quantities as numbers, and a frozen header', async () => {
    const result = await exportFile({ what: 'cases', format: 'xlsx', filters: NOVEMBER })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(result.path)
    const [cases, items] = workbook.worksheets
    expect(cases.name).toBe('Cases')
    expect(cases.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(cases.rowCount).toBe(result.rows + 1)
    const header = (cases.getRow(1).values as ExcelJS.CellValue[]).slice(1)
    const thaiRow = cases.getRow(2 + (await searchRefs(NOVEMBER)).indexOf(refs[0]))
    const occurred = thaiRow.getCell(header.indexOf('occurred_at') + 1).value
    // Spreadsheets have no time zones: the officer's wall-clock time, as entered (06:15 at +07:00).
    expect(occurred).toEqual(new Date(Date.UTC(2026, 10, 3, 6, 15)))
    expect(thaiRow.getCell(header.indexOf('item_count') + 1).value).toBe(1)
    const itemHeader = (items.getRow(1).values as ExcelJS.CellValue[]).slice(1)
    const quantities = new Map<string, unknown>()
    items.eachRow((row, n) => {
      if (n > 1) quantities.set(String(row.getCell(itemHeader.indexOf('commodity') + 1).value), row.getCell(itemHeader.indexOf('quantity') + 1).value)
    })
    expect(quantities.get('ຢາບ້າ')).toBe(45000.5)
    expect(quantities.get('ឈើប្រណីត')).toBe(12.75)
    expect(quantities.get('ကျွန်းသစ်')).toBe(3)
  })

  it.skipIf(!SOFFICE)('opens in LibreOffice: every sheet converts with its text, numbers and dates', { timeout: 120_000 }, async () => {
    const result = await exportFile({ what: 'cases', format: 'xlsx', filters: NOVEMBER })
    const out = mkdtempSync(join(tmpdir(), 'blo-lo-out-'))
    // Tokens: comma, quote, UTF-8, line 1, -, language, quote text, -, cells as shown, -, -, every sheet (-1).
    await libreOfficeConvert(result.path, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', out)
    const stem = basename(result.path, '.xlsx')
    const cases = parseCsv(readFileSync(join(out, `${stem}-Cases.csv`), 'utf8'))
    const items = parseCsv(readFileSync(join(out, `${stem}-Items.csv`), 'utf8'))
    expect(cases.length - 1).toBe(result.rows)
    const header = cases[0]
    const row = (ref: string) => Object.fromEntries(header.map((h, i) => [h, cases.find((r) => r[0] === ref)![i]]))
    expect(row(refs[0])).toMatchObject({ occurred_at: '2026-11-03 06:15', location: 'สะพานมิตรภาพไทย-ลาว แห่งที่ 4', category: 'narcotics' })
    expect(row(refs[1]).summary).toBe(SCRIPT_CASES[1].summary)
    expect(row(refs[3])).toMatchObject({ occurred_at: '2026-11-15 14:30', location: 'မြဝတီ နယ်စပ်ဂိတ်', person_count: '2' })
    expect(row(refs[4]).location).toBe('Cửa khẩu Lao Bảo')
    const itemRow = items.find((r) => r[0] === refs[1])!
    expect(itemRow.slice(4, 7)).toEqual(['ຢາບ້າ', '45000.5', 'tablets'])
  })
})

describe('JSON export', () => {
  it('is one array of whole cases, in the same order and number as the CSV', async () => {
    const result = await exportFile({ what: 'cases', format: 'json', filters: NOVEMBER })
    const cases = JSON.parse(readFileSync(result.path, 'utf8')) as { ref: string; items: { quantity: number }[]; persons: { name: string }[] }[]
    expect(cases.map((c) => c.ref)).toEqual(await searchRefs(NOVEMBER))
    const khmer = cases.find((c) => c.ref === refs[2])!
    expect(khmer.items[0].quantity).toBe(12.75)
    expect(cases.find((c) => c.ref === refs[3])!.persons.map((p) => p.name)).toEqual(['ဦးအောင်ကျော်', 'ဒေါ်ခင်မြင့်'])
  })
})

describe('export filters', () => {
  it.each<ExportFilters>([
    { category: 'narcotics' },
    { agency: 'customs', from: '2026-10-01' },
    { status: 'investigating' },
    { category: 'timber', to: '2026-09-30' }
  ])('select the same cases as the case log search: %o', async (filters) => {
    const result = await exportFile({ what: 'cases', format: 'json', filters })
    const exported = (JSON.parse(readFileSync(result.path, 'utf8')) as { ref: string }[]).map((c) => c.ref)
    expect(exported).toEqual(await searchRefs(filters))
    expect(result.rows).toBe(exported.length)
  })

  it('leave voided cases out unless asked for', async () => {
    const victim = await call(station, 'cases.get', { id: (await call(station, 'cases.search', { limit: 1 })).rows[0].id })
    await call(station, 'cases.void', { id: victim.id, expectedVersion: victim.version, reason: 'entered twice' })
    const without = await exportFile({ what: 'cases', format: 'csv' })
    const withVoided = await exportFile({ what: 'cases', format: 'csv', filters: { includeVoided: true } })
    expect(withVoided.rows).toBe(without.rows + 1)
    expect(readFileSync(without.path, 'utf8')).not.toContain(victim.ref)
  })

  it('refuse a filter that does not apply, naming it', async () => {
    const reply = await station.dispatch('export.run', { what: 'exchange', format: 'csv', filters: { category: 'narcotics' } }, officer)
    expect(reply.ok).toBe(false)
    if (reply.ok) return
    expect(reply.error.code).toBe('invalid_input')
    expect(reply.error.issues[0].path).toBe('filters.category')
    expect(reply.error.message).toContain('does not apply to the exchange log')
    const backwards = await station.dispatch('export.run', { what: 'cases', format: 'csv', filters: { from: '2026-11-30', to: '2026-11-01' } }, officer)
    expect(!backwards.ok && backwards.error.issues[0].path).toBe('filters.to')
  })

  it('refuse a relative path or a wrong extension, naming the path', async () => {
    for (const path of ['relative/cases.csv', join(dir, 'cases.xlsx'), join(dir, 'no-such-folder', 'cases.csv')]) {
      const reply = await station.dispatch('export.run', { what: 'cases', format: 'csv', path }, officer)
      expect(!reply.ok && reply.error.issues[0].path, path).toBe('path')
    }
  })
})
