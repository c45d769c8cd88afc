/**
 * The monthly report PDF in each language of the screens: Poppler reads its text back (so the words are real
 * text, in the right script, not pictures or missing glyphs) and renders its pages; the file verifies against
 * its manifest. Set REPORT_PNG_DIR to keep the rendered pages for a look.
 */
import { copyFileSync, mkdirSync, mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyExport } from '../../main/core/export/manifest'
import { myanmarVisualOrder, splitSaraAm } from '../../main/core/reports/pdf/script-runs'
import type { Station } from '../../main/core/station'
import type { ReportLanguage } from '../../preload/api'
import { missing, PDFTOPPM, PDFTOTEXT, pdfPage, pdfText } from '../helpers/document-tools'
import { REPORT_MONTH, seedReportStation } from '../helpers/export-fixtures'
import { call, officer, openTestStation } from '../helpers/station'

const noPoppler = missing(PDFTOTEXT && PDFTOPPM, 'Poppler (pdftotext, pdftoppm)', 'poppler-utils')
if (noPoppler) console.warn(noPoppler)

let station: Station

beforeAll(async () => {
  station = openTestStation(mkdtempSync(join(tmpdir(), 'blo-report-')))
  // Few enough seeded cases that the place written in Khmer (a NULL-anchor case for fontkit) makes the top ten.
  await seedReportStation(station, 30)
}, 60_000)

afterAll(async () => {
  await station.close()
})

/**
 * Words the report must carry as text: its own labels in the language, and data in other scripts. Compared
 * in NFKC, where Thai ำ is ํ + า, the two glyphs it is drawn with. Where a font positions a vowel sign or tone
 * mark back over its consonant by a whole glyph width (Noto Sans Lao; some marks of Noto Sans Thai Bold),
 * Poppler cuts the word there: the page shows it right, only extracted text splits. So Lao is checked on words
 * without such marks, Thai on the regular weight.
 */
const EXPECTED: Record<ReportLanguage, string[]> = {
  th: ['ยาเสพติด', 'บุคคลจำแนกตามสัญชาติและเพศ', 'ตัวเลขสำคัญ', 'เมียนมา', 'รายการของกลาง'],
  lo: ['ລາຍງານ', 'ລາຍການຂອງກາງ', 'ລວມ'],
  en: ['Monthly report', 'Cases by category', 'Narcotics', 'Quantities seized']
}
/** Data as officers wrote it, in any report language. */
const DATA = ['ยาบ้า', 'ຊາຍ', 'Hồng phiến', 'Cửa khẩu Lao Bảo']

describe.each(Object.keys(EXPECTED) as ReportLanguage[])('monthly report PDF in %s', (language) => {
  it.skipIf(Boolean(noPoppler))('carries its labels and the data as text, renders, and verifies', { timeout: 60_000 }, async () => {
    const result = await call(station, 'export.run', { format: 'pdf', month: REPORT_MONTH, language })
    if (result.status !== 'done') throw new Error('not done')
    expect(result).toMatchObject({ what: 'monthly-report', format: 'pdf' })
    expect((await verifyExport(result.path)).ok).toBe(true)
    const keep = process.env.REPORT_PNG_DIR
    if (keep) {
      mkdirSync(keep, { recursive: true })
      copyFileSync(result.path, join(keep, `report-${language}.pdf`))
    }

    const text = (await pdfText(result.path)).normalize('NFKC')
    for (const word of [...EXPECTED[language], ...DATA]) expect(text, word).toContain(word.normalize('NFKC'))
    expect(text).toContain(result.stationId)

    const out = mkdtempSync(join(tmpdir(), 'blo-report-png-'))
    const png = await pdfPage(result.path, 1, join(out, 'page-1'), 60)
    // A blank page is a few hundred bytes; a page of tables and a chart is tens of kilobytes.
    expect(statSync(png).size).toBeGreaterThan(20_000)
  })
})

describe('monthly report input', () => {
  it('refuses a month that is not YYYY-MM, naming the field', async () => {
    const reply = await station.dispatch('export.run', { format: 'pdf', month: '2026-13' }, officer)
    expect(!reply.ok && reply.error.issues[0].path).toBe('month')
  })
})

describe('text preparation for fontkit', () => {
  it('puts Myanmar pre-base vowels and medial ra before their consonant cluster', () => {
    // ကျော် = KA, medial YA, vowel E, AA, ASAT: E goes first. မြန် = MA, medial RA, NA, ASAT: RA goes first.
    expect(myanmarVisualOrder('ကျော်')).toBe('\u1031\u1000\u103B\u102C\u103A')
    expect(myanmarVisualOrder('မြန်')).toBe('\u103C\u1019\u1014\u103A')
    // A subjoined consonant (virama + consonant) stays inside the syllable: စန္ဒာ has nothing to move.
    expect(myanmarVisualOrder('စန္ဒာ')).toBe('စန္ဒာ')
  })

  it('splits SARA AM as HarfBuzz does: the ring before the tone mark, the vowel after', () => {
    expect(splitSaraAm('น้ำ')).toBe('\u0E19\u0E4D\u0E49\u0E32')
    expect(splitSaraAm('ນ້ຳ')).toBe('\u0E99\u0ECD\u0EC9\u0EB2')
    expect(splitSaraAm('ประจำ')).toBe('ประจ\u0E4D\u0E32')
  })
})
