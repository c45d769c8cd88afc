/**
 * What this station shares with one counterpart, and what that counterpart may write: the one place that
 * decides, for the link and for bundles alike. A document outside a counterpart's scope is never sent to it,
 * never named to it (listings and fingerprints come from sharedWith), and never accepted from it.
 */
import type { DocInfo } from '../docs/doc-info'
import { parseDocName, recipientOf } from '../docs/doc-names'
import type { DocStore } from '../docs/doc-store'

/**
 * The stations planning a plan, or null while that is open (a plan this station does not hold yet, or one
 * created before its counterpart was chosen): the plans feature knows, the sync layer asks.
 */
export type PlanParties = (doc: string) => readonly string[] | null

export interface Scope {
  /** Documents this station shares with the peer: ours addressed to it, its own addressed to us, our plans together. */
  sharedWith(peer: string): DocInfo[]
  /** Of those, the ones this station has something to send for: not the peer's own. */
  sentTo(peer: string): DocInfo[]
  /** The document, if the peer may write it: its own, addressed to this station, or a plan the peer plans with us. */
  writableBy(peer: string, name: string): DocInfo | null
  /** Whether a document of this name, held or not, is between this station and the peer. */
  shares(peer: string, name: string): boolean
  /** The held document of this name, if it is between this station and the peer: one lookup, for every frame. */
  sharedDoc(peer: string, name: string): DocInfo | null
}

export function syncScope(store: DocStore, self: string, planParties: PlanParties): Scope {
  /** Documents from before audiences existed are for every counterpart of their owner. */
  const addressedTo = (reader: string, name: string) => {
    const recipient = recipientOf(name)
    return recipient === null || recipient === reader
  }
  const inPlan = (peer: string, name: string) => {
    const parties = planParties(name)
    return parties === null || (parties.includes(peer) && parties.includes(self))
  }
  const covers = (peer: string, info: DocInfo) =>
    info.kind === 'plan'
      ? inPlan(peer, info.name)
      : (info.owner === self && addressedTo(peer, info.name)) || (info.owner === peer && addressedTo(self, info.name))
  const scope: Scope = {
    sharedWith: (peer) => store.list().filter((d) => covers(peer, d)),
    sentTo: (peer) => scope.sharedWith(peer).filter((d) => d.owner !== peer),
    writableBy(peer, name) {
      const info = parseDocName(name)
      if (!info) return null
      if (info.kind === 'plan') return inPlan(peer, name) ? info : null
      return info.owner === peer && addressedTo(self, name) ? info : null
    },
    shares(peer, name) {
      const info = parseDocName(name)
      return info !== null && covers(peer, info)
    },
    sharedDoc(peer, name) {
      const info = store.info(name)
      return info && covers(peer, info) ? info : null
    }
  }
  return scope
}
