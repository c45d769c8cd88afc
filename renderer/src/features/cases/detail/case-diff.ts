import type { Case } from '../../../../../preload/api'

export const SCALAR_FIELDS = [
  'status',
  'occurredAt',
  'category',
  'summary',
  'location',
  'locationKind',
  'lat',
  'lon',
  'agency',
  'officer',
  'narrative'
] as const satisfies readonly (keyof Case)[]
export type ScalarField = (typeof SCALAR_FIELDS)[number]

export const LIST_FIELDS = ['items', 'persons', 'conveyances'] as const
export type ListField = (typeof LIST_FIELDS)[number]
export type ListEntry<L extends ListField = ListField> = Case[L][number]

export type Change =
  | { kind: 'field'; field: ScalarField; before: unknown; after: unknown }
  | { kind: 'added' | 'removed'; list: ListField; index: number; entry: ListEntry }
  | { kind: 'entry'; list: ListField; index: number; field: string; before: unknown; after: unknown }

const same = (a: unknown, b: unknown) => (a ?? '') === (b ?? '')
/** The same instant written with another offset is not a change. */
const sameInstant = (a: unknown, b: unknown) =>
  same(a, b) || (typeof a === 'string' && typeof b === 'string' && Date.parse(a) === Date.parse(b))

/**
 * What an officer changed between two versions, field by field. Lists are compared by position:
 * that is how the form edits them, so "item 2 quantity 100 → 120" reads the way it was done.
 */
export function diffCases(before: Case, after: Case): Change[] {
  const changes: Change[] = []
  for (const field of SCALAR_FIELDS) {
    const equal = field === 'occurredAt' ? sameInstant : same
    if (!equal(before[field], after[field])) changes.push({ kind: 'field', field, before: before[field], after: after[field] })
  }
  for (const list of LIST_FIELDS) {
    const a: readonly ListEntry[] = before[list]
    const b: readonly ListEntry[] = after[list]
    for (let index = 0; index < Math.max(a.length, b.length); index++) {
      const old = a[index]
      const now = b[index]
      if (!old && now) changes.push({ kind: 'added', list, index, entry: now })
      else if (old && !now) changes.push({ kind: 'removed', list, index, entry: old })
      else if (old && now) {
        const keys = new Set([...Object.keys(old), ...Object.keys(now)])
        for (const field of keys) {
          const x = (old as Record<string, unknown>)[field]
          const y = (now as Record<string, unknown>)[field]
          if (!same(x, y)) changes.push({ kind: 'entry', list, index, field, before: x, after: y })
        }
      }
    }
  }
  return changes
}
