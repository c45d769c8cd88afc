import type { MethodName } from '../../../../preload/api'

export const MANAGEMENT_TABS = ['dashboard', 'exports', 'audit', 'admin', 'maintenance'] as const
export type ManagementTab = (typeof MANAGEMENT_TABS)[number]

/** The call each tab is built on: a tab shows only to those the station lets make it (supervisors; admin for accounts). */
export const TAB_METHOD: Record<ManagementTab, MethodName> = {
  dashboard: 'reports.monthly',
  exports: 'export.run',
  audit: 'audit.list',
  admin: 'users.list',
  maintenance: 'maintenance.status'
}

export const allowedTabs = (can: (method: MethodName) => boolean): ManagementTab[] => MANAGEMENT_TABS.filter((tab) => can(TAB_METHOD[tab]))
