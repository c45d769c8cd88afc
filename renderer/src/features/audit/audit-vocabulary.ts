/**
 * What the audit trail records, for the filters and labels (main/core/audit/audit-actions.ts is the full list).
 * The contract carries actions and target types as text: one recorded by a newer station shows as written.
 */
export const AUDIT_FAMILIES = ['case', 'exchange', 'plan', 'pairing', 'bundle', 'auth', 'access', 'user', 'settings', 'export', 'maintenance'] as const

export const AUDIT_TARGET_TYPES = ['case', 'record', 'message', 'plan', 'peer', 'user', 'method', 'settings', 'backup', 'update'] as const
