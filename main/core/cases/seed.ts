/**
 * Realistic synthetic cases for demos, tests and benchmarks (`blo seed`, `--demo`, `npm run bench`).
 * Pure and deterministic: the same count, seed and options give the same cases, byte for byte,
 * and cases are produced one at a time so a million never sit in memory together.
 */
import type { CaseInputParsed, Category } from '../../../preload/schemas/cases'
import { CONVEYANCE_WORDS, conveyanceDescription, plateFor, type ConveyanceType } from './seed-data/conveyances'
import { officerName } from './seed-data/officers'
import { idNumber, personName, type IdType } from './seed-data/people'
import { CROSSINGS, type BorderSide, type Crossing, type Spot } from './seed-data/places'
import { Rng } from './seed-data/random'
import { drawQuantity, pickCommodity, type Commodity, type GoodsCategory } from './seed-data/seizures'
import { writeNarrative, writeSummary, type Approach, type Story, type StoryKind } from './seed-data/texts'
import {
  AGENCY_WORDS,
  COUNTRY_WORDS,
  NATIONALITY_WORDS,
  UNIT_WORDS,
  formatDay,
  formatNumber,
  type Agency,
  type CountryCode,
  type Lang
} from './seed-data/vocabulary'

export const CROSSING_IDS = CROSSINGS.map((c) => c.id)

export interface SeedOptions {
  /** Latest day a case may fall on; cases spread over the `days` before it. Fixed by default so a seed means the same cases on any day. */
  until?: Date | string
  days?: number
  /** Only cases logged by one office: a crossing id and the country of the side it sits on (the demo's Thai BLO at Chiang Khong). */
  office?: { crossing: string; country: CountryCode }
}

/** The default end of the seeded period; callers who want "the last two years" pass `until: new Date()`. */
export const DEFAULT_SEED_UNTIL = '2026-11-01T00:00:00Z'
const DAY_MS = 86_400_000

const CATEGORY_WEIGHTS: readonly (readonly [Category, number])[] = [
  ['narcotics', 35],
  ['precursors', 5],
  ['wildlife', 12],
  ['timber', 8],
  ['counterfeit', 10],
  ['people_trafficking', 6],
  ['migrant_smuggling', 10],
  ['weapons', 4],
  ['currency', 5],
  ['other', 5]
]

const AGENCY_BY_CATEGORY: Record<Category, readonly (readonly [Agency, number])[]> = {
  narcotics: [['police', 6], ['customs', 3], ['other', 1]],
  precursors: [['customs', 6], ['police', 4]],
  wildlife: [['forestry', 4], ['customs', 4], ['police', 2]],
  timber: [['forestry', 7], ['police', 2], ['other', 1]],
  counterfeit: [['customs', 9], ['police', 1]],
  people_trafficking: [['police', 6], ['immigration', 4]],
  migrant_smuggling: [['immigration', 6], ['police', 3], ['other', 1]],
  weapons: [['police', 6], ['customs', 2], ['other', 2]],
  currency: [['customs', 8], ['police', 2]],
  other: [['customs', 7], ['other', 3]]
}

/** Which side of a crossing logs more cases: the Thai and Vietnamese offices see the most traffic. */
const SIDE_WEIGHT: Record<CountryCode, number> = { TH: 3, LA: 2, MM: 1, KH: 2, VN: 3, CN: 1 }

const APPROACH_BY_CATEGORY: Partial<Record<Category, readonly (readonly [Approach, number])[]>> = {
  narcotics: [['vehicle', 70], ['boat', 15], ['foot', 15]],
  timber: [['vehicle', 70], ['boat', 30]],
  people_trafficking: [['vehicle', 85], ['boat', 15]],
  migrant_smuggling: [['vehicle', 60], ['boat', 15], ['foot', 25]]
}
const DEFAULT_APPROACH: readonly (readonly [Approach, number])[] = [['vehicle', 85], ['boat', 10], ['foot', 5]]

const VEHICLES_SMALL: readonly (readonly [ConveyanceType, number])[] = [
  ['pickup', 35], ['car', 25], ['truck', 10], ['bus', 8], ['motorcycle', 15], ['other', 7]
]
const VEHICLES_BULK: readonly (readonly [ConveyanceType, number])[] = [['truck', 70], ['pickup', 30]]
const VEHICLES_PEOPLE: readonly (readonly [ConveyanceType, number])[] = [['other', 45], ['pickup', 25], ['bus', 20], ['truck', 10]]

/** Officers on these borders work around the clock, but most stops happen at dawn and in the evening. */
const HOUR_WEIGHTS: readonly (readonly [number, number])[] = Array.from(
  { length: 24 },
  (_, h) => [h, h >= 4 && h <= 7 ? 3 : h >= 18 && h <= 23 ? 3 : 2] as const
)

const FEES: Record<CountryCode, { code: string; min: number; max: number; step: number; words: Partial<Record<Lang, string>> }> = {
  TH: { code: 'THB', min: 5_000, max: 50_000, step: 1000, words: { th: 'บาท' } },
  LA: { code: 'LAK', min: 2_000_000, max: 20_000_000, step: 500_000, words: { lo: 'ກີບ' } },
  MM: { code: 'MMK', min: 500_000, max: 5_000_000, step: 100_000, words: {} },
  KH: { code: 'USD', min: 200, max: 2_000, step: 50, words: {} },
  VN: { code: 'VND', min: 5_000_000, max: 50_000_000, step: 1_000_000, words: { vi: 'đồng' } },
  CN: { code: 'CNY', min: 1_000, max: 10_000, step: 100, words: {} }
}

function parseUntil(until: Date | string | undefined): number {
  const ms = until === undefined ? Date.parse(DEFAULT_SEED_UNTIL) : until instanceof Date ? until.getTime() : Date.parse(until)
  if (!Number.isFinite(ms)) throw new RangeError(`until: not a date: ${String(until)}`)
  return ms
}

interface Scope {
  crossings: readonly Crossing[]
  /** Only this side's office logs cases. */
  country?: CountryCode
}

function scopeCrossings(office: SeedOptions['office']): Scope {
  if (!office) return { crossings: CROSSINGS }
  const crossing = CROSSINGS.find((c) => c.id === office.crossing)
  if (!crossing) throw new RangeError(`office.crossing: unknown crossing "${office.crossing}"; known: ${CROSSING_IDS.join(', ')}`)
  if (!crossing.sides.some((s) => s.country === office.country)) {
    throw new RangeError(`office.country: ${office.country} has no office at ${office.crossing}`)
  }
  return { crossings: [crossing], country: office.country }
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals
  return Math.round(value * f) / f
}

function near(rng: Rng, spot: Spot, spread: number): { lat: number; lon: number } {
  return {
    lat: round(spot.lat + (rng.next() - 0.5) * spread, 5),
    lon: round(spot.lon + (rng.next() - 0.5) * spread, 5)
  }
}

function decimalsOf(step: number): number {
  return step < 1 ? String(step).split('.')[1].length : 0
}

/** "ยาบ้า 400,000 เม็ด", "400,000 methamphetamine tablets (yaba)", "undeclared cash (THB 2,500,000)", "400.000 viên hồng phiến". */
function goodsPhrase(commodity: Commodity, quantity: number, lang: Lang): string {
  const amount = formatNumber(quantity, lang, decimalsOf(commodity.step))
  const word = commodity.words[lang]
  const counted = commodity.counter?.[lang] ?? UNIT_WORDS[commodity.unit][lang]
  switch (lang) {
    case 'en':
      return commodity.counter?.en ? `${word} (${commodity.counter.en} ${amount})` : `${amount} ${counted}${word}`
    case 'vi':
      return commodity.unit === 'other' ? `${word} ${amount} ${counted}` : `${amount} ${counted} ${word}`
    default:
      return `${word} ${amount} ${counted}`.trimEnd()
  }
}

/** Too big to hide in a spare tyre: tonnes, cubic metres, truckloads. */
function isBulky(commodity: Commodity, quantity: number): boolean {
  switch (commodity.unit) {
    case 'm3':
    case 'L':
      return true
    case 'kg':
      return quantity >= 100
    case 'tablets':
      return quantity >= 500_000
    case 'pieces':
      return quantity >= 2000
    case 'head':
      return quantity >= 50
    default:
      return false
  }
}

class CaseWriter {
  private readonly crossings: readonly (readonly [Crossing, number])[]
  private readonly officeCountry?: CountryCode

  constructor(
    private readonly rng: Rng,
    scope: Scope,
    private readonly untilMs: number,
    private readonly days: number
  ) {
    this.crossings = scope.crossings.map((c) => [c, c.weight] as const)
    this.officeCountry = scope.country
  }

  next(): CaseInputParsed {
    const rng = this.rng
    const crossing = rng.weighted(this.crossings)
    const side = this.officeCountry
      ? crossing.sides.find((s) => s.country === this.officeCountry)!
      : rng.weighted(crossing.sides.map((s) => [s, SIDE_WEIGHT[s.country]] as const))
    const other = crossing.sides[0] === side ? crossing.sides[1] : crossing.sides[0]
    const lang: Lang = side.lang && rng.chance(0.65) ? side.lang : 'en'
    const category = rng.weighted(CATEGORY_WEIGHTS)
    const agency = rng.weighted(AGENCY_BY_CATEGORY[category])
    const when = this.occurredAt(side)

    const locationKind = rng.weighted([['crossing', 45], ['checkpoint', 35], ['other', 20]] as const)
    const spot =
      locationKind === 'crossing' ? side.crossing : rng.pick(locationKind === 'checkpoint' ? side.checkpoints : side.elsewhere)
    const placeText = lang === 'en' ? spot.en : spot.local
    // Offices writing English on the Myanmar and Cambodian sides still often note the place in the local script.
    const location = !side.lang && rng.chance(0.3) ? spot.local : placeText
    const coords = rng.chance(locationKind === 'other' ? 0.5 : 0.8) ? near(rng, spot, locationKind === 'other' ? 0.02 : 0.004) : undefined

    const approach = rng.weighted(APPROACH_BY_CATEGORY[category] ?? DEFAULT_APPROACH)
    const people = category === 'people_trafficking' || category === 'migrant_smuggling'
    const goods = people ? [] : this.seizedGoods(category as GoodsCategory)
    const bulky = goods.some((g) => isBulky(g.commodity, g.quantity))

    const persons: CaseInputParsed['persons'] = []
    const suspectNames: string[] = []
    const addSuspects = (count: number) => {
      for (let i = 0; i < count; i++) {
        const p = this.person(rng.weighted(side.people), 'suspect', when.year, side, other)
        persons.push(p)
        suspectNames.push(p.name)
      }
    }

    let kind: StoryKind
    let crowd: Story['people']
    if (people) {
      const trafficking = category === 'people_trafficking'
      const nationality = rng.chance(0.7) ? other.country : rng.weighted(side.people)
      const count = trafficking ? rng.int(2, 15) : Math.round(rng.logUniform(3, 30))
      let minors = 0
      for (let i = 0; i < count; i++) {
        const age = trafficking ? rng.int(13, 30) : rng.int(16, 50)
        if (age < 18) minors++
        persons.push(this.person(nationality, trafficking ? 'victim' : 'other', when.year, side, other, age))
      }
      addSuspects(trafficking ? rng.int(0, 2) : rng.chance(0.8) ? rng.int(1, 2) : 0)
      crowd = { count, minors, nationality: NATIONALITY_WORDS[nationality][lang] }
      kind = trafficking ? 'rescue' : 'migrants'
    } else {
      addSuspects(rng.chance(0.25) ? 0 : rng.weighted([[1, 50], [2, 30], [3, 15], [4, 5]] as const))
      kind =
        suspectNames.length === 0
          ? approach === 'vehicle'
            ? 'seizure'
            : 'abandoned'
          : approach === 'vehicle' && rng.chance(0.4)
            ? 'concealed'
            : rng.chance(0.5)
              ? 'arrest'
              : 'seizure'
    }
    if (rng.chance(0.05)) persons.push(this.person(side.country, 'witness', when.year, side, other))

    const conveyances = this.conveyances(approach, category, bulky, lang, side, other)
    const vehicleType = conveyances[0]?.type ?? (approach === 'boat' ? 'boat' : 'on_foot')
    const feeRule = FEES[side.country]
    const fee = Math.round(rng.logUniform(feeRule.min, feeRule.max) / feeRule.step) * feeRule.step
    const destination = rng.pick(side.destinations)

    const species = goods.find((g) => g.species)?.species
    const chemical = goods.find((g) => g.chemical)?.chemical
    const story: Story = {
      kind,
      approach,
      bulky,
      place: placeText,
      town: lang === 'en' ? side.town.en : side.town.local,
      counterpart: (lang === 'en' ? NATIONALITY_WORDS : COUNTRY_WORDS)[other.country][lang],
      destination: lang === 'en' ? destination.en : destination.local,
      agency: AGENCY_WORDS[agency][lang],
      day: formatDay(when.year, when.month, when.day, lang),
      time: when.time,
      goods: goods.map((g) => goodsPhrase(g.commodity, g.quantity, lang)),
      vehicle: CONVEYANCE_WORDS[vehicleType][lang],
      plate: conveyances[0]?.plate,
      suspects: suspectNames,
      fee: feeRule.words[lang] ? `${formatNumber(fee, lang)} ${feeRule.words[lang]}` : `${feeRule.code} ${formatNumber(fee, lang)}`,
      people: crowd,
      species,
      chemical
    }

    return {
      occurredAt: when.iso,
      category,
      location,
      locationKind,
      ...coords,
      officer: officerName(rng, side.country, agency, lang),
      agency,
      summary: writeSummary(lang, story),
      narrative: writeNarrative(lang, story, rng),
      items: goods.map((g) => ({
        commodity: g.commodity.words[lang],
        quantity: g.quantity,
        unit: g.commodity.unit,
        ...(g.species ? { species: g.species } : {}),
        ...(g.chemical ? { chemical: g.chemical } : {})
      })),
      persons,
      conveyances
    }
  }

  /** A local wall-clock time with the office's UTC offset, as an officer would note it. */
  private occurredAt(side: BorderSide): { iso: string; year: number; month: number; day: number; time: string } {
    const rng = this.rng
    const date = new Date(this.untilMs - rng.int(1, this.days) * DAY_MS)
    const year = date.getUTCFullYear()
    const month = date.getUTCMonth()
    const day = date.getUTCDate()
    const time = `${String(rng.weighted(HOUR_WEIGHTS)).padStart(2, '0')}:${String(rng.int(0, 11) * 5).padStart(2, '0')}`
    const offset = side.country === 'MM' ? '+06:30' : '+07:00'
    const iso = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}T${time}:00${offset}`
    return { iso, year, month, day, time }
  }

  private seizedGoods(category: GoodsCategory): { commodity: Commodity; quantity: number; species?: string; chemical?: string }[] {
    const rng = this.rng
    const extra = category === 'narcotics' ? rng.weighted([[0, 70], [1, 25], [2, 5]] as const) : rng.chance(0.15) ? 1 : 0
    const picked: Commodity[] = [pickCommodity(rng, category)]
    for (let i = 0; i < extra; i++) {
      const next = pickCommodity(rng, category)
      if (!picked.some((p) => p.words.en === next.words.en && p.unit === next.unit)) picked.push(next)
    }
    return picked.map((commodity) => ({
      commodity,
      quantity: drawQuantity(rng, commodity),
      species: commodity.species ? rng.pick(commodity.species) : undefined,
      chemical: commodity.chemical ? rng.pick(commodity.chemical) : undefined
    }))
  }

  private person(
    nationality: CountryCode,
    role: 'suspect' | 'victim' | 'witness' | 'other',
    year: number,
    side: BorderSide,
    other: BorderSide,
    age = role === 'witness' ? this.rng.int(20, 65) : this.rng.int(18, 58)
  ): CaseInputParsed['persons'][number] {
    const rng = this.rng
    const femaleShare = role === 'victim' ? 0.75 : role === 'suspect' ? 0.2 : role === 'other' ? 0.4 : 0.5
    const sex = rng.chance(femaleShare) ? 'female' : 'male'
    const name = personName(rng, nationality, sex)

    const local = nationality === side.country || nationality === other.country
    const idType: IdType | 'none' =
      role === 'victim' || role === 'other'
        ? rng.weighted([['none', 6], ['passport', 2], ['national_id', 2]] as const)
        : rng.weighted([['national_id', 3], ['passport', 2], ['border_pass', local ? 2 : 0], ['driving_licence', 1], ['none', 2]] as const)

    const ageShown = rng.next()
    return {
      name: rng.chance(0.65) ? name.native : name.latin,
      nationality,
      sex,
      ...(ageShown < 0.6 ? { age } : ageShown < 0.9 ? { birthYear: year - age } : {}),
      idType,
      ...(idType === 'none' ? {} : { idNumber: idNumber(rng, nationality, idType) }),
      role
    }
  }

  private conveyances(
    approach: Approach,
    category: Category,
    bulky: boolean,
    lang: Lang,
    side: BorderSide,
    other: BorderSide
  ): CaseInputParsed['conveyances'] {
    const rng = this.rng
    if (approach === 'foot') return rng.chance(0.3) ? [{ type: 'on_foot' }] : []
    const count = approach === 'vehicle' && rng.chance(0.15) ? 2 : 1
    const out: CaseInputParsed['conveyances'] = []
    for (let i = 0; i < count; i++) {
      const type: ConveyanceType =
        approach === 'boat'
          ? 'boat'
          : rng.weighted(
              category === 'people_trafficking' || category === 'migrant_smuggling' ? VEHICLES_PEOPLE : bulky ? VEHICLES_BULK : VEHICLES_SMALL
            )
      const country = rng.weighted([[side.country, 6], [other.country, 3], ['CN', 1]] as const)
      const plate = plateFor(rng, country, type)
      const description = conveyanceDescription(rng, type, lang)
      out.push({ type, ...(plate ? { plate } : {}), country, ...(description ? { description } : {}) })
    }
    return out
  }
}

/**
 * Yields `count` valid case inputs (each passes `CaseInput.parse`). Seeds may be numbers or text;
 * the first k cases of a longer run equal a run of k, so benchmarks at 100k and 1M share their first 100k.
 */
export function* generateCases(count: number, seed: number | string, options: SeedOptions = {}): Generator<CaseInputParsed> {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count: expected a whole number ≥ 0, got ${count}`)
  const days = options.days ?? 730
  if (!Number.isSafeInteger(days) || days < 1) throw new RangeError(`days: expected a whole number ≥ 1, got ${days}`)
  const writer = new CaseWriter(new Rng(seed), scopeCrossings(options.office), parseUntil(options.until), days)
  for (let i = 0; i < count; i++) yield writer.next()
}
