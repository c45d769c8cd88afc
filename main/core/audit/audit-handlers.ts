import type { Database } from 'better-sqlite3'
import type { HandlerMap } from '../api/dispatcher'
import type { AuditLog } from './audit-log'
import { verifyAuditTrail } from './audit-verify'

/** Read and verify only: the contract has no way to change or remove an entry. */
export function auditHandlers(db: Database, audit: AuditLog): Pick<HandlerMap, 'audit.list' | 'audit.verify'> {
  return {
    'audit.list': (query) => audit.list(query),
    'audit.verify': () => verifyAuditTrail(db)
  }
}
