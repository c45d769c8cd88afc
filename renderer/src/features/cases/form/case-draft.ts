import type { Agency, Case, CaseInput, Category } from '../../../../../preload/api'
import type { EnumValue } from '../../../i18n/enum-groups'
import { isoToLocalInput, localInputToIso, nowLocalInput } from './local-datetime'
import type { FieldErrors } from './field-errors'

/** The form holds what the officer typed (numbers as text), so half-typed values are never lost or coerced. */
export interface ItemDraft {
  key: number
  commodity: string
  quantity: string
  unit: EnumValue<'unit'>
  species: string
  chemical: string
}

export interface PersonDraft {
  key: number
  name: string
  nationality: string
  sex: EnumValue<'sex'>
  age: string
  birthYear: string
  idType: EnumValue<'idType'>
  idNumber: string
  role: EnumValue<'role'>
}

export interface ConveyanceDraft {
  key: number
  type: EnumValue<'conveyance'> | ''
  plate: string
  country: string
  description: string
}

export interface CaseDraft {
  occurredAt: string
  /** The stored value when editing: kept as is (with its own offset) unless the officer changes the time. */
  storedOccurredAt?: string
  category: Category | ''
  location: string
  locationKind: EnumValue<'locationKind'>
  lat: string
  lon: string
  officer: string
  agency: Agency
  summary: string
  narrative: string
  items: ItemDraft[]
  persons: PersonDraft[]
  conveyances: ConveyanceDraft[]
}

let nextKey = 1
/** React keys for repeatable rows, so removing row 2 does not shift focus or typed text into row 3. */
export const rowKey = (): number => nextKey++

export const emptyItem = (): ItemDraft => ({ key: rowKey(), commodity: '', quantity: '', unit: 'kg', species: '', chemical: '' })

export const emptyPerson = (): PersonDraft => ({
  key: rowKey(),
  name: '',
  nationality: '',
  sex: 'unknown',
  age: '',
  birthYear: '',
  idType: 'none',
  idNumber: '',
  role: 'suspect'
})

export const emptyConveyance = (): ConveyanceDraft => ({ key: rowKey(), type: '', plate: '', country: '', description: '' })

export function newDraft(defaults: { officer: string; agency: Agency }): CaseDraft {
  return {
    occurredAt: nowLocalInput(),
    category: '',
    location: '',
    locationKind: 'crossing',
    lat: '',
    lon: '',
    officer: defaults.officer,
    agency: defaults.agency,
    summary: '',
    narrative: '',
    items: [],
    persons: [],
    conveyances: []
  }
}

const str = (n: number | undefined) => (n === undefined ? '' : String(n))

export function caseToDraft(c: Case): CaseDraft {
  return {
    occurredAt: isoToLocalInput(c.occurredAt),
    storedOccurredAt: c.occurredAt,
    category: c.category,
    location: c.location,
    locationKind: c.locationKind,
    lat: str(c.lat),
    lon: str(c.lon),
    officer: c.officer,
    agency: c.agency,
    summary: c.summary,
    narrative: c.narrative,
    items: c.items.map((i) => ({
      key: rowKey(),
      commodity: i.commodity,
      quantity: str(i.quantity),
      unit: i.unit,
      species: i.species ?? '',
      chemical: i.chemical ?? ''
    })),
    persons: c.persons.map((p) => ({
      key: rowKey(),
      name: p.name,
      nationality: p.nationality ?? '',
      sex: p.sex,
      age: str(p.age),
      birthYear: str(p.birthYear),
      idType: p.idType,
      idNumber: p.idNumber ?? '',
      role: p.role
    })),
    conveyances: c.conveyances.map((v) => ({
      key: rowKey(),
      type: v.type,
      plate: v.plate ?? '',
      country: v.country ?? '',
      description: v.description ?? ''
    }))
  }
}

const optional = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim())

/**
 * Draft to contract input. Text that is not a number is reported here (zod would only see "missing");
 * everything else is left for CaseInput itself to judge, so the rules live in one place.
 */
export function draftToInput(d: CaseDraft): { input: CaseInput; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const number = (path: string, s: string): number | undefined => {
    // Thousands separators are common in typed quantities ("120,000"); decimals use a point in all three languages.
    const cleaned = s.replace(/[,\s]/g, '')
    if (cleaned === '') return undefined
    const n = Number(cleaned)
    if (!Number.isFinite(n)) {
      errors[path] = { key: 'validation.number' }
      return undefined
    }
    return n
  }
  let occurredAt: string | undefined
  if (d.storedOccurredAt && isoToLocalInput(d.storedOccurredAt) === d.occurredAt) {
    occurredAt = d.storedOccurredAt
  } else if (d.occurredAt !== '') {
    occurredAt = localInputToIso(d.occurredAt) ?? undefined
    if (!occurredAt) errors.occurredAt = { key: 'validation.dateTime' }
  }
  const input = {
    occurredAt,
    category: d.category || undefined,
    location: d.location,
    locationKind: d.locationKind,
    lat: number('lat', d.lat),
    lon: number('lon', d.lon),
    officer: d.officer,
    agency: d.agency,
    summary: d.summary,
    narrative: d.narrative,
    items: d.items.map((i, n) => ({
      commodity: i.commodity,
      quantity: number(`items.${n}.quantity`, i.quantity),
      unit: i.unit,
      species: optional(i.species),
      chemical: optional(i.chemical)
    })),
    persons: d.persons.map((p, n) => ({
      name: p.name,
      nationality: optional(p.nationality),
      sex: p.sex,
      age: number(`persons.${n}.age`, p.age),
      birthYear: number(`persons.${n}.birthYear`, p.birthYear),
      idType: p.idType,
      idNumber: optional(p.idNumber),
      role: p.role
    })),
    conveyances: d.conveyances.map((v) => ({
      type: v.type || undefined,
      plate: optional(v.plate),
      country: optional(v.country),
      description: optional(v.description)
    }))
  }
  // CaseInput checks this pair only once every field is valid; saying it now saves the officer a second round.
  if ((input.lat === undefined) !== (input.lon === undefined) && !errors.lat && !errors.lon) {
    errors[input.lat === undefined ? 'lat' : 'lon'] = { key: 'validation.latLonPair' }
  }
  // Missing required values stay undefined on purpose: CaseInput reports them as "required" by field.
  return { input: input as CaseInput, errors }
}
