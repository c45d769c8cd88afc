/**
 * What a bundle carries, counted from its updates alone, so the writer and the reader (before it applies
 * anything) give the same figures: a record written at revision 1 is new, later revisions are corrections, a
 * withdrawn one a withdrawal; messages by kind; plans by document.
 */
import * as Y from 'yjs'
import type { BundleContents } from '../../../preload/api'
import type { DocInfo } from '../docs/doc-info'

export const emptyContents = (): BundleContents => ({
  records: { new: 0, corrections: 0, withdrawals: 0, bytes: 0 },
  messages: { alerts: 0, requests: 0, replies: 0, receipts: 0, bytes: 0 },
  plans: { changed: 0, bytes: 0 },
  acknowledged: 0
})

/** Values set on the document's top-level map by this update (a map entry's value is one item's content). */
function mapValues(update: Uint8Array): Record<string, unknown>[] {
  const values: Record<string, unknown>[] = []
  for (const struct of Y.decodeUpdateV2(update).structs) {
    if (!(struct instanceof Y.Item) || struct.parentSub === null || !(struct.content instanceof Y.ContentAny)) continue
    const [value] = struct.content.getContent() as unknown[]
    if (value && typeof value === 'object') values.push(value as Record<string, unknown>)
  }
  return values
}

/** Adds one document's update (decompressed) to the counts; `bytes` is what it takes in the bundle. */
export function countUpdate(contents: BundleContents, info: DocInfo, update: Uint8Array, bytes: number): void {
  if (info.kind === 'plan') {
    contents.plans.changed++
    contents.plans.bytes += bytes
    return
  }
  if (info.kind === 'records') {
    contents.records.bytes += bytes
    for (const value of mapValues(update)) {
      if (value.withdrawn) contents.records.withdrawals++
      else if (value.revision === 1) contents.records.new++
      else contents.records.corrections++
    }
    return
  }
  contents.messages.bytes += bytes
  for (const value of mapValues(update)) {
    if (value.kind === 'alert') contents.messages.alerts++
    else if (value.kind === 'request') contents.messages.requests++
    else if (value.kind === 'reply' || value.kind === 'ack') contents.messages.replies++
    else contents.messages.receipts++
  }
}
