import type * as Y from 'yjs'
import { planRoots, strings, text } from '../replica/plan-model'

/**
 * The stations planning together, from this station's point of view: `theirs` is the first other one ('' until
 * known), `others` every other one (a plan among more than two offices has several).
 */
export interface PlanSides {
  ours: string
  theirs: string
  others: string[]
}

export function planSides(doc: Y.Doc, ourStation: string): PlanSides {
  const meta = planRoots(doc).meta
  const all = [text(meta.get('originStation')), text(meta.get('partnerStation')), ...strings(meta.get('moreStations'))]
  const others = [...new Set(all.filter((id) => id && id !== ourStation))]
  return { ours: ourStation, theirs: others[0] ?? '', others }
}
