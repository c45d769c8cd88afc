/**
 * Every kind of audit entry the station writes. A new kind of change is added here, so the list of what
 * the trail can contain stays readable in one place (exports, reports and the audit screen read it).
 */
export const AUDIT_ACTIONS = [
  'case.create',
  'case.edit',
  'case.status',
  'case.void',
  /** One entry per bulk import batch (seeding, file imports), naming the refs it created. */
  'case.import',
  'exchange.share',
  'exchange.correct',
  'exchange.withdraw',
  'exchange.alert',
  'exchange.request',
  'exchange.reply',
  'exchange.acknowledge',
  /** A shared record (or its correction or withdrawal) stored from the counterpart. */
  'exchange.received_record',
  /** An alert, request, reply or acknowledgement stored from the counterpart. */
  'exchange.received_message',
  /** A joint operation plan created here. */
  'plan.create',
  /**
   * A plan changed here: one entry per typed edit (plans.edit), one per editing session on a screen
   * (plans.update; see main/core/plans/plan-audit.ts for when a session starts).
   */
  'plan.edit',
  'plan.approve',
  /** A named version saved. */
  'plan.version',
  /** A past version written back over the current content (the current one saved as a version first). */
  'plan.restore',
  /**
   * Changes to a plan stored from the counterpart: one entry per plan per peer per session of changes, and
   * one for every approval or version among them.
   */
  'plan.received',
  'pairing.add',
  'pairing.update',
  'pairing.remove',
  /** A sync bundle written for a counterpart, or one from it imported (what it carried, its ID and SHA-256). */
  'bundle.write',
  'bundle.import',
  'auth.setup',
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  /** A call beyond the caller's role, refused. */
  'access.denied',
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'user.password_reset',
  'user.password_change',
  'settings.update',
  /** An export file written (what, format, filters, SHA-256 of the file). */
  'export.run',
  /** A verified backup made from the Maintenance screen (file, size, SHA-256). */
  'maintenance.backup',
  /** A backup checked and staged to replace the database at the next start; or refused; or the staged one withdrawn. */
  'maintenance.restore_staged',
  'maintenance.restore_refused',
  'maintenance.restore_cancelled',
  /** Recorded at the start that put a staged backup in place (in the restored trail), or found it no longer valid. */
  'maintenance.restore_applied',
  'maintenance.restore_failed',
  /** An update file checked against the publisher's signature and copied into the data folder; or refused. */
  'maintenance.update_verified',
  'maintenance.update_refused',
  /** A checked update handed to the installer (outcome: started or failed). */
  'maintenance.update_install'
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]
