import type { DocInfo, DocKind } from './doc-info'

/**
 * Shared documents are named so that their kind and owner can be read off the name itself. A peer can
 * therefore never claim a document for another station: the owner in the name is what ownership checks use.
 *
 *   records/<ownerStationId>/<yyyy-mm>    cases shared by the owner, one document per month
 *   messages/<ownerStationId>/<yyyy-mm>   alerts, requests, replies and receipts written by the owner
 *   plan/<planId>                          a joint operation plan; both stations write
 */
const OWNED = /^(records|messages)\/([A-Z2-7-]{4,64})\/(\d{4}-(?:0[1-9]|1[0-2]))$/
const SHARED = /^plan\/([A-Za-z0-9-]{8,64})$/

export const MAX_DOC_NAME_LENGTH = 128

export function parseDocName(name: string): DocInfo | null {
  if (typeof name !== 'string' || name.length > MAX_DOC_NAME_LENGTH) return null
  const owned = OWNED.exec(name)
  if (owned) return { name, kind: owned[1] as DocKind, owner: owned[2] }
  if (SHARED.test(name)) return { name, kind: 'plan', owner: null }
  return null
}

const month = (at: Date) => at.toISOString().slice(0, 7)

export const recordsDocName = (owner: string, at: Date) => `records/${owner}/${month(at)}`
export const messagesDocName = (owner: string, at: Date) => `messages/${owner}/${month(at)}`
export const planDocName = (planId: string) => `plan/${planId}`

/** Alerts and requests travel ahead of bulk records on a slow link. */
export const docPriority = (kind: DocKind): number => (kind === 'messages' ? 0 : kind === 'plan' ? 1 : 2)
