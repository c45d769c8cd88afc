import { beforeAll, afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Station } from '../../main/core/station'
import Database from 'better-sqlite3'
import { searchCases } from '../../main/core/cases/case-search'
import { CaseQuery, type MethodInput } from '../../preload/api'
import { call, methCase, officer, openTestStation } from '../helpers/station'

const cases: MethodInput<'cases.create'>[] = [
  {
    ...methCase,
    occurredAt: '2026-11-01T09:00:00+07:00',
    summary: 'จับกุมผู้ต้องหาพร้อมยาบ้า 120,000 เม็ด ที่ด่านเชียงของ',
    persons: [{ name: 'นายสมชาย ใจดี', nationality: 'TH', role: 'suspect' }],
    conveyances: [{ type: 'pickup', plate: 'กข 1234 เชียงราย', country: 'TH' }]
  },
  {
    occurredAt: '2026-11-05T14:00:00+07:00',
    category: 'wildlife',
    agency: 'customs',
    location: 'ດ່ານຫ້ວຍຊາຍ',
    summary: 'ຢຶດເກັດລິ່ນ 35 ກິໂລ ຊຸກເຊື່ອງໃນລົດບັນທຸກ',
    items: [{ commodity: 'pangolin scales', quantity: 35, unit: 'kg', species: 'Manis javanica' }],
    persons: [{ name: 'ທ້າວ ບຸນມີ ສີສຸວັນ', nationality: 'LA' }]
  },
  {
    occurredAt: '2026-10-15T22:10:00+07:00',
    category: 'timber',
    agency: 'forestry',
    location: 'Moc Bai',
    summary: 'Rosewood logs in a container',
    narrative: 'Driver Nguyễn Văn Hùng from Hà Nội declared furniture.',
    items: [{ commodity: 'rosewood', quantity: 12.5, unit: 'm3', species: 'Dalbergia cochinchinensis' }]
  },
  {
    occurredAt: '2026-11-10T06:45:00+07:00',
    category: 'precursors',
    agency: 'police',
    location: 'Mae Sai checkpoint',
    summary: 'Precursor drums, unlabelled',
    items: [{ commodity: 'precursor chemical', quantity: 400, unit: 'L', chemical: 'propionyl chloride' }]
  }
]

describe('case search', () => {
  let dir: string
  let station: Station
  const ids: string[] = []

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'blo-search-'))
    station = openTestStation(dir)
    for (const c of cases) ids.push((await call(station, 'cases.create', c)).id)
  })
  afterAll(() => {
    station.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const found = async (query: MethodInput<'cases.search'>) => (await call(station, 'cases.search', query)).rows.map((r) => ids.indexOf(r.id))

  it('finds a Thai word inside a sentence written without spaces', async () => {
    expect(await found({ q: 'ยาบ้า' })).toEqual([0])
    expect(await found({ q: 'ผู้ต้องหา' })).toEqual([0])
  })

  it('finds a Lao substring', async () => {
    expect(await found({ q: 'ເກັດລິ່ນ' })).toEqual([1])
    expect(await found({ q: 'ບຸນມີ' })).toEqual([1])
  })

  it('finds names, plates, species and chemicals, not only the summary', async () => {
    expect(await found({ q: 'สมชาย' })).toEqual([0])
    expect(await found({ q: '1234' })).toEqual([0])
    expect(await found({ q: 'javanica' })).toEqual([1])
    expect(await found({ q: 'propionyl' })).toEqual([3])
  })

  it('matches Vietnamese with or without diacritics, and ignores case', async () => {
    expect(await found({ q: 'Nguyen Van Hung' })).toEqual([2])
    expect(await found({ q: 'hà nội' })).toEqual([2])
    expect(await found({ q: 'ROSEWOOD' })).toEqual([2])
  })

  it('finds terms shorter than three characters by scanning', async () => {
    expect(await found({ q: 'กข' })).toEqual([0])
    expect(await found({ q: 'xq' })).toEqual([])
  })

  it('treats several words as all required', async () => {
    expect(await found({ q: 'Rosewood container' })).toEqual([2])
    expect(await found({ q: 'Rosewood pangolin' })).toEqual([])
  })

  it('takes quotes and operators in the search box as plain text', async () => {
    for (const q of ['"', 'AND OR NOT', 'a*', '(', '%', '_', "'; DROP TABLE cases; --"]) {
      const reply = await station.dispatch('cases.search', { q }, officer)
      expect(reply.ok).toBe(true)
    }
  })

  it('combines text with category, agency, status and date filters', async () => {
    expect(await found({ category: 'wildlife' })).toEqual([1])
    expect(await found({ agency: 'forestry' })).toEqual([2])
    expect(await found({ from: '2026-11-01', to: '2026-11-05' })).toEqual([1, 0])
    expect(await found({ from: '2026-11-06' })).toEqual([3])
    expect(await found({ q: 'ยาบ้า', category: 'wildlife' })).toEqual([])
    expect(await found({ status: 'closed' })).toEqual([])
  })

  it('says when a text search matched more cases than it takes, keeping the most recently logged', async () => {
    const db = new Database(join(dir, 'station.db'), { readonly: true })
    try {
      const page = searchCases(db, CaseQuery.parse({ q: 'a' }), 2)
      expect(page.capped).toBe(true)
      expect(page.total).toBe(2)
      expect(page.rows.map((r) => ids.indexOf(r.id)).sort()).toEqual([2, 3])
      expect(searchCases(db, CaseQuery.parse({ q: 'propionyl' }), 2).capped).toBe(false)
    } finally {
      db.close()
    }
  })

  it('sorts stably and pages without gaps or repeats', async () => {
    expect(await found({ sort: 'occurredAt', dir: 'asc' })).toEqual([2, 0, 1, 3])
    const pages = [
      ...(await found({ sort: 'category', dir: 'asc', limit: 3, offset: 0 })),
      ...(await found({ sort: 'category', dir: 'asc', limit: 3, offset: 3 }))
    ]
    expect(pages).toEqual([0, 3, 2, 1])
    expect((await call(station, 'cases.search', { limit: 1 })).total).toBe(4)
  })
})
