/**
 * The before/after an audit entry keeps of an edit: each changed top-level field, with short values in full,
 * long text cut, and lists (items, persons, conveyances) as their number of entries; the full versions stay
 * in the record's own history, so the trail names what changed without copying personal data wholesale.
 */
const MAX_TEXT = 200

function brief(value: unknown): unknown {
  if (value === undefined || value === null) return null
  if (typeof value === 'string') return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value
  if (Array.isArray(value)) return { entries: value.length }
  if (typeof value === 'object') return { fields: Object.keys(value).length }
  return value
}

export function fieldChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  ignore: readonly string[] = []
): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {}
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (ignore.includes(key) || JSON.stringify(before[key]) === JSON.stringify(after[key])) continue
    changes[key] = { before: brief(before[key]), after: brief(after[key]) }
  }
  return changes
}
