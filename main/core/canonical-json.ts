/**
 * One byte sequence per value, so that a hash or a signature can be recomputed by anyone: object keys sorted
 * (UTF-16 order, which is code-point order for the ASCII keys the station writes), no whitespace, strings and
 * numbers as JSON.stringify writes them. For the strings, integers, booleans and nulls the station hashes this is
 * RFC 8785 (JCS); Python's json.dumps(v, sort_keys=True, separators=(',', ':'), ensure_ascii=False) agrees too.
 * The `canonicalize` package (RFC 8785) is ESM-only from version 3 on, which the CommonJS main process cannot load
 * on Node 20, hence these few lines.
 *
 * Two rules over the same form, on purpose, and both fixed (hashes made with them are stored and signed):
 * - canonicalJson, for what the station itself writes (audit entries, manifests, update statements): anything JSON
 *   cannot hold is a bug and throws.
 * - plainJson, for what a counterpart's document may hold (a plan's content): it must never throw on a peer's
 *   bytes, so binary becomes {"b64": …} and undefined or non-finite numbers null.
 */

export function objectJson(entries: [string, unknown][], valueJson: (value: unknown) => string): string {
  const sorted = entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${sorted.map(([k, v]) => `${JSON.stringify(k)}:${valueJson(v)}`).join(',')}}`
}

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
      return objectJson(
        Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined),
        canonicalJson
      )
    }
    default:
      throw new TypeError(`canonical JSON has no ${typeof value}`)
  }
}

export function plainJson(value: unknown): string {
  if (value === undefined || value === null) return 'null'
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null'
  if (typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (value instanceof Uint8Array) return objectJson([['b64', Buffer.from(value).toString('base64')]], plainJson)
  if (Array.isArray(value)) return `[${value.map(plainJson).join(',')}]`
  return objectJson(Object.entries(value), plainJson)
}
