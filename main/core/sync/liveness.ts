/**
 * Whether the peer is still there. A connection whose far end has vanished can look open for a long time, so
 * this side pings whenever it has sent nothing for a while, and gives the session up once the peer has been
 * silent for too long.
 */

export interface LivenessOptions {
  /** Silence after which the peer is taken as gone. Must exceed the link time of one chunk by far. */
  livenessMs: number
  pingEveryMs: number
}

export interface LivenessDeps {
  ping(nonce: number): void
  /** Frames from the peer not yet handled: word from the peer too (while they wait, reading may be paused). */
  waiting(): number
  silent(forMs: number): void
}

export class Liveness {
  private readonly timer: NodeJS.Timeout
  private lastReceived = Date.now()
  private lastSent = Date.now()
  private pingNonce = 0

  constructor(
    private readonly options: LivenessOptions,
    private readonly deps: LivenessDeps
  ) {
    this.timer = setInterval(() => this.tick(), Math.min(options.pingEveryMs, 1000))
    this.timer.unref()
  }

  get lastContact(): number {
    return this.lastReceived
  }

  heard(): void {
    this.lastReceived = Date.now()
  }

  spoke(): void {
    this.lastSent = Date.now()
  }

  stop(): void {
    clearInterval(this.timer)
  }

  private tick(): void {
    const now = Date.now()
    if (now - this.lastReceived > this.options.livenessMs && this.deps.waiting() === 0) return this.deps.silent(now - this.lastReceived)
    if (now - this.lastSent >= this.options.pingEveryMs) this.deps.ping(++this.pingNonce)
  }
}
