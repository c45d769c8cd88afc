import type * as Y from 'yjs'
import { planRoots, text } from '../replica/plan-model'

/** The two stations planning together, from this station's point of view; `theirs` is '' until known. */
export interface PlanSides {
  ours: string
  theirs: string
}

export function planSides(doc: Y.Doc, ourStation: string): PlanSides {
  const meta = planRoots(doc).meta
  const origin = text(meta.get('originStation'))
  const partner = text(meta.get('partnerStation'))
  return { ours: ourStation, theirs: origin === ourStation ? partner : origin }
}
