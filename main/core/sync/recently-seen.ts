import { createHash } from 'node:crypto'

/** Whether these bytes passed by among the last `capacity` distinct ones (by SHA-256); remembers them if not. */
export class RecentlySeen {
  private readonly digests = new Set<string>()

  constructor(private readonly capacity: number) {}

  seen(bytes: Uint8Array): boolean {
    const digest = createHash('sha256').update(bytes).digest('base64')
    if (this.digests.has(digest)) return true
    if (this.digests.size >= this.capacity) this.digests.delete(this.digests.values().next().value!)
    this.digests.add(digest)
    return false
  }
}
