import {
  SHARE_FIELDS,
  type Case,
  type ShareField,
  type SharedCase,
  type SharedRecordValue
} from '../../../preload/api'

/** The picked groups in their canonical order, with `core` always in: the same choice always reads the same. */
export function normaliseFields(fields: readonly ShareField[]): ShareField[] {
  const picked = new Set<ShareField>(['core', ...fields])
  return SHARE_FIELDS.filter((f) => picked.has(f))
}

function ageAt(person: Case['persons'][number], occurredAt: string): number | undefined {
  if (person.age !== undefined) return person.age
  if (person.birthYear === undefined) return undefined
  return Math.max(0, new Date(occurredAt).getUTCFullYear() - person.birthYear)
}

/**
 * The part of a case that goes across for the picked groups. Built field by field from what is picked,
 * never by copying the case and deleting, so a field added to cases later stays home until it is offered.
 */
export function pickSharedCase(c: Case, fields: readonly ShareField[]): SharedCase {
  const has = (f: ShareField) => fields.includes(f)
  const shared: SharedCase = {
    occurredAt: c.occurredAt,
    category: c.category,
    location: c.location,
    locationKind: c.locationKind,
    ...(c.lat !== undefined && c.lon !== undefined ? { lat: c.lat, lon: c.lon } : {}),
    agency: c.agency
  }
  if (has('summary')) shared.summary = c.summary
  if (has('narrative')) shared.narrative = c.narrative
  if (has('items')) shared.items = c.items
  if (has('conveyances')) shared.conveyances = c.conveyances
  const personal = has('persons.basic') || has('persons.names') || has('persons.idDocuments')
  if (personal) {
    shared.persons = c.persons.map((p) => {
      const age = ageAt(p, c.occurredAt)
      return {
        ...(has('persons.basic') ? { role: p.role, sex: p.sex, ...(p.nationality ? { nationality: p.nationality } : {}), ...(age !== undefined ? { age } : {}) } : {}),
        ...(has('persons.names') ? { name: p.name } : {}),
        ...(has('persons.idDocuments') ? { idType: p.idType, ...(p.idNumber ? { idNumber: p.idNumber } : {}) } : {})
      }
    })
  }
  return shared
}

/** Everything a search on the receiving side should find the record by, in whatever script it was written. */
export function sharedRecordText(r: SharedRecordValue): string {
  const c = r.case
  return [
    r.caseRef,
    c?.location,
    c?.summary,
    c?.narrative,
    ...(c?.items ?? []).flatMap((i) => [i.commodity, i.species, i.chemical]),
    ...(c?.persons ?? []).flatMap((p) => [p.name, p.idNumber]),
    ...(c?.conveyances ?? []).flatMap((v) => [v.plate, v.description]),
    r.withdrawn?.reason
  ]
    .filter((part): part is string => Boolean(part))
    .join('\n')
}
