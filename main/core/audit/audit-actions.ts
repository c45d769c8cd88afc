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
  'pairing.add',
  'pairing.update',
  'pairing.remove',
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
  'export.run'
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]
