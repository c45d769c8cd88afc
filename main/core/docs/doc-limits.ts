import { ApiError } from '../api/api-error'
import type { DocKind } from './doc-info'

/**
 * How much one shared document may take in this station's database (its snapshot plus the updates stored
 * since). Plans keep their whole history and both stations write them, so without a limit a paired station
 * could grow one without bound with updates of legal size; a month of shared cases or messages has one writer,
 * the peer, and the same holds. The limits sit far above real use: a plan with 250,000 typed edits takes about 1 MB,
 * a month of a busy office's shared cases about 1 KB a case.
 */
export interface DocLimits {
  /** Bytes from which this station's own users can no longer change a plan. */
  planOwnEdits: number
  /** Per kind, bytes beyond which an update from the paired station is refused. */
  fromPeer: Record<DocKind, number>
}

/** Limits are in decimal megabytes, as the messages and RELIABILITY.md state them. */
const MB = 1_000_000

export const DEFAULT_DOC_LIMITS: DocLimits = {
  planOwnEdits: 32 * MB,
  fromPeer: {
    // Twice the local limit (each office may fill its own share while the link is down), plus room for the
    // largest edits either side made as it reached it.
    plan: 80 * MB,
    records: 64 * MB,
    messages: 64 * MB
  }
}

/** A document that has reached its limit: what it takes and what it may take. */
export interface DocAtLimit {
  doc: string
  bytes: number
  limit: number
}

const megabytes = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`

const WHAT: Record<DocKind, string> = { plan: 'a plan', records: "a month of the counterpart's shared cases", messages: "a month of the counterpart's messages" }

/** An update from the peer refused because it would take the document beyond its limit; nothing of it was applied. */
export class PeerUpdateOverLimitError extends Error {
  constructor(
    readonly kind: DocKind,
    readonly atLimit: DocAtLimit,
    adding: number
  ) {
    super(
      `over its size limit: it takes ${megabytes(atLimit.bytes)} on this station and this update would add ${megabytes(adding)}, ` +
        `beyond the ${megabytes(atLimit.limit)} ${WHAT[kind]} may take from the counterpart. Refused whole; ` +
        (kind === 'plan' ? 'both offices can carry on in a new plan' : 'tell your administrator')
    )
    this.name = 'PeerUpdateOverLimitError'
  }
}

/** A local change refused because the plan has reached the size this station's users may give it. */
export const planFull = (bytes: number, limit: number) =>
  new ApiError(
    'conflict',
    `This plan has reached its size limit: it takes ${megabytes(bytes)} on this station, and edits from this station stop at ` +
      `${megabytes(limit)}. Start a new plan to continue the work; this one stays as it is and can still be read, exported and approved.`
  )
