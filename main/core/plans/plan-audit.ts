/**
 * The audit entries of joint operation plans, each written in the DocStore write that makes its change.
 *
 * What this station does to a plan on someone's behalf is one entry per call: plan.create, plan.edit for a
 * typed edit (plans.edit), plan.approve, plan.version, plan.restore. Screens are different: they send an update
 * per keystroke burst, and the counterpart's live edits arrive the same way, so an entry for each would bury the
 * trail. Those are coalesced into editing sessions, kept in memory only:
 *
 * - a screen's update (plans.update) is recorded as plan.edit when it is the first change by that user to that
 *   plan after SCREEN_QUIET_MINUTES without one: one entry per plan, user and sitting;
 * - a change stored from the counterpart is recorded as plan.received when it is the first from that station to
 *   that plan after RECEIVED_QUIET_MINUTES without one (a flapping link brings a day's catch-ups in bursts), and
 *   always when it brings an approval or a named version.
 *
 * Every entry carries the content hash after its change, so the next entry on a plan shows where the unlisted
 * edits of a session led. A restart forgets the sessions: the first edit after it opens a new one.
 */
import type * as Y from 'yjs'
import type { PlanEditParsed } from '../../../preload/api'
import type { AuditAction } from '../audit/audit-actions'
import type { AuditLog } from '../audit/audit-log'
import { peerActor } from '../audit/actors'
import { planRoots } from '../../../preload/plan-layout'
import { contentHash } from './plan-hash'
import type { PlanSummary } from './plan-summary'

export const SCREEN_QUIET_MINUTES = 15
export const RECEIVED_QUIET_MINUTES = 60

/** Sessions older than their quiet time are dropped once this many are remembered. */
const PRUNE_ABOVE = 1000

/** When each (plan, editor) last changed something; a change after `quietMs` without one opens a session. */
class EditSessions {
  private readonly last = new Map<string, number>()

  constructor(private readonly quietMs: number) {}

  opens(key: string, at: number): boolean {
    const last = this.last.get(key)
    return last === undefined || at - last >= this.quietMs
  }

  /** Only for a committed change: one rolled back must not silence the next. */
  note(key: string, at: number): void {
    this.last.set(key, at)
    if (this.last.size <= PRUNE_ABOVE) return
    for (const [k, t] of this.last) if (at - t >= this.quietMs) this.last.delete(k)
  }
}

type StationAction = Extract<AuditAction, 'plan.create' | 'plan.edit' | 'plan.approve' | 'plan.version' | 'plan.restore'>

export interface PlanAuditDeps {
  audit: AuditLog
  now: () => Date
  /** The paired station whose live session applied a change (the transaction's origin), or null. */
  peerOf(origin: unknown): string | null
}

const sessionKey = (planId: string, editor: string) => `${planId}\n${editor}`

const planTarget = (id: string, doc: Y.Doc) => {
  const title = planRoots(doc).meta.get('title')
  return { type: 'plan', id, label: typeof title === 'string' ? title : '' }
}

/** What a typed edit did, one phrase per kind of change: "set title, area", "add tasks", "notes.insert". */
export function editSummary(edits: PlanEditParsed[]): string[] {
  const phrases = edits.map((edit) => {
    switch (edit.op) {
      case 'set':
        return `set ${Object.keys(edit.fields).sort().join(', ')}`
      case 'add':
      case 'update':
      case 'remove':
        return `${edit.op} ${edit.list}`
      default:
        return edit.op
    }
  })
  return [...new Set(phrases)]
}

/** Keys of a Y.Map that a transaction changed (added, replaced or removed). */
const changedKeys = (transaction: Y.Transaction, map: Y.Map<unknown>): string[] =>
  [...((transaction.changed as Map<unknown, Set<string | null>>).get(map) ?? [])].filter((key): key is string => typeof key === 'string')

export class PlanAudit {
  private readonly screens = new EditSessions(SCREEN_QUIET_MINUTES * 60_000)
  private readonly received = new EditSessions(RECEIVED_QUIET_MINUTES * 60_000)

  constructor(private readonly deps: PlanAuditDeps) {}

  /** An action of this station's, after its Yjs transaction, inside its write; the detail gets the content hash. */
  record(action: StationAction, actor: string, id: string, doc: Y.Doc, detail: Record<string, unknown> = {}): void {
    this.deps.audit.record({ actor, action, target: planTarget(id, doc), detail: { contentHash: contentHash(doc), ...detail } })
  }

  /** A screen's update just applied (inside its write), the content hash `before` it: recorded if it opens a session. */
  screenEdit(id: string, doc: Y.Doc, user: string, before: string): void {
    if (!this.screens.opens(sessionKey(id, user), this.deps.now().getTime())) return
    this.record('plan.edit', user, id, doc, {
      via: 'screen',
      contentHash: { before, after: contentHash(doc) },
      quietMinutes: SCREEN_QUIET_MINUTES
    })
  }

  /** After the write of a screen's update that changed the plan committed. */
  screenEditCommitted(id: string, user: string): void {
    this.screens.note(sessionKey(id, user), this.deps.now().getTime())
  }

  /** A transaction from the counterpart changed the plan (its row just rewritten, inside the write that stores it). */
  receivedChange(summary: PlanSummary, transaction: Y.Transaction): void {
    const peer = this.deps.peerOf(transaction.origin)
    if (!peer) return
    const roots = planRoots(transaction.doc)
    const approvals = changedKeys(transaction, roots.signoff)
    const versions = changedKeys(transaction, roots.versions)
    const signed = summary.signoff.approvals.filter((a) => approvals.includes(a.station))
    const saved = summary.versions.filter((v) => versions.includes(v.id))
    if (!signed.length && !saved.length && !this.received.opens(sessionKey(summary.id, peer), this.deps.now().getTime())) return
    this.deps.audit.record({
      actor: peerActor(peer),
      action: 'plan.received',
      target: { type: 'plan', id: summary.id, label: summary.content.title },
      detail: {
        contentHash: summary.signoff.contentHash,
        status: summary.status,
        signoff: summary.signoff.state,
        quietMinutes: RECEIVED_QUIET_MINUTES,
        ...(signed.length > 0 && { approvals: signed.map(({ station, by, at, hash, valid }) => ({ station, by, at, hash, valid })) }),
        ...(saved.length > 0 && { versions: saved.map(({ id, name, kind, by, station }) => ({ id, name, kind, by, station })) })
      }
    })
  }

  /** After a write that stored a change from the counterpart committed (DocStore's update announcement). */
  receivedCommitted(planId: string, origin: unknown): void {
    const peer = this.deps.peerOf(origin)
    if (peer) this.received.note(sessionKey(planId, peer), this.deps.now().getTime())
  }
}
