import { describe, expect, it } from 'vitest'
import { CaseInput, type CaseInputParsed } from '../../preload/schemas/cases'
import { CATEGORIES } from '../../preload/vocabulary'
import { CROSSING_IDS, DEFAULT_SEED_UNTIL, generateCases } from '../../main/core/cases/seed'

const take = (count: number, seed: number | string, options?: Parameters<typeof generateCases>[2]) => [
  ...generateCases(count, seed, options)
]

/** All the free text of a case, where a search would look. */
const textOf = (c: CaseInputParsed) =>
  [
    c.location,
    c.officer,
    c.summary,
    c.narrative,
    ...c.items.map((i) => `${i.commodity} ${i.species ?? ''} ${i.chemical ?? ''}`),
    ...c.persons.map((p) => `${p.name} ${p.idNumber ?? ''}`),
    ...c.conveyances.map((v) => `${v.plate ?? ''} ${v.description ?? ''}`)
  ].join('\n')

describe('generateCases', () => {
  const sample = take(2000, 'unit-test')

  it('gives the same cases for the same seed, and different ones for another seed', () => {
    expect(take(300, 'unit-test')).toEqual(sample.slice(0, 300))
    expect(take(50, 7)).toEqual(take(50, 7))
    const other = take(50, 8)
    expect(other.filter((c, i) => c.summary === take(50, 7)[i].summary).length).toBeLessThan(5)
  })

  it('produces cases that the API accepts unchanged', () => {
    for (const c of sample) {
      const parsed = CaseInput.safeParse(c)
      if (!parsed.success) throw new Error(`${JSON.stringify(c)}\n${parsed.error.message}`)
      // Nothing for the schema to trim, default or coerce: what is generated is what gets stored.
      expect(parsed.data).toEqual(c)
    }
  })

  it('writes names and text in every script the borders use', () => {
    const all = sample.map(textOf).join('\n')
    const scripts: Record<string, RegExp> = {
      thai: /[\u0E01-\u0E5B]/,
      lao: /[\u0E81-\u0EDF]/,
      burmese: /[\u1000-\u109F]/,
      khmer: /[\u1780-\u17FF]/,
      chinese: /[\u4E00-\u9FFF]/,
      vietnamese: /[ăâđêôơưĂÂĐÊÔƠƯ][\p{L}]*|[\u1EA0-\u1EF9]/u,
      latin: /\b[A-Za-z]{4,}\b/
    }
    for (const [name, pattern] of Object.entries(scripts)) expect(pattern.test(all), name).toBe(true)

    const personNames = sample.flatMap((c) => c.persons.map((p) => p.name)).join('\n')
    for (const name of ['thai', 'lao', 'burmese', 'khmer', 'chinese', 'vietnamese', 'latin']) {
      expect(scripts[name].test(personNames), `person names in ${name}`).toBe(true)
    }
    // Summaries are written in Thai, Lao and English (and Vietnamese at Moc Bai), not just one of them.
    const summaries = sample.map((c) => c.summary)
    for (const pattern of [scripts.thai, scripts.lao, /^[A-Z0-9]/]) {
      expect(summaries.filter((s) => pattern.test(s)).length).toBeGreaterThan(sample.length / 10)
    }
  })

  it('covers every category, nationality and plate style with plausible amounts', () => {
    expect(new Set(sample.map((c) => c.category))).toEqual(new Set(CATEGORIES))
    expect(new Set(sample.flatMap((c) => c.persons.map((p) => p.nationality)))).toEqual(new Set(['TH', 'LA', 'MM', 'KH', 'VN', 'CN']))

    const plates = sample.flatMap((c) => c.conveyances.map((v) => v.plate ?? ''))
    expect(plates.some((p) => /^\d?[ก-ฮ]{2} \d{1,4} [ก-๛]+$/.test(p))).toBe(true) // กข 1234 เชียงราย
    expect(plates.some((p) => /^ນວ \d{4}$/.test(p))).toBe(true)
    expect(plates.some((p) => /^\d{2}[A-Z]-\d{3}\.\d{2}$/.test(p))).toBe(true) // 70A-123.45

    for (const c of sample) {
      for (const item of c.items) {
        if (item.unit === 'tablets' && /yaba|ยาบ้า|ຢາບ້າ|hồng phiến/.test(item.commodity)) {
          expect(item.quantity).toBeGreaterThanOrEqual(10_000)
          expect(item.quantity).toBeLessThanOrEqual(2_000_000)
        }
      }
      if (c.category === 'people_trafficking') {
        expect(c.items).toEqual([])
        expect(c.persons.some((p) => p.role === 'victim')).toBe(true)
      }
      if (c.category === 'precursors') expect(c.items.every((i) => i.chemical)).toBe(true)
      if (c.category === 'wildlife' || c.category === 'timber') expect(c.items.every((i) => i.species)).toBe(true)
    }
  })

  it('spreads cases over the two years before the end date, in local time', () => {
    const until = Date.parse(DEFAULT_SEED_UNTIL)
    const times = sample.map((c) => Date.parse(c.occurredAt))
    expect(Math.max(...times)).toBeLessThanOrEqual(until)
    expect(Math.min(...times)).toBeGreaterThanOrEqual(until - 731 * 86_400_000)
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(700 * 86_400_000)
    expect(sample.every((c) => /[+]0(7:00|6:30)$/.test(c.occurredAt))).toBe(true)

    const recent = take(20, 1, { until: '2030-06-30T00:00:00Z', days: 30 })
    for (const c of recent) expect(c.occurredAt >= '2030-05-31' && c.occurredAt < '2030-06-30').toBe(true)
  })

  it('can keep to one office, as the demo station does', () => {
    const chiangKhong = take(200, 'demo', { office: { crossing: 'chiang-khong-houayxay', country: 'TH' } })
    const lat = chiangKhong.filter((c) => c.lat !== undefined).map((c) => c.lat!)
    expect(Math.min(...lat)).toBeGreaterThan(20)
    expect(Math.max(...lat)).toBeLessThan(20.4)
    expect(chiangKhong.every((c) => /\p{Script=Thai}|[A-Za-z]/u.test(c.summary))).toBe(true)
    // A Lao plate may appear in a Thai summary, but no summary is written in Lao.
    expect(chiangKhong.some((c) => /^\p{Script=Lao}/u.test(c.summary))).toBe(false)
  })

  it('refuses bad arguments with the name of the one at fault', () => {
    expect(() => take(-1, 1)).toThrow(/^count/)
    expect(() => take(1.5, 1)).toThrow(/^count/)
    expect(() => take(1, 1, { days: 0 })).toThrow(/^days/)
    expect(() => take(1, 1, { until: 'yesterday' })).toThrow(/^until/)
    expect(() => take(1, 1, { office: { crossing: 'nowhere', country: 'TH' } })).toThrow(/^office\.crossing/)
    expect(() => take(1, 1, { office: { crossing: CROSSING_IDS[0], country: 'VN' } })).toThrow(/^office\.country/)
  })
})
