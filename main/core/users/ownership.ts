import type { Case } from '../../../preload/api'
import { ApiError } from '../api/api-error'
import type { CallContext } from './connection'
import { hasRole } from './method-access'

/**
 * Officers share (and withdraw) the cases they logged; a supervisor decides for anyone's. The method table lets
 * every officer call exchange.share, so this per-case rule is checked once the case is known.
 */
export function assertMayShare(c: Case, ctx: CallContext, verb: 'share' | 'withdraw'): void {
  if (c.createdBy === ctx.user || (ctx.role && hasRole(ctx.role, 'supervisor'))) return
  throw new ApiError(
    'forbidden',
    `Case ${c.ref} was logged by ${c.createdBy}: an officer may ${verb} only the cases they logged, so ask a supervisor to ${verb} it.`,
    [{ path: 'requiredRole', message: 'supervisor' }]
  )
}
