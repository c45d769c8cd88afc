import type { PlanContent, PlanDiff, PlanListDiff, PlanListName } from '../../../preload/api'
import { LIST_FIELDS, LIST_ROOTS, META_TEXT_FIELDS } from '../../../preload/plan-layout'
import { diffText } from './text-diff'

type Value = string | string[]
type Item = Record<string, Value> & { id: string }
type FieldChange = PlanDiff['fields'][number]

const same = (a: Value, b: Value) => (Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b)

function changes(fields: readonly string[], before: Record<string, Value>, after: Record<string, Value>, prefix = ''): FieldChange[] {
  return fields
    .filter((f) => !same(before[f], after[f]))
    .map((f) => ({ field: `${prefix}${f}`, before: before[f], after: after[f] }))
}

const label = (item: Item) => String(item.title ?? item.name ?? item.text ?? item.id)

function diffList(list: PlanListName, before: readonly Item[], after: readonly Item[]): PlanListDiff {
  const old = new Map(before.map((i) => [i.id, i]))
  const now = new Map(after.map((i) => [i.id, i]))
  return {
    added: after.filter((i) => !old.has(i.id)),
    removed: before.filter((i) => !now.has(i.id)),
    changed: after
      .filter((i) => old.has(i.id))
      .map((i) => ({ id: i.id, label: label(i), changes: changes(LIST_FIELDS[list], old.get(i.id)!, i) }))
      .filter((c) => c.changes.length > 0)
  }
}

/** What changed from one plan content to another: fields, list items by ID, and the notes word by word. */
export function diffPlans(before: PlanContent, after: PlanContent, from: string, to: string): PlanDiff {
  const asValues = (c: PlanContent) => c as unknown as Record<string, Value>
  const fields = [
    ...changes([...META_TEXT_FIELDS, 'phase', 'crossings'], asValues(before), asValues(after)),
    ...changes(['hotline', 'radio', 'languages'], before.comms, after.comms, 'comms.')
  ]
  const lists = Object.fromEntries(
    LIST_ROOTS.map((list) => [list, diffList(list, before[list] as unknown as Item[], after[list] as unknown as Item[])])
  ) as PlanDiff['lists']
  const changed = before.notes !== after.notes
  return { from, to, fields, lists, notes: { changed, parts: changed ? diffText(before.notes, after.notes) : [] } }
}
