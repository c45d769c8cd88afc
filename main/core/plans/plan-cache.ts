/**
 * Values derived from parts of a live plan document (the text of a paragraph, the canonical form of a list),
 * kept until a transaction changes that part or anything inside it. Every keystroke on a long plan would
 * otherwise re-read the whole document to refresh the list row, the search text and the content hash.
 *
 * Only documents registered with cacheDerived() are cached, and their owner must pass every transaction
 * to forgetChanged() before reading; anything read during a transaction is computed afresh.
 */
import type * as Y from 'yjs'

type Cache = WeakMap<object, Map<string, unknown>>
/** What of a Yjs type the cache needs: its document and, through its item, its parent. */
interface TypeNode {
  doc: Y.Doc | null
  _item: { parent: unknown } | null
}

const parentOf = (type: TypeNode): TypeNode | null => (type._item?.parent as TypeNode | undefined) ?? null
const caches = new WeakMap<Y.Doc, Cache>()

export function cacheDerived(doc: Y.Doc): void {
  caches.set(doc, new WeakMap())
}

/** Drops what the transaction changed, and everything containing it. */
export function forgetChanged(transaction: Y.Transaction): void {
  const cache = caches.get(transaction.doc)
  if (!cache) return
  for (const type of transaction.changed.keys()) {
    for (let t: TypeNode | null = type; t; t = parentOf(t)) cache.delete(t)
  }
}

export function cached<T>(type: TypeNode, key: string, compute: () => T): T {
  const doc = type.doc
  const cache = doc && doc._transaction === null ? caches.get(doc) : undefined
  if (!cache) return compute()
  let entries = cache.get(type)
  if (!entries) cache.set(type, (entries = new Map()))
  if (entries.has(key)) return entries.get(key) as T
  const value = compute()
  entries.set(key, value)
  return value
}
