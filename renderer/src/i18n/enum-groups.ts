import { CHANGE_KINDS, SORT_FIELDS } from '../../../preload/schemas/cases'
import { LINK_STATES } from '../../../preload/schemas/link'
import { PLAN_LISTS, PLAN_STATUSES, SIGNOFF_STATES, TASK_STATUSES, VERSION_KINDS } from '../../../preload/schemas/plans'
import {
  AGENCIES,
  ALERT_SUBJECTS,
  CASE_STATUSES,
  CATEGORIES,
  CONVEYANCE_TYPES,
  EXCHANGE_BOXES,
  EXPORT_KINDS,
  ID_DOC_TYPES,
  LOCATION_KINDS,
  PERSON_ROLES,
  PRIORITIES,
  SEXES,
  SHARE_FIELDS,
  UNITS
} from '../../../preload/vocabulary'
import { ROLES } from '../../../preload/schemas/users'

/**
 * What the link log records (main/core/identity/link-log.ts). The contract carries the kind as text, so a
 * kind added by a newer station shows as written until it gets a label here.
 */
export const LINK_EVENT_KINDS = [
  'paired',
  'pairing-updated',
  'unpaired',
  'connected',
  'disconnected',
  'refused-unpaired',
  'refused-wrong-key',
  'refused-no-certificate',
  'refused-tls',
  'refused-frame',
  'refused-update',
  'refused-foreign-write',
  'protocol',
  'dial-failed',
  'bundle-written',
  'bundle-imported',
  'bundle-refused'
] as const

/** Every vocabulary of the contract and the locale group that labels it: `enums.<group>.<value>`. */
export const ENUM_GROUPS = {
  category: CATEGORIES,
  agency: AGENCIES,
  unit: UNITS,
  status: CASE_STATUSES,
  locationKind: LOCATION_KINDS,
  sex: SEXES,
  role: PERSON_ROLES,
  idType: ID_DOC_TYPES,
  conveyance: CONVEYANCE_TYPES,
  change: CHANGE_KINDS,
  sort: SORT_FIELDS,
  shareField: SHARE_FIELDS,
  alertSubject: ALERT_SUBJECTS,
  priority: PRIORITIES,
  box: EXCHANGE_BOXES,
  linkState: LINK_STATES,
  linkEvent: LINK_EVENT_KINDS,
  planStatus: PLAN_STATUSES,
  taskStatus: TASK_STATUSES,
  signoffState: SIGNOFF_STATES,
  planList: PLAN_LISTS,
  versionKind: VERSION_KINDS,
  accountRole: ROLES,
  exportKind: EXPORT_KINDS
} as const

export type EnumGroup = keyof typeof ENUM_GROUPS
export type EnumValue<G extends EnumGroup> = (typeof ENUM_GROUPS)[G][number]
