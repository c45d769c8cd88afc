/** One line of what an audit entry recorded: a plain value, or a change from one value to another. */
export type DetailLine = { key: string; value: string } | { key: string; before: string; after: string }

const MAX_VALUE = 160

function text(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'string') return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.map(text).join(', ')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

const isChange = (value: unknown): value is { before: unknown; after: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).sort().join() === 'after,before'

const isNested = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The recorded detail as readable lines: nested objects flattened to dotted names, before/after pairs kept together. */
export function detailLines(detail: Record<string, unknown>, prefix = ''): DetailLine[] {
  const lines: DetailLine[] = []
  for (const [name, value] of Object.entries(detail)) {
    const key = prefix ? `${prefix}.${name}` : name
    if (isChange(value)) lines.push({ key, before: text(value.before), after: text(value.after) })
    else if (isNested(value) && Object.keys(value).length > 0) lines.push(...detailLines(value, key))
    else lines.push({ key, value: text(value) })
  }
  return lines
}
