/**
 * Who may call what: every method of the contract with the least role that may call it, or `public` for what
 * a screen needs before anyone signs in. Roles are ordered (an administrator can do all a supervisor can, a
 * supervisor all an officer can). `satisfies` makes a method without an entry a compile error.
 */
import { ROLES, type MethodName, type Role } from '../../../preload/api'

export type Access = 'public' | Role

export const METHOD_ACCESS = {
  'station.info': 'public',
  'auth.status': 'public',
  'auth.setup': 'public',
  'auth.login': 'public',
  'auth.resume': 'public',
  // Signing out must work for a session that has just locked, too.
  'auth.logout': 'public',
  'auth.changePassword': 'officer',
  'auth.setLanguage': 'officer',

  'cases.create': 'officer',
  'cases.update': 'officer',
  'cases.setStatus': 'officer',
  'cases.void': 'officer',
  'cases.get': 'officer',
  'cases.history': 'officer',
  'cases.search': 'officer',

  // Officers share the cases they own; a supervisor any case (checked per case in the exchange handlers).
  'exchange.share': 'officer',
  'exchange.withdraw': 'officer',
  'exchange.list': 'officer',
  'exchange.get': 'officer',
  'exchange.sendAlert': 'officer',
  'exchange.sendRequest': 'officer',
  'exchange.reply': 'officer',
  'exchange.acknowledge': 'officer',
  'exchange.markRead': 'officer',

  'plans.create': 'officer',
  'plans.list': 'officer',
  'plans.get': 'officer',
  'plans.edit': 'officer',
  'plans.open': 'officer',
  'plans.update': 'officer',
  'plans.awareness': 'officer',
  'plans.approve': 'supervisor',
  'plans.saveVersion': 'officer',
  'plans.version': 'officer',
  'plans.diff': 'officer',
  'plans.restore': 'officer',

  'link.station': 'officer',
  'link.certificate': 'officer',
  'counterparts.list': 'officer',
  'counterparts.add': 'admin',
  'counterparts.remove': 'admin',
  'link.status': 'officer',
  'link.log': 'officer',
  // A bundle carries only what is already shared, as the link does on its own: any officer may carry one.
  'bundles.export': 'officer',
  'bundles.inspect': 'officer',
  'bundles.import': 'officer',
  'bundles.history': 'officer',

  'audit.list': 'supervisor',
  'audit.verify': 'supervisor',
  // Exports and the monthly figures are the supervisor's (issue 5); export.verify reads files on the station's machine.
  'export.run': 'supervisor',
  'export.cancel': 'supervisor',
  'export.verify': 'supervisor',
  'reports.monthly': 'supervisor',

  'users.list': 'admin',
  'users.create': 'admin',
  'users.update': 'admin',
  'users.disable': 'admin',
  'users.enable': 'admin',
  'users.resetPassword': 'admin',
  'settings.get': 'admin',
  'settings.update': 'admin',

  // Backups hold the station's private key; a restore or an update replaces the station: administrators only.
  'maintenance.status': 'admin',
  'maintenance.backups': 'admin',
  'maintenance.backup': 'admin',
  'maintenance.cancel': 'admin',
  'maintenance.checkBackup': 'admin',
  'maintenance.stageRestore': 'admin',
  'maintenance.cancelRestore': 'admin',
  'maintenance.verifyUpdate': 'admin',
  'maintenance.installUpdate': 'admin'
} as const satisfies Record<MethodName, Access>

export const roleRank = (role: Role): number => ROLES.indexOf(role)

export const hasRole = (role: Role, least: Role): boolean => roleRank(role) >= roleRank(least)

export function mayCall(role: Role, method: MethodName): boolean {
  const access: Access = METHOD_ACCESS[method]
  return access === 'public' || hasRole(role, access)
}

/** For the screens: everything this role may call, so they can hide what the station would refuse. */
export const allowedMethods = (role: Role): MethodName[] =>
  (Object.keys(METHOD_ACCESS) as MethodName[]).filter((method) => mayCall(role, method))

/** How a refusal names the role a method needs, e.g. "Exporting needs a supervisor account". */
export const ROLE_NAMES: Record<Role, string> = { officer: 'an officer', supervisor: 'a supervisor', admin: 'an administrator' }
