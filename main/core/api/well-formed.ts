/**
 * Text with an unpaired surrogate (a cut-off emoji, a broken paste) has no UTF-8 form: SQLite and Yjs each
 * replace the broken unit with U+FFFD when they store it, at different moments, so a case as shown and as
 * indexed, or a shared record and the counterpart's copy of it, would differ. Input is made well-formed once,
 * at the API's door, so every store receives the same text.
 */
const UNPAIRED = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** Nothing in the contract nests this deep; anything deeper is refused by the schema, untouched here. */
const MAX_DEPTH = 64

/** The value with every unpaired surrogate in its strings replaced by U+FFFD; the same object when there is none. */
export function wellFormed<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return value.replace(UNPAIRED, '\ufffd') as T
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return value
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null
    value.forEach((item, i) => {
      const fixed = wellFormed(item, depth + 1)
      if (fixed !== item) (copy ??= [...value])[i] = fixed
    })
    return (copy ?? value) as T
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value
  const source = value as Record<string, unknown>
  let copy: Record<string, unknown> | null = null
  for (const [key, item] of Object.entries(source)) {
    const fixed = wellFormed(item, depth + 1)
    if (fixed !== item) (copy ??= { ...source })[key] = fixed
  }
  return (copy ?? value) as T
}
