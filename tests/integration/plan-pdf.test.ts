/**
 * A joint operation plan printed as an operation order (export.run, what: 'plan'): Poppler reads its text back
 * (Thai title and notes, a Lao task, the signed content hash: real text in the right script) and renders its
 * first page; the file verifies against its signed manifest, and the export is in the audit trail. Set
 * REPORT_PNG_DIR to keep the PDF and its first page for a look.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyExport } from '../../main/core/export/manifest'
import type { Station } from '../../main/core/station'
import type { PlanDetail } from '../../preload/api'
import { missing, PDFTOPPM, PDFTOTEXT, pdfPage, pdfText } from '../helpers/document-tools'
import { call, officer, openTestStation } from '../helpers/station'

const noPoppler = missing(PDFTOTEXT && PDFTOPPM, 'Poppler (pdftotext, pdftoppm)', 'poppler-utils')
if (noPoppler) console.warn(noPoppler)

const THAI_TITLE = 'ปฏิบัติการสะพานมิตรภาพ'
const THAI_NOTE = 'ตรวจค้นรถบรรทุกทุกคันที่ผ่านสะพาน'
const LAO_TASK = 'ລາດຕະເວນຝັ່ງລາວ'
const ENGLISH_TASK = 'Brief the customs teams at Friendship Bridge 4'

let dataDir: string
let station: Station
let plan: PlanDetail

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'blo-plan-pdf-'))
  station = openTestStation(dataDir)
  const created = await call(station, 'plans.create', {
    title: THAI_TITLE,
    codeName: 'MEKONG-DAWN',
    periodFrom: '2026-12-01',
    periodTo: '2026-12-07',
    area: 'Chiang Khong – Houayxay',
    crossings: ['Friendship Bridge 4'],
    hotline: '+66 53 791 000',
    languages: ['th', 'lo', 'en'],
    notes: `${THAI_NOTE}\nທີມລາດຕະເວນຝັ່ງລາວ ເລີ່ມເວລາ 06:00`
  })
  const edited = await call(station, 'plans.edit', {
    id: created.id,
    edits: [
      { op: 'add', list: 'agencies', item: { name: 'ตำรวจภูธรเชียงของ', role: 'Checkpoint search' } },
      { op: 'add', list: 'objectives', item: { text: 'สกัดกั้นการลักลอบขนยาบ้าข้ามแม่น้ำโขง' } },
      { op: 'add', list: 'tasks', item: { title: LAO_TASK, assignee: 'ທ່ານ ສົມພອນ', due: '2026-12-02', status: 'in_progress' } },
      { op: 'add', list: 'tasks', item: { title: ENGLISH_TASK, due: '2026-12-01' } },
      { op: 'add', list: 'contacts', item: { name: 'Pol. Maj. Anan', phone: '+66 81 000 0000', radio: 'CH 7', languages: ['th', 'en'] } },
      { op: 'add', list: 'results', item: { text: 'ยึดยาบ้าได้ 120,000 เม็ด' } }
    ]
  })
  // This side's approval: the order shows it beside the counterpart's missing one, under the same hash.
  plan = await call(station, 'plans.approve', { id: created.id, stateHash: edited.signoff.contentHash })
}, 60_000)

afterAll(async () => {
  await station.close()
})

describe('plan operation order PDF', () => {
  it.skipIf(Boolean(noPoppler))('carries the plan as text in its scripts, renders, verifies and is audited', { timeout: 60_000 }, async () => {
    const result = await call(station, 'export.run', { format: 'pdf', what: 'plan', plan: plan.id, language: 'th' })
    if (result.status !== 'done') throw new Error('not done')
    expect(result).toMatchObject({ what: 'plan', format: 'pdf', rows: 2 })
    expect(result.path.startsWith(join(dataDir, 'exports', 'plan-MEKONG-DAWN-th-'))).toBe(true)

    const verified = await verifyExport(result.path)
    expect(verified.ok).toBe(true)
    expect(verified.claimed?.filters).toMatchObject({ plan: plan.id, language: 'th', contentHash: plan.signoff.contentHash })

    const keep = process.env.REPORT_PNG_DIR
    if (keep) mkdirSync(keep, { recursive: true })
    if (keep) copyFileSync(result.path, join(keep, 'plan-th.pdf'))

    // In drawing order, without the line breaks of wrapped cells and the breaks Poppler puts after a mark
    // drawn back over its consonant (Lao): what remains must be the words, letter for letter, in order.
    const squeeze = (s: string) => s.normalize('NFKC').replace(/\s+/g, '')
    const text = squeeze(await pdfText(result.path, 'raw'))
    for (const expected of [THAI_TITLE, THAI_NOTE, LAO_TASK, ENGLISH_TASK, 'คำสั่งปฏิบัติการ', 'MEKONG-DAWN', plan.signoff.contentHash, result.stationId]) {
      expect(text, expected).toContain(squeeze(expected))
    }

    const out = keep ?? mkdtempSync(join(tmpdir(), 'blo-plan-png-'))
    const png = await pdfPage(result.path, 1, join(out, 'plan-th-page-1'), 60)
    // A blank page is a few hundred bytes; a page of text and tables is tens of kilobytes.
    expect(statSync(png).size).toBeGreaterThan(20_000)

    const audit = await call(station, 'audit.list', { action: 'export.run' })
    expect(audit.rows.some((r) => r.target?.label === basename(result.path))).toBe(true)
  })

  it('refuses a plan that does not exist, leaving no file behind', async () => {
    const reply = await station.dispatch('export.run', { format: 'pdf', what: 'plan', plan: '00000000-0000-0000-0000-000000000000' }, officer)
    expect(!reply.ok && reply.error.code).toBe('not_found')
    const folder = join(dataDir, 'exports')
    const left = existsSync(folder) ? readdirSync(folder).filter((f) => f.includes('00000000')) : []
    expect(left).toEqual([])
  })

  it('names the missing plan field', async () => {
    const reply = await station.dispatch('export.run', { format: 'pdf', what: 'plan' }, officer)
    expect(!reply.ok && reply.error.issues[0].path).toBe('plan')
  })
})
