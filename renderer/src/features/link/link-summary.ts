import type { PeerLinkStatus, LinkStatus } from '../../../../preload/api'

export type OverallLinkState = PeerLinkStatus['state'] | 'notPaired'

export interface LinkSummary {
  state: OverallLinkState
  peers: number
  /** The latest complete sync with any paired station. */
  lastSynced: string | null
  pendingDocs: number
  pendingBytes: number
  /** Shared documents that refuse the counterpart's changes for being at their size limit here. */
  docsAtLimit: number
  /** Running transfers summed over every peer; null when none runs. */
  transfer: { done: number; total: number } | null
}

/** What needs the officer's eye first: a refusal, then a dead link, then one still coming up. */
const ATTENTION: PeerLinkStatus['state'][] = ['refused', 'offline', 'connecting', 'connected']

const latest = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : (a ?? b))

/** The whole border link in one state for the header: the state of the peer that most needs attention. */
export function summariseLink(status: LinkStatus): LinkSummary {
  const { peers } = status
  if (peers.length === 0) {
    return { state: 'notPaired', peers: 0, lastSynced: null, pendingDocs: 0, pendingBytes: 0, docsAtLimit: 0, transfer: null }
  }
  const state = ATTENTION.find((s) => peers.some((p) => p.state === s)) ?? 'offline'
  const transfers = peers.flatMap((p) => p.transfers)
  return {
    state,
    peers: peers.length,
    lastSynced: peers.reduce<string | null>((at, p) => latest(at, p.lastCompleteSync), null),
    pendingDocs: peers.reduce((n, p) => n + p.pendingDocs, 0),
    pendingBytes: peers.reduce((n, p) => n + p.pendingBytes, 0),
    docsAtLimit: peers.reduce((n, p) => n + p.docsAtLimit.length, 0),
    transfer:
      transfers.length === 0
        ? null
        : { done: transfers.reduce((n, x) => n + x.done, 0), total: transfers.reduce((n, x) => n + x.total, 0) }
  }
}
