/**
 * The plan document as the screens bind to it: the roots and keys main/core/plans/plan-doc.ts defines
 * (the contract between station versions), read as defensively as main reads them, and the few ways a
 * screen writes into them. Scalars inside a map are last-writer-wins per key, so two officers editing
 * different fields of one task both keep their edit.
 */
import * as Y from 'yjs'
import type { PlanListName, TaskStatus } from '../../../../../preload/api'

export interface PlanRoots {
  meta: Y.Map<unknown>
  crossings: Y.Array<unknown>
  agencies: Y.Array<unknown>
  objectives: Y.Array<unknown>
  tasks: Y.Array<unknown>
  comms: Y.Map<unknown>
  contacts: Y.Array<unknown>
  notes: Y.XmlFragment
  results: Y.Array<unknown>
}

export const NOTES_FIELD = 'notes'

export function planRoots(doc: Y.Doc): PlanRoots {
  return {
    meta: doc.getMap('meta'),
    crossings: doc.getArray('crossings'),
    agencies: doc.getArray('agencies'),
    objectives: doc.getArray('objectives'),
    tasks: doc.getArray('tasks'),
    comms: doc.getMap('comms'),
    contacts: doc.getArray('contacts'),
    notes: doc.getXmlFragment(NOTES_FIELD),
    results: doc.getArray('results')
  }
}

export const text = (value: unknown): string => (typeof value === 'string' ? value : '')
export const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [])

/** A list item: its id and the map whose keys the row's fields bind to. */
export interface ListItem {
  id: string
  map: Y.Map<unknown>
}

/** The items of a list root that are maps with an id; anything else is skipped, a duplicate id counts once. */
export function listItems(array: Y.Array<unknown>): ListItem[] {
  const seen = new Set<string>()
  const items: ListItem[] = []
  for (const value of array.toArray()) {
    if (!(value instanceof Y.Map)) continue
    const id = value.get('id')
    if (typeof id !== 'string' || !id || seen.has(id)) continue
    seen.add(id)
    items.push({ id, map: value })
  }
  return items
}

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
