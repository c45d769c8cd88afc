/**
 * The audit trail as the API shows it: read and verify only. Nothing in the contract can change or remove
 * an entry; each entry holds the hash of the one before, so a change made behind the station's back shows.
 */
import { z } from 'zod'
import { IsoDateOrDateTime } from './cases'

export const AuditTarget = z.object({
  type: z.string(),
  id: z.string(),
  /** What a person recognises: a case ref, a station name, a username. */
  label: z.string()
})
export type AuditTarget = z.infer<typeof AuditTarget>

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  /** A username, `cli:<os user>` for local tools, or `peer:<station ID>` for what arrived from the counterpart. */
  actor: z.string(),
  /** e.g. case.create, case.edit, exchange.share, auth.login_failed, access.denied (main/core/audit/audit-actions.ts) */
  action: z.string(),
  target: AuditTarget.nullable(),
  /** Before/after summary and particulars of the action, as recorded. */
  detail: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string()
})
export type AuditEntry = z.infer<typeof AuditEntry>

export const AuditQuery = z
  .object({
    actor: z.string().trim().max(200).optional(),
    /** An exact action (case.edit) or a family (case). */
    action: z.string().trim().max(100).optional(),
    targetType: z.string().trim().max(50).optional(),
    targetId: z.string().trim().max(200).optional(),
    from: IsoDateOrDateTime.optional(),
    to: IsoDateOrDateTime.optional(),
    /** Paging, newest first: the nextBefore of the previous page. */
    before: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(500).default(100)
  })
  .strict()
export type AuditQuery = z.input<typeof AuditQuery>
export type AuditQueryParsed = z.output<typeof AuditQuery>

export const AuditPage = z.object({
  rows: z.array(AuditEntry),
  /** Pass as `before` for the next (older) page; null at the first entry. */
  nextBefore: z.number().int().nullable()
})
export type AuditPage = z.infer<typeof AuditPage>

export const AUDIT_FAILURES = ['content_changed', 'chain_broken', 'entry_missing', 'entry_added'] as const
export const AuditFailureReason = z.enum(AUDIT_FAILURES)
export type AuditFailureReason = z.infer<typeof AuditFailureReason>

export const AuditVerification = z.object({
  intact: z.boolean(),
  /** Entries that verified before the first failure (all of them when intact). */
  verified: z.number().int(),
  /** The last entry the station recorded, as it recorded it. */
  head: z.object({ id: z.number().int(), hash: z.string() }).nullable(),
  failure: z
    .object({
      /** The first entry that does not verify (for a missing entry: the id that should be there). */
      entryId: z.number().int(),
      reason: AuditFailureReason,
      message: z.string()
    })
    .nullable()
})
export type AuditVerification = z.infer<typeof AuditVerification>
