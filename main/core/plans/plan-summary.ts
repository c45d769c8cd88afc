import type * as Y from 'yjs'
import type { PlanContent, PlanSignoff, PlanStatus, PlanVersionInfo } from '../../../preload/api'
import { readPlanContent, readPlanSides, type PlanSides } from './plan-doc'
import { contentHash } from './plan-hash'
import { storedVersions, versionInfo } from './plan-history'
import { readSignoff } from './plan-signoff'

export interface PlanSummary {
  id: string
  content: PlanContent
  sides: PlanSides
  status: PlanStatus
  signoff: PlanSignoff
  versions: PlanVersionInfo[]
}

export const planIdOf = (docName: string) => docName.slice('plan/'.length)

/** Everything main reports about a plan document, read in one pass. */
export function summarisePlan(doc: Y.Doc, id: string): PlanSummary {
  const content = readPlanContent(doc)
  const sides = readPlanSides(doc)
  const signoff = readSignoff(doc, id, contentHash(doc), sides)
  // A draft both stations approved as it stands is agreed; later phases are set on purpose and stay.
  const status: PlanStatus = content.phase === 'draft' && signoff.agreed ? 'agreed' : content.phase
  return { id, content, sides, status, signoff, versions: storedVersions(doc).map(versionInfo) }
}

/** Every text of a plan, for the trigram index. */
export function planSearchText(c: PlanContent): string {
  return [
    c.title,
    c.codeName,
    c.area,
    ...c.crossings,
    ...c.agencies.flatMap((a) => [a.name, a.role]),
    ...c.objectives.map((o) => o.text),
    ...c.tasks.flatMap((t) => [t.title, t.assignee]),
    c.comms.hotline,
    c.comms.radio,
    ...c.comms.languages,
    ...c.contacts.flatMap((k) => [k.name, k.role, k.phone, k.radio, ...k.languages]),
    ...c.results.flatMap((r) => [r.by, r.text]),
    c.notes
  ]
    .filter(Boolean)
    .join('\n')
}
