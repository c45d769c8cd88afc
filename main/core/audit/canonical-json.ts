/**
 * One byte sequence per JSON value, so a hash can be recomputed by anyone: object keys sorted (UTF-16 order, which is code-point order for the ASCII keys
 * the station writes),
 * no whitespace, strings and numbers as JSON.stringify writes them. Python's
 * json.dumps(v, sort_keys=True, separators=(',', ':'), ensure_ascii=False) agrees for strings and integers.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value)
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no ${value}`)
      return JSON.stringify(value)
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
    }
    default:
      throw new TypeError(`canonical JSON has no ${typeof value}`)
  }
}
