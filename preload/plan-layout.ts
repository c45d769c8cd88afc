/**
 * The layout of a plan document (`plan/<id>`), the one thing the screens bind to, main reads and the peer writes
 * into: part of the contract, so main and the renderer share this one definition. Every root type and key named
 * here is part of the contract between station versions: add, never rename.
 *
 *   meta        Y.Map     title, codeName, periodFrom, periodTo, area (strings), status (PlanPhase),
 *                         originStation, partnerStation (station IDs), moreStations (station IDs, string[]: a
 *                         plan among more than two offices), createdAt, createdBy
 *   crossings   Y.Array<string>
 *   agencies    Y.Array<Y.Map>   id, side, name, role
 *   objectives  Y.Array<Y.Map>   id, text
 *   tasks       Y.Array<Y.Map>   id, title, side, assignee, due, status (TaskStatus)
 *   comms       Y.Map     hotline, radio (strings), languages (string[])
 *   contacts    Y.Array<Y.Map>   id, side, name, role, phone, radio, languages (string[])
 *   notes       Y.XmlFragment    ProseMirror content as y-prosemirror writes it (Tiptap Collaboration, field 'notes')
 *   results     Y.Array<Y.Map>   id, at, side, by, text: the after-action log
 *   signoff     Y.Map     station ID → signed approval (written only by that station)
 *   versions    Y.Map     version ID → named version with its Yjs snapshot
 *
 * Scalar values inside maps are last-writer-wins per key, so two officers editing different fields of one
 * task both keep their edit; the same field resolves the same way on both stations (Yjs orders by client).
 */
import * as Y from 'yjs'
import type { PlanListName } from './schemas/plans'

export const LIST_ROOTS = ['agencies', 'objectives', 'tasks', 'contacts', 'results'] as const satisfies readonly PlanListName[]
/** Roots whose content the joint sign-off covers (see main/core/plans/plan-hash.ts). */
export const CONTENT_ROOTS = ['meta', 'crossings', ...LIST_ROOTS, 'comms', 'notes'] as const
/**
 * Meta keys outside the signed content, which a restore leaves alone too: the workflow phase moves after
 * agreement (active, completed) without changing what was agreed, and who plans together is what the
 * signatures themselves establish.
 */
export const UNSIGNED_META_KEYS: readonly string[] = ['status', 'originStation', 'partnerStation', 'moreStations', 'createdAt', 'createdBy']

/** The fields each list item carries, in display order; the first text field labels the item. */
export const LIST_FIELDS: Record<PlanListName, readonly string[]> = {
  agencies: ['side', 'name', 'role'],
  objectives: ['text'],
  tasks: ['title', 'side', 'assignee', 'due', 'status'],
  contacts: ['side', 'name', 'role', 'phone', 'radio', 'languages'],
  results: ['at', 'side', 'by', 'text']
}

export const META_TEXT_FIELDS = ['title', 'codeName', 'periodFrom', 'periodTo', 'area'] as const

/** The XML fragment the notes editor (Tiptap Collaboration) binds to. */
export const NOTES_FIELD = 'notes'

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
  signoff: Y.Map<unknown>
  versions: Y.Map<unknown>
}

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
    results: doc.getArray('results'),
    signoff: doc.getMap('signoff'),
    versions: doc.getMap('versions')
  }
}

// The peer may run another version, and a screen edits the document directly: read defensively, never trust.
export const text = (value: unknown): string => (typeof value === 'string' ? value : '')
export const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [])

/** A list item: its id and the map whose keys its fields are. */
export interface ListItem {
  id: string
  map: Y.Map<unknown>
}

/** The items of a list root that are maps with an id; anything else is skipped. */
export function listItems(array: Y.Array<unknown>): ListItem[] {
  const seen = new Set<string>()
  const items: ListItem[] = []
  for (const value of array.toArray()) {
    if (!(value instanceof Y.Map)) continue
    const id = value.get('id')
    // Two screens cannot mint the same random id; a duplicate is a broken writer, and the first one wins.
    if (typeof id !== 'string' || !id || seen.has(id)) continue
    seen.add(id)
    items.push({ id, map: value })
  }
  return items
}
