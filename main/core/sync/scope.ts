/**
 * What this station shares with one counterpart, and what that counterpart may write: the one place that
 * decides, for the link and for bundles alike.
 */
import type { DocInfo } from '../docs/doc-info'
import { parseDocName } from '../docs/doc-names'
import type { DocStore } from '../docs/doc-store'

/** Documents this station shares with the peer: ours, the peer's own, and the plans. */
export function sharedWith(store: DocStore, self: string, peer: string): DocInfo[] {
  return store.list().filter((d) => d.owner === self || d.owner === peer || d.kind === 'plan')
}

/** Of those, the ones this station has something to send for: not the peer's own. */
export const sentTo = (store: DocStore, self: string, peer: string): DocInfo[] => sharedWith(store, self, peer).filter((d) => d.owner !== peer)

/** The document, if the peer may write it: its own, or a plan. */
export function writableBy(peer: string, name: string): DocInfo | null {
  const info = parseDocName(name)
  return info && (info.owner === peer || info.kind === 'plan') ? info : null
}
