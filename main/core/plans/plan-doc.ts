/**
 * A plan document read as the contract's typed values. Its layout (roots, keys) is preload/plan-layout.ts.
 */
import type * as Y from 'yjs'
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
import { listItems, planRoots, strings, text as str } from '../../../preload/plan-layout'
import { notesText } from './plan-notes'

const oneOf = <T extends string>(values: readonly T[], value: unknown, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback

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

/** Who plans together: the station that created the plan and its counterpart ('' until known), and any more. */
export interface PlanSides {
  originStation: string
  partnerStation: string
  /** Every station planning it, the origin first, without blanks or repeats. */
  stations: string[]
  createdAt: string
  createdBy: string
}

export function readPlanSides(doc: Y.Doc): PlanSides {
  const meta = planRoots(doc).meta
  const originStation = str(meta.get('originStation'))
  const partnerStation = str(meta.get('partnerStation'))
  const more = strings(meta.get('moreStations'))
  return {
    originStation,
    partnerStation,
    stations: [...new Set([originStation, partnerStation, ...more].filter(Boolean))],
    createdAt: str(meta.get('createdAt')),
    createdBy: str(meta.get('createdBy'))
  }
}
