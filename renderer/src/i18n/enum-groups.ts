import {
  AGENCIES,
  CASE_STATUSES,
  CATEGORIES,
  CHANGE_KINDS,
  CONVEYANCE_TYPES,
  ID_DOC_TYPES,
  LOCATION_KINDS,
  PERSON_ROLES,
  SEXES,
  SORT_FIELDS,
  UNITS
} from '../../../preload/schemas/cases'

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
  sort: SORT_FIELDS
} as const

export type EnumGroup = keyof typeof ENUM_GROUPS
export type EnumValue<G extends EnumGroup> = (typeof ENUM_GROUPS)[G][number]

export const enumKey = <G extends EnumGroup>(group: G, value: EnumValue<G>): `enums.${G}.${string}` =>
  `enums.${group}.${value}`
