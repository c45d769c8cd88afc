/**
 * The content hash both stations sign: SHA-256 over a canonical JSON of the content roots, computed from the
 * document's values alone (never from how or in which order they arrived), so two stations holding the same
 * content compute the same hash. Unknown keys a newer station wrote are included: agreement covers what is
 * in the document, not what this version understands of it.
 */
import { createHash } from 'node:crypto'
import * as Y from 'yjs'
import { objectJson, plainJson } from '../canonical-json'
import { cached } from './plan-cache'
import { CONTENT_ROOTS, UNSIGNED_META_KEYS } from '../../../preload/plan-layout'
import { textRuns } from './plan-text'

function typeJson(value: Y.AbstractType<unknown>): string {
  if (value instanceof Y.XmlElement) {
    return objectJson(
      [
        ['<', value.nodeName],
        ['@', value.getAttributes()],
        ['*', value.toArray()]
      ],
      canonicalJson
    )
  }
  if (value instanceof Y.Text) {
    const runs = textRuns(value).map((run) => `{"a":${run.format},"i":${canonicalJson(run.insert)}}`)
    return `{"t":[${runs.join(',')}]}`
  }
  if (value instanceof Y.XmlFragment || value instanceof Y.Array) return `[${value.toArray().map(canonicalJson).join(',')}]`
  if (value instanceof Y.Map) return objectJson([...value.entries()], canonicalJson)
  return 'null'
}

/** Canonical JSON of a Yjs value: maps and attributes with sorted keys, texts as runs of equal formatting. */
export function canonicalJson(value: unknown): string {
  if (value instanceof Y.AbstractType) return cached(value, 'json', () => typeJson(value))
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) return objectJson(Object.entries(value), canonicalJson)
  return plainJson(value)
}

function rootJson(doc: Y.Doc, root: (typeof CONTENT_ROOTS)[number]): string {
  if (root === 'meta') {
    const entries = [...doc.getMap(root).entries()].filter(([key]) => !UNSIGNED_META_KEYS.includes(key))
    return objectJson(entries, canonicalJson)
  }
  if (root === 'comms') return canonicalJson(doc.getMap(root))
  if (root === 'notes') return canonicalJson(doc.getXmlFragment(root))
  return canonicalJson(doc.getArray(root))
}

/** Hex SHA-256 of the canonical content: everything but the workflow phase, the approvals and the history. */
export function contentHash(doc: Y.Doc): string {
  const hash = createHash('sha256').update('blo-plan-content/1\n{')
  CONTENT_ROOTS.map((root) => root as string)
    .sort()
    .forEach((root, i) => hash.update(`${i ? ',' : ''}${JSON.stringify(root)}:`).update(rootJson(doc, root as (typeof CONTENT_ROOTS)[number])))
  return hash.update('}').digest('hex')
}
