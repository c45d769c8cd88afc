/**
 * Typed edits to a plan document, for the CLI and tests (screens edit their Y.Doc replica directly).
 * Pure over the document: the caller runs them inside one DocStore write, so a refused edit leaves nothing.
 */
import * as Y from 'yjs'
import type { PlanEditParsed, PlanFieldsInput, PlanListName } from '../../../preload/api'
import { ApiError } from '../api/api-error'
import { listItems, planRoots, type PlanRoots } from '../../../preload/plan-layout'
import { readPlanSides } from './plan-doc'
import { deleteNotesText, insertNotesText, setNotesText } from './plan-notes'

export interface EditContext {
  /** This station: the default side of an after-action entry. */
  self: string
  user: string
  now(): string
  newId(): string
}

const refuse = (path: string, message: string, code: 'invalid_input' | 'not_found' | 'conflict' = 'invalid_input') =>
  new ApiError(code, `${path}: ${message}`, [{ path, message }])

const META_FIELDS = ['title', 'codeName', 'periodFrom', 'periodTo', 'area', 'status'] as const
const COMMS_FIELDS = ['hotline', 'radio', 'languages'] as const

/** A side must be one of the stations planning together (or '' for nobody yet). */
function checkSide(doc: Y.Doc, side: unknown, path: string): void {
  if (side === undefined || side === '') return
  if (!readPlanSides(doc).stations.includes(side as string)) {
    throw refuse(path, `${String(side)} is not one of the stations planning this operation`)
  }
}

function setFields(doc: Y.Doc, r: PlanRoots, fields: PlanFieldsInput, path: string): void {
  for (const key of META_FIELDS) if (fields[key] !== undefined) r.meta.set(key, fields[key])
  for (const key of COMMS_FIELDS) if (fields[key] !== undefined) r.comms.set(key, fields[key])
  if (fields.crossings) {
    if (r.crossings.length) r.crossings.delete(0, r.crossings.length)
    r.crossings.insert(0, fields.crossings)
  }
  if (fields.partnerStation !== undefined) {
    const { originStation, partnerStation } = readPlanSides(doc)
    if (fields.partnerStation === originStation) throw refuse(`${path}.partnerStation`, 'a plan needs two different stations')
    if (partnerStation && partnerStation !== fields.partnerStation) {
      throw refuse(`${path}.partnerStation`, `this plan is already planned with ${partnerStation}`, 'conflict')
    }
    r.meta.set('partnerStation', fields.partnerStation)
  }
}

function findItem(r: PlanRoots, list: PlanListName, id: string, path: string): { index: number; map: Y.Map<unknown> } {
  const index = r[list].toArray().findIndex((v) => v instanceof Y.Map && v.get('id') === id)
  if (index < 0) throw refuse(path, `no item ${id} in ${list}`, 'not_found')
  return { index, map: r[list].get(index) as Y.Map<unknown> }
}

function addItem(doc: Y.Doc, r: PlanRoots, edit: Extract<PlanEditParsed, { op: 'add' }>, ctx: EditContext, path: string): void {
  const { id = ctx.newId(), ...fields } = edit.item as { id?: string } & Record<string, unknown>
  if (listItems(r[edit.list]).some((item) => item.id === id)) throw refuse(`${path}.item.id`, `${edit.list} already has an item ${id}`, 'conflict')
  if (edit.list === 'results') {
    fields.at ??= ctx.now()
    fields.side ??= ctx.self
    fields.by ??= ctx.user
  }
  checkSide(doc, fields.side, `${path}.item.side`)
  const array = r[edit.list]
  array.insert(Math.min(edit.index ?? array.length, array.length), [new Y.Map<unknown>([['id', id], ...Object.entries(fields)])])
}

function editNotes(r: PlanRoots, edit: Extract<PlanEditParsed, { op: `notes.${string}` }>, path: string): void {
  try {
    if (edit.op === 'notes.set') setNotesText(r.notes, edit.text)
    else if (edit.op === 'notes.insert') insertNotesText(r.notes, edit.paragraph, edit.offset, edit.text)
    else deleteNotesText(r.notes, edit.paragraph, edit.offset, edit.length)
  } catch (error) {
    if (error instanceof RangeError) throw refuse(path, error.message)
    throw error
  }
}

/** Applies typed edits in order; throws an ApiError naming the edit at fault (call inside a transaction). */
export function applyPlanEdits(doc: Y.Doc, edits: readonly PlanEditParsed[], ctx: EditContext): void {
  const r = planRoots(doc)
  edits.forEach((edit, i) => {
    const path = `edits.${i}`
    switch (edit.op) {
      case 'set':
        setFields(doc, r, edit.fields, `${path}.fields`)
        break
      case 'add':
        addItem(doc, r, edit, ctx, path)
        break
      case 'update': {
        const { map } = findItem(r, edit.list, edit.id, `${path}.id`)
        checkSide(doc, (edit.set as { side?: string }).side, `${path}.set.side`)
        for (const [key, value] of Object.entries(edit.set)) if (value !== undefined) map.set(key, value)
        break
      }
      case 'remove':
        r[edit.list].delete(findItem(r, edit.list, edit.id, `${path}.id`).index, 1)
        break
      default:
        editNotes(r, edit, path)
    }
  })
  const from = r.meta.get('periodFrom')
  const to = r.meta.get('periodTo')
  if (typeof from === 'string' && typeof to === 'string' && from && to && to.slice(0, 10) < from.slice(0, 10)) {
    throw refuse('periodTo', `the period ends (${to}) before it starts (${from})`)
  }
}
