/**
 * How much may be on the way to the peer unacknowledged, and how large a chunk is. Both follow the link as
 * measured by what the peer acknowledges, so that on a slow link no chunk holds the line for more than a few
 * seconds, and on a fast one the chunks grow.
 */

export interface PacingOptions {
  /** Each chunk should take about this long on the measured link. */
  chunkSeconds: number
  minChunkBytes: number
  maxChunkBytes: number
  initialChunkBytes: number
}

export class FlowControl {
  private inFlight = 0
  private chunkSize: number
  private rate: { at: number; bytes: number }[] = []

  constructor(private readonly options: PacingOptions) {
    this.chunkSize = options.initialChunkBytes
  }

  get chunkBytes(): number {
    return this.chunkSize
  }

  /** Whether the window (two chunks) has room for another frame or chunk. */
  get open(): boolean {
    return this.inFlight < 2 * this.chunkSize
  }

  sent(bytes: number): void {
    this.inFlight += bytes
  }

  /** The peer acknowledged these bytes: they leave the window and count towards the measured rate. */
  delivered(bytes: number): void {
    this.inFlight -= bytes
    const now = Date.now()
    this.rate.push({ at: now, bytes })
    this.rate = this.rate.filter((r) => now - r.at <= 10_000)
    const span = (now - this.rate[0].at) / 1000
    if (this.rate.length < 3 || span < 1) return
    const bytesPerSecond = this.rate.slice(1).reduce((n, r) => n + r.bytes, 0) / span
    const { minChunkBytes, maxChunkBytes, chunkSeconds } = this.options
    this.chunkSize = Math.round(Math.min(maxChunkBytes, Math.max(minChunkBytes, bytesPerSecond * chunkSeconds)))
  }
}
