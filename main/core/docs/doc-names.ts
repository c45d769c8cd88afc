import type { DocInfo, DocKind } from './doc-info'

/**
 * Shared documents are named so that their kind and owner can be read off the name itself. A peer can
 * therefore never claim a document for another station: the owner in the name is what ownership checks use.
 *
 *   records/<owner>/<recipient>/<yyyy-mm>    cases the owner shared with one counterpart, one document per month
 *   messages/<owner>/<recipient>/<yyyy-mm>   alerts, requests, replies and receipts the owner sent that counterpart
 *   records/<owner>/<yyyy-mm>, messages/…    written before audiences existed: for every counterpart of the owner
 *   plan/<planId>                             a joint operation plan; the stations planning it write
 *
 * The recipient is in the name for the same reason as the owner: the sync layer decides who may read a
 * document from its name alone, so no station can be sent, or be told of, a document addressed to another.
 * (A month starts with 0 or 1, which a station ID never contains, so the two forms cannot be confused.)
 */
const OWNED = /^(records|messages)\/([A-Z2-7-]{4,64})(?:\/([A-Z2-7-]{4,64}))?\/(\d{4}-(?:0[1-9]|1[0-2]))$/
const SHARED = /^plan\/([A-Za-z0-9-]{8,64})$/

export const MAX_DOC_NAME_LENGTH = 128

export function parseDocName(name: string): DocInfo | null {
  if (typeof name !== 'string' || name.length > MAX_DOC_NAME_LENGTH) return null
  const owned = OWNED.exec(name)
  if (owned) return owned[2] === owned[3] ? null : { name, kind: owned[1] as DocKind, owner: owned[2] }
  if (SHARED.test(name)) return { name, kind: 'plan', owner: null }
  return null
}

const month = (at: Date) => at.toISOString().slice(0, 7)

/** The counterpart an owned document is addressed to; null for a plan, or a document for every counterpart. */
export function recipientOf(name: string): string | null {
  return OWNED.exec(name)?.[3] ?? null
}

export const recordsDocName = (owner: string, recipient: string, at: Date) => `records/${owner}/${recipient}/${month(at)}`
export const messagesDocName = (owner: string, recipient: string, at: Date) => `messages/${owner}/${recipient}/${month(at)}`
export const planDocName = (planId: string) => `plan/${planId}`

/** Alerts and requests travel ahead of bulk records on a slow link. */
export const docPriority = (kind: DocKind): number => (kind === 'messages' ? 0 : kind === 'plan' ? 1 : 2)
