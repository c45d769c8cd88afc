import type { DocInfo } from '../docs/doc-info'
import type { DocStore } from '../docs/doc-store'
import { digestOf, fingerprint, isEmptyFingerprint, type DocFingerprint } from './doc-fingerprint'

/** Per document, its fingerprint while it has not changed: every ack, listing and digest needs them. */
export class FingerprintCache {
  private readonly fingerprints = new Map<string, DocFingerprint>()

  constructor(private readonly store: DocStore) {}

  /**
   * Every stored change is announced (the session then forgets the document here), so a fingerprint stays right
   * until then; a change rolled back is never announced, but its document is reloaded as it was, which the
   * fingerprint still describes.
   */
  of(doc: string): DocFingerprint {
    let f = this.fingerprints.get(doc)
    if (!f) {
      f = fingerprint(this.store.get(doc))
      this.fingerprints.set(doc, f)
    }
    return f
  }

  forget(doc: string): void {
    this.fingerprints.delete(doc)
  }

  /** The digest of the given documents that hold anything. */
  digest(docs: DocInfo[]): Uint8Array {
    const entries: [string, DocFingerprint][] = []
    for (const info of docs) {
      const f = this.of(info.name)
      if (!isEmptyFingerprint(f)) entries.push([info.name, f])
    }
    return digestOf(entries)
  }
}
