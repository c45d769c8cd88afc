/**
 * The layout of a plan document (`plan/<id>`), the one thing the renderer binds to and the peer writes into.
 * Every root type and key named here is part of the contract between station versions: add, never rename.
 *
 *   meta        Y.Map     title, codeName, periodFrom, periodTo, area (strings), status (PlanPhase),
 *                         originStation, partnerStation (station IDs), createdAt, createdBy
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
import {
  PLAN_PHASES,
  TASK_STATUSES,
  type PlanAgency,
  type PlanContact,
  type PlanContent,
  type PlanListName,
  type PlanObjective,
  type PlanPhase,
  type PlanResult,
  type PlanTask,
  type TaskStatus
} from '../../../preload/api'
import { notesText } from './plan-notes'

export const LIST_ROOTS = ['agencies', 'objectives', 'tasks', 'contacts', 'results'] as const satisfies readonly PlanListName[]
export const MAP_ROOTS = ['meta', 'comms'] as const
/** Roots whose content the joint sign-off covers (see contentHash). */
export const CONTENT_ROOTS = ['meta', 'crossings', ...LIST_ROOTS, 'comms', 'notes'] as const
/**
 * Meta keys outside the signed content, which a restore leaves alone too: the workflow phase moves after
 * agreement (active, completed) without changing what was agreed, and who plans together is what the
 * signatures themselves establish.
 */
export const UNSIGNED_META_KEYS: readonly string[] = ['status', 'originStation', 'partnerStation', 'createdAt', 'createdBy']

/** The fields each list item carries, in display order; the first text field labels the item. */
export const LIST_FIELDS: Record<PlanListName, readonly string[]> = {
  agencies: ['side', 'name', 'role'],
  objectives: ['text'],
  tasks: ['title', 'side', 'assignee', 'due', 'status'],
  contacts: ['side', 'name', 'role', 'phone', 'radio', 'languages'],
  results: ['at', 'side', 'by', 'text']
}

export const META_TEXT_FIELDS = ['title', 'codeName', 'periodFrom', 'periodTo', 'area'] as const

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
    notes: doc.getXmlFragment('notes'),
    results: doc.getArray('results'),
    signoff: doc.getMap('signoff'),
    versions: doc.getMap('versions')
  }
}

// The peer may run another version, and a screen edits the document directly: read defensively, never trust.
const str = (value: unknown): string => (typeof value === 'string' ? value : '')
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [])
const oneOf = <T extends string>(values: readonly T[], value: unknown, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback

/** The items of a list root that are maps with an id, as plain objects; anything else is skipped. */
export function listItems(array: Y.Array<unknown>): { id: string; map: Y.Map<unknown> }[] {
  const seen = new Set<string>()
  const items: { id: string; map: Y.Map<unknown> }[] = []
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

const readers = {
  agencies: (id: string, m: Y.Map<unknown>): PlanAgency => ({ id, side: str(m.get('side')), name: str(m.get('name')), role: str(m.get('role')) }),
  objectives: (id: string, m: Y.Map<unknown>): PlanObjective => ({ id, text: str(m.get('text')) }),
  tasks: (id: string, m: Y.Map<unknown>): PlanTask => ({
    id,
    title: str(m.get('title')),
    side: str(m.get('side')),
    assignee: str(m.get('assignee')),
    due: str(m.get('due')),
    status: oneOf<TaskStatus>(TASK_STATUSES, m.get('status'), 'open')
  }),
  contacts: (id: string, m: Y.Map<unknown>): PlanContact => ({
    id,
    side: str(m.get('side')),
    name: str(m.get('name')),
    role: str(m.get('role')),
    phone: str(m.get('phone')),
    radio: str(m.get('radio')),
    languages: strings(m.get('languages'))
  }),
  results: (id: string, m: Y.Map<unknown>): PlanResult => ({
    id,
    at: str(m.get('at')),
    side: str(m.get('side')),
    by: str(m.get('by')),
    text: str(m.get('text'))
  })
}

const readList = <L extends PlanListName>(array: Y.Array<unknown>, list: L): ReturnType<(typeof readers)[L]>[] =>
  listItems(array).map(({ id, map }) => readers[list](id, map) as ReturnType<(typeof readers)[L]>)

/** The typed content of a plan document (the live one or one rebuilt from a snapshot). */
export function readPlanContent(doc: Y.Doc): PlanContent {
  const r = planRoots(doc)
  return {
    title: str(r.meta.get('title')),
    codeName: str(r.meta.get('codeName')),
    periodFrom: str(r.meta.get('periodFrom')),
    periodTo: str(r.meta.get('periodTo')),
    area: str(r.meta.get('area')),
    phase: oneOf<PlanPhase>(PLAN_PHASES, r.meta.get('status'), 'draft'),
    crossings: strings(r.crossings.toArray()),
    agencies: readList(r.agencies, 'agencies'),
    objectives: readList(r.objectives, 'objectives'),
    tasks: readList(r.tasks, 'tasks'),
    comms: { hotline: str(r.comms.get('hotline')), radio: str(r.comms.get('radio')), languages: strings(r.comms.get('languages')) },
    contacts: readList(r.contacts, 'contacts'),
    results: readList(r.results, 'results'),
    notes: notesText(r.notes)
  }
}

/** Who plans together: the station that created the plan and its counterpart ('' until known). */
export interface PlanSides {
  originStation: string
  partnerStation: string
  createdAt: string
  createdBy: string
}

export function readPlanSides(doc: Y.Doc): PlanSides {
  const meta = planRoots(doc).meta
  return {
    originStation: str(meta.get('originStation')),
    partnerStation: str(meta.get('partnerStation')),
    createdAt: str(meta.get('createdAt')),
    createdBy: str(meta.get('createdBy'))
  }
}
