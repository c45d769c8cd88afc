/**
 * Frames a peer sent, waiting their turn. Handling one can be expensive (decompress, apply to a large
 * document, commit, fingerprint), so they are handled in turns of a few milliseconds with the event loop in
 * between: the screens' API calls, other sockets and the peer's own pings get their turn while a burst is
 * worked off. Items that share a key while they wait are handed over together (updates to one document:
 * applied as one, in one transaction). A peer that sends faster than the station handles is held back by
 * TCP: past the high-water mark the queue asks its channel to stop reading, and to read again at half.
 */

export interface InboundLimits {
  /** Frames waiting before reading stops. An honest peer has at most its flow-control window in flight. */
  maxFrames: number
  /** Bytes waiting before reading stops. */
  maxBytes: number
  /** A turn handles items until it has taken this long (always at least one). */
  turnMs: number
}

export const DEFAULT_INBOUND_LIMITS: InboundLimits = {
  maxFrames: 256,
  maxBytes: 4 * 1024 * 1024,
  turnMs: 10
}

/** None may throw: they run from the event loop, where nothing would catch it. */
export interface InboundHandlers<T> {
  handle(item: T): void
  /** Items with the same key (not null) that wait at the same time are merged into the first. */
  keyOf(item: T): string | null
  merge(into: T, next: T): void
  /** After each turn, e.g. to send what the handled frames made due. */
  afterTurn(): void
  /** Stop reading from the peer; resume() reads again. */
  pause(): void
  resume(): void
}

interface Entry<T> {
  item: T
  key: string | null
  frames: number
  bytes: number
}

export class InboundQueue<T> {
  private entries: Entry<T>[] = []
  private head = 0
  private readonly waiting = new Map<string, Entry<T>>()
  private frames = 0
  private bytes = 0
  private paused = false
  private scheduled = false
  private stopped = false

  constructor(
    private readonly handlers: InboundHandlers<T>,
    private readonly limits: InboundLimits = DEFAULT_INBOUND_LIMITS
  ) {}

  /** Frames waiting to be handled. */
  get size(): number {
    return this.frames
  }

  push(item: T, bytes: number): void {
    if (this.stopped) return
    const key = this.handlers.keyOf(item)
    const same = key === null ? undefined : this.waiting.get(key)
    if (same) {
      this.handlers.merge(same.item, item)
      same.frames++
      same.bytes += bytes
    } else {
      const entry = { item, key, frames: 1, bytes }
      this.entries.push(entry)
      if (key !== null) this.waiting.set(key, entry)
    }
    this.frames++
    this.bytes += bytes
    if (!this.paused && (this.frames >= this.limits.maxFrames || this.bytes >= this.limits.maxBytes)) {
      this.paused = true
      this.handlers.pause()
    }
    this.schedule()
  }

  /** Drops whatever is waiting and handles nothing more (the session is over). */
  stop(): void {
    this.stopped = true
    this.entries = []
    this.head = 0
    this.waiting.clear()
    this.frames = 0
    this.bytes = 0
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      this.turn()
    })
  }

  private turn(): void {
    if (this.stopped || this.head === this.entries.length) return
    const deadline = performance.now() + this.limits.turnMs
    do {
      const entry = this.entries[this.head++]
      if (entry.key !== null) this.waiting.delete(entry.key)
      this.frames -= entry.frames
      this.bytes -= entry.bytes
      this.handlers.handle(entry.item)
    } while (!this.stopped && this.head < this.entries.length && performance.now() < deadline)
    if (this.stopped) return
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head)
      this.head = 0
    }
    if (this.paused && this.frames <= this.limits.maxFrames / 2 && this.bytes <= this.limits.maxBytes / 2) {
      this.paused = false
      this.handlers.resume()
    }
    this.handlers.afterTurn()
    if (this.head < this.entries.length) this.schedule()
  }
}
