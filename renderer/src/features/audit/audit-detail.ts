/**
 * One line of what an audit entry recorded: a plain value, or a change from one value to another. A value
 * shortened for the table (a content hash) keeps its whole text in `full`.
 */
export type DetailLine = ({ key: string; value: string } | { key: string; before: string; after: string }) & { full?: string }

const MAX_VALUE = 160
/** A dozen hex digits tell two contents apart at a glance; the whole hash is in the tooltip and in exports. */
const SHORT_HASH = 12
const HASH_KEYS = new Set(['contentHash', 'hash'])

const lastSegment = (key: string) => key.slice(key.lastIndexOf('.') + 1)
const isHash = (key: string, value: unknown): value is string =>
  HASH_KEYS.has(lastSegment(key)) && typeof value === 'string' && /^[0-9a-f]{64}$/.test(value)

function text(value: unknown, key: string): string {
  if (value === null || value === undefined || value === '') return '—'
  if (isHash(key, value)) return `${value.slice(0, SHORT_HASH)}…`
  if (typeof value === 'string') return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.map((v) => text(v, key)).join(', ')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

const isChange = (value: unknown): value is { before: unknown; after: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).sort().join() === 'after,before'

const isNested = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

const isObjectList = (value: unknown): value is Record<string, unknown>[] => Array.isArray(value) && value.length > 0 && value.every(isNested)

/**
 * The recorded detail as readable lines: nested objects (and lists of them: a plan entry's approvals) flattened
 * to dotted names, before/after pairs kept together.
 */
export function detailLines(detail: Record<string, unknown>, prefix = ''): DetailLine[] {
  const lines: DetailLine[] = []
  for (const [name, value] of Object.entries(detail)) {
    const key = prefix ? `${prefix}.${name}` : name
    if (isChange(value)) {
      const line: DetailLine = { key, before: text(value.before, key), after: text(value.after, key) }
      if (isHash(key, value.before) || isHash(key, value.after)) line.full = `${String(value.before)} → ${String(value.after)}`
      lines.push(line)
    } else if (isObjectList(value)) {
      value.forEach((item, i) => lines.push(...detailLines(item, value.length === 1 ? key : `${key}.${i + 1}`)))
    } else if (isNested(value) && Object.keys(value).length > 0) {
      lines.push(...detailLines(value, key))
    } else {
      lines.push({ key, value: text(value, key), ...(isHash(key, value) && { full: value }) })
    }
  }
  return lines
}

/**
 * The order a reader wants a plan entry's lines in: what was done first (how, which changes, the version's name,
 * the sign-off and who approved), the hashes and ids after. Keys not listed keep their recorded order, last.
 */
const PLAN_KEY_ORDER = [
  'via',
  'edits',
  'name',
  'signoff',
  'approvals',
  'versions',
  'by',
  'station',
  'kind',
  'valid',
  'status',
  'counterpart',
  'contentHash',
  'versionId',
  'savedVersionId',
  'id',
  'at',
  'hash',
  'quietMinutes'
]

const rank = (segment: string) => {
  const index = PLAN_KEY_ORDER.indexOf(segment)
  return index < 0 ? PLAN_KEY_ORDER.length : index
}

function byPlanKeyOrder(a: DetailLine, b: DetailLine): number {
  const [x, y] = [a.key.split('.'), b.key.split('.')]
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    // Unlisted keys, and the numbered items of a list, rank alike: they stay in their recorded order.
    if (x[i] !== y[i]) return rank(x[i]) - rank(y[i])
  }
  return 0
}

/** An entry's detail as the audit screen lists it. */
export function entryLines(entry: { action: string; detail: Record<string, unknown> }): DetailLine[] {
  const lines = detailLines(entry.detail)
  return entry.action.startsWith('plan.') ? lines.sort(byPlanKeyOrder) : lines
}

/** A recorded moment ("at" keys hold ISO date-times), for the reader's date format. */
export const isMoment = (key: string, value: string): boolean => lastSegment(key) === 'at' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)

/**
 * Codes that plan entries record, and the locale group that names them (`<group>.<code>`). Only for plan.*
 * entries: elsewhere the same key may hold another vocabulary (a case's status is not a plan's).
 */
export const PLAN_DETAIL_VALUES: Record<string, string> = {
  via: 'audit.via',
  signoff: 'enums.signoffState',
  status: 'enums.planStatus',
  kind: 'enums.versionKind',
  valid: 'audit.valid'
}

/** The locale group naming the value of `key` in an entry of `action`, if there is one. */
export const valueGroup = (action: string, key: string): string | null =>
  action.startsWith('plan.') ? (PLAN_DETAIL_VALUES[lastSegment(key)] ?? null) : null
