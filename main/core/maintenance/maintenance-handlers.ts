import { basename } from 'node:path'
import type { LastRestore } from '../../../preload/api'
import type { HandlerMap } from '../api/dispatcher'
import type { AuditLog } from '../audit/audit-log'
import type { MaintenanceService } from './maintenance-service'

export type MaintenanceHandlers = Pick<
  HandlerMap,
  | 'maintenance.status'
  | 'maintenance.backups'
  | 'maintenance.backup'
  | 'maintenance.cancel'
  | 'maintenance.checkBackup'
  | 'maintenance.stageRestore'
  | 'maintenance.cancelRestore'
  | 'maintenance.verifyUpdate'
  | 'maintenance.installUpdate'
>

export function maintenanceHandlers(service: MaintenanceService): MaintenanceHandlers {
  return {
    'maintenance.status': () => service.status(),
    'maintenance.backups': () => service.backups(),
    'maintenance.backup': (input, ctx) => service.backup(input, ctx),
    'maintenance.cancel': ({ id }) => ({ cancelled: service.cancel(id) }),
    'maintenance.checkBackup': (input) => service.checkBackup(input),
    'maintenance.stageRestore': (input, ctx) => service.stageRestore(input, ctx),
    'maintenance.cancelRestore': (_input, ctx) => service.cancelRestore(ctx),
    'maintenance.verifyUpdate': (input, ctx) => service.verifyUpdate(input, ctx),
    'maintenance.installUpdate': (input, ctx) => service.installUpdate(input, ctx)
  }
}

/**
 * What the start did with a staged restore, in the trail of the database it opened: the restored one (which then
 * says where it came from and what it replaced) or, when the staged copy was refused, the one kept.
 */
export function auditRestoreOutcome(audit: AuditLog, outcome: LastRestore): void {
  audit.record({
    actor: outcome.stagedBy,
    action: outcome.status === 'applied' ? 'maintenance.restore_applied' : 'maintenance.restore_failed',
    target: { type: 'backup', id: outcome.from, label: basename(outcome.from) },
    detail: { from: outcome.from, replaced: outcome.replaced, message: outcome.message }
  })
}
