/**
 * JSON with object keys sorted and no whitespace, so equal data gives equal text on every station
 * whatever order it was built in. Binary values become {"b64": …}; undefined and non-finite numbers null.
 */
export function plainJson(value: unknown): string {
  if (value === undefined || value === null) return 'null'
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null'
  if (typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (value instanceof Uint8Array) return objectJson([['b64', Buffer.from(value).toString('base64')]], plainJson)
  if (Array.isArray(value)) return `[${value.map(plainJson).join(',')}]`
  return objectJson(Object.entries(value), plainJson)
}

export function objectJson(entries: [string, unknown][], valueJson: (value: unknown) => string): string {
  const sorted = entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${sorted.map(([k, v]) => `${JSON.stringify(k)}:${valueJson(v)}`).join(',')}}`
}
