/**
 * The plan document as the screens bind to it: the layout the contract defines (preload/plan-layout.ts, shared
 * with main and read as defensively), and the few ways a screen writes into it. Scalars inside a map are
 * last-writer-wins per key, so two officers editing different fields of one task both keep their edit.
 */
import * as Y from 'yjs'
import type { PlanListName, TaskStatus } from '../../../../../preload/api'
import { planRoots, strings } from '../../../../../preload/plan-layout'

export { listItems, NOTES_FIELD, planRoots, strings, text, type ListItem } from '../../../../../preload/plan-layout'

/** The fields a new item starts with, per list (all keys present, as main writes them). */
export interface NewItem {
  agencies: { side: string; name: string; role: string }
  objectives: { text: string }
  tasks: { title: string; side: string; assignee: string; due: string; status: TaskStatus }
  contacts: { side: string; name: string; role: string; phone: string; radio: string; languages: string[] }
  results: { at: string; side: string; by: string; text: string }
}

/** Appends an item with a fresh id; returns the id. */
export function addItem<L extends PlanListName>(doc: Y.Doc, list: L, fields: NewItem[L]): string {
  const id = crypto.randomUUID()
  const map = new Y.Map<unknown>()
  map.set('id', id)
  for (const [key, value] of Object.entries(fields)) map.set(key, value)
  doc.transact(() => planRoots(doc)[list].push([map]))
  return id
}

export function removeItem(doc: Y.Doc, list: PlanListName, id: string): void {
  const array = planRoots(doc)[list]
  doc.transact(() => {
    const index = array.toArray().findIndex((value) => value instanceof Y.Map && value.get('id') === id)
    if (index >= 0) array.delete(index, 1)
  })
}

/** Sets one key, unless it already holds that value (an unchanged field should not become an edit). */
export function setField(map: Y.Map<unknown>, key: string, value: string | string[]): void {
  const current = map.get(key)
  const same = Array.isArray(value)
    ? Array.isArray(current) && current.length === value.length && value.every((v, i) => current[i] === v)
    : current === value
  if (!same) map.doc!.transact(() => map.set(key, value))
}

export function addCrossing(doc: Y.Doc, crossing: string): void {
  const crossings = planRoots(doc).crossings
  if (strings(crossings.toArray()).includes(crossing)) return
  crossings.push([crossing])
}

/** By value, not by position: the counterpart may have added one before it meanwhile. */
export function removeCrossing(doc: Y.Doc, crossing: string): void {
  const crossings = planRoots(doc).crossings
  doc.transact(() => {
    const index = crossings.toArray().indexOf(crossing)
    if (index >= 0) crossings.delete(index, 1)
  })
}

/** Languages, hotline names and the like are typed as one comma-separated line. */
export const splitList = (line: string): string[] =>
  line
    .split(/[,،、，]/)
    .map((part) => part.trim())
    .filter(Boolean)
