/**
 * The contract's vocabularies as plain constants, with no zod behind them: the schemas build their enums from
 * these, and the CLI prints them in its help without loading the schemas. Labels live in the renderer's
 * locales, keyed by these values.
 */

export const CATEGORIES = [
  'narcotics',
  'precursors',
  'wildlife',
  'timber',
  'counterfeit',
  'people_trafficking',
  'migrant_smuggling',
  'weapons',
  'currency',
  'other'
] as const
export const AGENCIES = ['police', 'customs', 'immigration', 'forestry', 'other'] as const
export const UNITS = ['kg', 'g', 'L', 'tablets', 'pieces', 'm3', 'head', 'other'] as const
export const CASE_STATUSES = ['open', 'investigating', 'referred', 'closed'] as const
export const LOCATION_KINDS = ['crossing', 'checkpoint', 'other'] as const
export const SEXES = ['male', 'female', 'unknown'] as const
export const PERSON_ROLES = ['suspect', 'victim', 'witness', 'other'] as const
export const ID_DOC_TYPES = ['passport', 'national_id', 'border_pass', 'driving_licence', 'other', 'none'] as const
export const CONVEYANCE_TYPES = ['car', 'pickup', 'truck', 'bus', 'motorcycle', 'boat', 'on_foot', 'other'] as const

/** Field groups an officer picks when sharing a case. `core` (category, when, where) always goes across. */
export const SHARE_FIELDS = [
  'core',
  'summary',
  'narrative',
  'items',
  'conveyances',
  'persons.basic',
  'persons.names',
  'persons.idDocuments'
] as const
type ShareField = (typeof SHARE_FIELDS)[number]
/** Personal data: stays home unless the officer ticks it for this share. */
export const PERSONAL_SHARE_FIELDS: readonly ShareField[] = ['persons.names', 'persons.idDocuments']
/**
 * Pre-ticked in the picker and used when none are given. The narrative is left out: officers write
 * names into it, and it cannot be filtered.
 */
export const DEFAULT_SHARE_FIELDS: readonly ShareField[] = ['core', 'summary', 'items', 'conveyances', 'persons.basic']

export const ALERT_SUBJECTS = ['vehicle', 'person', 'route', 'other'] as const
export const PRIORITIES = ['urgent', 'high', 'normal'] as const
export const EXCHANGE_BOXES = ['received', 'sent', 'alerts', 'requests'] as const

/** What a table export holds: the case log, records received from the counterpart, the message log, the audit trail. */
export const EXPORT_KINDS = ['cases', 'received', 'exchange', 'audit'] as const

export const TABLE_FORMATS = ['csv', 'xlsx', 'json'] as const

/** Languages the monthly report is written in: those of the screens (renderer/src/i18n/locales). */
export const REPORT_LANGUAGES = ['en', 'th', 'lo'] as const
