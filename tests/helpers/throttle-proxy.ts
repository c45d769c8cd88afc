/**
 * A bad border link on loopback for tests and benchmarks (`tc netem` is not available in this kernel).
 *
 *   const proxy = await startThrottleProxy({ target: { host: '127.0.0.1', port }, rateBitsPerSecond: 128_000, delayMs: 300 })
 *   dial('127.0.0.1', proxy.port)           // the dialer connects here instead of to the target
 *   proxy.setLink({ delayMs: 400 })         // applies to bytes not yet on the wire
 *   proxy.cut()                             // both ends see a reset; new connections are reset until restore()
 *   proxy.cut({ silent: true })             // dead radio: nothing moves, nothing closes; restore() resumes it all
 *   proxy.restore()
 *   proxy.stats()                           // bytes delivered each way, connections, worst transit, peak buffering
 *   proxy.onBytes(({ bytes, dueMs, atMs }) => ...)  // each delivery, with the time the link model had it due
 *   await proxy.close()
 *
 * It forwards bytes and never parses them, so TLS passes through untouched.
 * Model, per direction: a FIFO link that serialises payload bytes at `rateBitsPerSecond` (TCP/IP headers are not
 * counted), then adds `delayMs` of propagation. Each new connection pays one RTT of TCP handshake before its first
 * client byte leaves, so the first byte reaches the target 3 × delayMs after connect. The proxy holds at most about
 * `queueBytes` per direction (a router's buffer) and then pauses the sender.
 * Beware: in front of the proxy, the dialer's own kernel send buffer on loopback grows to ~4 MB (loopback MSS is 64 KB),
 * all of which the dialer believes "sent" (socket drained, ws bufferedAmount 0) while at 128 kbit/s it is minutes from
 * crossing. Pace bulk data by acknowledgements from the far end, not by socket drain; stats() cannot see that queue.
 */
import { connect, createServer, type Socket } from 'node:net'
import { performance } from 'node:perf_hooks'

export interface LinkConditions {
  /** Payload bits per second in each direction; undefined = unlimited. */
  rateBitsPerSecond?: number
  /** One-way latency, so RTT ≈ 2 × delayMs. */
  delayMs?: number
}

export interface ThrottleProxyOptions extends LinkConditions {
  target: { host: string; port: number }
  /** 0 (the default) picks a free port. */
  listenPort?: number
  /** Bytes held per direction before the sending socket is paused; default 64 KiB. */
  queueBytes?: number
}

export type Direction = 'up' | 'down'

/**
 * Bytes handed to the receiving end; up = client→target, down = target→client. The times are performance.now()
 * values; `receivedAtMs` and `dueMs` are the link model's schedule, which a busy machine cannot shift: a late timer
 * makes `atMs` later than `dueMs`, never the schedule itself. Delivery is never earlier than due.
 */
export interface BytesDelivered {
  direction: Direction
  bytes: number
  /** when these bytes reached the proxy */
  receivedAtMs: number
  /** when the link model has their last bit reach the far side: serialised at the rate behind what went before, plus the delay */
  dueMs: number
  /** when they were actually handed over */
  atMs: number
}

export interface ThrottleStats {
  bytesUp: number
  bytesDown: number
  /** connections forwarded to the target */
  connections: number
  openConnections: number
  /** connections reset on arrival because the link was cut */
  refusedConnections: number
  /** longest time any byte spent between arriving at the proxy and being delivered */
  maxChunkTransitMs: number
  /** most bytes held for one direction at once, including what the receiving socket had not flushed */
  peakQueuedBytes: number
  /** directions whose sender the proxy is holding back right now (not reading from it) because their queue is full */
  sendersHeldBack: number
}

export interface ThrottleProxy {
  readonly port: number
  cut(options?: { silent?: boolean }): void
  restore(): void
  /** Only the keys present change; `{ rateBitsPerSecond: undefined }` lifts the limit. */
  setLink(conditions: LinkConditions): void
  stats(): ThrottleStats
  resetStats(): void
  /** Returns the unsubscribe function. */
  onBytes(listener: (event: BytesDelivered) => void): () => void
  close(): Promise<void>
}

type Mode = 'up' | 'cut' | 'silent' | 'closed'

/** What every connection reads from and reports to. */
interface LinkState {
  rate: number | undefined
  delay: number
  mode: Mode
  queueBytes: number
  delivered(direction: Direction, slice: Slice): void
  buffered(bytes: number): void
}

interface Slice {
  data: Buffer
  receivedAt: number
  /** when it may start to be serialised; moved forward after a silent cut */
  readyAt: number
  /** when its last bit has left the sending side */
  sentAt?: number
  /** when its last bit reaches the receiving side */
  arrivesAt?: number
}

const DEFAULT_QUEUE_BYTES = 64 * 1024
const TYPICAL_SEGMENT_BYTES = 1460
/** Timers may fire a little before performance.now() reaches the due time (libuv caches loop time). */
const TIMER_SLACK_MS = 1

/** Small slices on slow links so bytes arrive as a stream, not in 64 KB lumps; big ones on fast links to save timers. */
function sliceBytes(rate: number | undefined): number {
  if (rate === undefined) return Number.POSITIVE_INFINITY
  return Math.min(64 * 1024, Math.max(TYPICAL_SEGMENT_BYTES, Math.round((rate / 8) * 0.02)))
}

/** One direction of one connection. */
class Pipe {
  private readonly onTheWay: Slice[] = []
  private readonly inFlight: Slice[] = []
  private queued = 0
  private linkFreeAt: number
  private timer: NodeJS.Timeout | undefined
  private sourceEnded = false
  private sinkEnded = false
  private stopped = false
  /** the listener hands over client sockets paused; the first pump decides whether to read */
  private reading = false
  /** not reading because the queue is full (rather than because the link is cut or the pipe stopped) */
  heldBack = false

  constructor(
    private readonly direction: Direction,
    private readonly source: Socket,
    private readonly sink: Socket,
    private readonly state: LinkState,
    notBefore: number
  ) {
    this.linkFreeAt = notBefore
    source.on('data', (data: Buffer) => this.accept(data))
    source.on('end', () => {
      this.sourceEnded = true
      this.pump()
    })
    sink.on('drain', () => this.pump())
  }

  /** After a silent cut everything still held goes out again as if it had just arrived (TCP retransmits it). */
  rewind(now: number): void {
    const held = this.inFlight.splice(0).concat(this.onTheWay.splice(0))
    for (const slice of held) {
      slice.readyAt = now
      slice.sentAt = slice.arrivesAt = undefined
    }
    this.onTheWay.push(...held)
    this.linkFreeAt = now
  }

  stop(): void {
    this.stopped = true
    clearTimeout(this.timer)
    this.onTheWay.length = this.inFlight.length = 0
    this.queued = 0
  }

  private accept(data: Buffer): void {
    const now = performance.now()
    const step = sliceBytes(this.state.rate)
    for (let at = 0; at < data.length; at += step) {
      this.onTheWay.push({ data: data.subarray(at, at + step), receivedAt: now, readyAt: now })
    }
    this.queued += data.length
    this.pump()
  }

  /** Moves whatever is due and sets the timer for the next due slice; safe to call at any time. */
  pump(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    if (this.stopped || this.state.mode !== 'up') return this.updateFlow()
    const now = performance.now()
    this.transmit(now + TIMER_SLACK_MS)
    this.deliver(now + TIMER_SLACK_MS)
    if (this.sourceEnded && !this.sinkEnded && this.queued === 0) {
      this.sinkEnded = true
      this.sink.end()
    }
    this.updateFlow()
    const next = Math.min(this.onTheWay[0]?.sentAt ?? Infinity, this.inFlight[0]?.arrivesAt ?? Infinity)
    if (next !== Infinity) {
      this.timer = setTimeout(() => this.pump(), Math.max(1, Math.ceil(next - now)))
      this.timer.unref()
    }
  }

  /** "Link busy until t": times come from the schedule, not from when a timer fired, so late timers add no drift. */
  private transmit(now: number): void {
    const { rate, delay } = this.state
    for (let head = this.onTheWay[0]; head; head = this.onTheWay[0]) {
      if (head.sentAt === undefined) {
        const start = Math.max(this.linkFreeAt, head.readyAt)
        head.sentAt = start + (rate === undefined ? 0 : (head.data.length * 8000) / rate)
        this.linkFreeAt = head.sentAt
      }
      if (head.sentAt > now) return
      this.onTheWay.shift()
      head.arrivesAt = head.sentAt + delay
      this.inFlight.push(head)
    }
  }

  /** Strictly FIFO: after a delay is lowered, later bytes wait behind earlier ones instead of overtaking them. */
  private deliver(now: number): void {
    while (this.inFlight.length > 0 && (this.inFlight[0].arrivesAt ?? Infinity) <= now) {
      const slice = this.inFlight.shift() as Slice
      this.queued -= slice.data.length
      if (this.sink.destroyed) continue
      this.sink.write(slice.data)
      this.state.delivered(this.direction, slice)
    }
  }

  private updateFlow(): void {
    const held = this.queued + this.sink.writableLength
    this.state.buffered(held)
    const limit = this.state.queueBytes
    const open = !this.stopped && this.state.mode === 'up'
    const read = open && (this.reading ? held <= limit : held <= limit / 2)
    this.heldBack = open && !read
    if (read === this.reading) return
    this.reading = read
    if (read) this.source.resume()
    else this.source.pause()
  }
}

/** A client connection and its dial to the target. */
class Connection {
  private readonly upstream: Socket
  private readonly pipes: Pipe[]
  private abortPending = false
  private closedSockets = 0

  constructor(
    private readonly client: Socket,
    target: { host: string; port: number },
    private readonly state: LinkState,
    private readonly onGone: (connection: Connection) => void
  ) {
    this.upstream = connect({ host: target.host, port: target.port, allowHalfOpen: true })
    const handshakeDone = performance.now() + 2 * state.delay
    this.pipes = [
      new Pipe('up', client, this.upstream, state, handshakeDone),
      new Pipe('down', this.upstream, client, state, 0)
    ]
    for (const socket of [client, this.upstream]) {
      // ECONNRESET, EPIPE, ECONNREFUSED from the target: the other end must learn the link is gone
      socket.on('error', () => this.abort())
      socket.on('close', () => {
        if (++this.closedSockets === 2) this.onGone(this)
      })
    }
    for (const pipe of this.pipes) pipe.pump()
  }

  /** Both ends see a reset, as when a router between them drops the session. */
  reset(): void {
    for (const pipe of this.pipes) pipe.stop()
    for (const socket of [this.client, this.upstream]) {
      if (!socket.destroyed) socket.resetAndDestroy()
    }
    this.onGone(this)
  }

  sendersHeldBack(): number {
    return this.pipes.filter((pipe) => pipe.heldBack).length
  }

  /** The pipes see the silent mode: they stop their timers and stop reading. */
  freeze(): void {
    for (const pipe of this.pipes) pipe.pump()
  }

  thaw(now: number): void {
    if (this.abortPending) return this.reset()
    for (const pipe of this.pipes) pipe.rewind(now)
    for (const pipe of this.pipes) pipe.pump()
  }

  private abort(): void {
    // during a silent cut the news of a reset cannot cross the link either
    if (this.state.mode === 'silent') this.abortPending = true
    else this.reset()
  }
}

function checkConditions(conditions: LinkConditions): void {
  const { rateBitsPerSecond: rate, delayMs: delay } = conditions
  if (rate !== undefined && !(Number.isFinite(rate) && rate > 0)) {
    throw new RangeError(`rateBitsPerSecond must be a positive number or undefined, got ${rate}`)
  }
  if (delay !== undefined && !(Number.isFinite(delay) && delay >= 0)) {
    throw new RangeError(`delayMs must be a number ≥ 0, got ${delay}`)
  }
}

export async function startThrottleProxy(options: ThrottleProxyOptions): Promise<ThrottleProxy> {
  checkConditions(options)
  const queueBytes = options.queueBytes ?? DEFAULT_QUEUE_BYTES
  if (!(Number.isInteger(queueBytes) && queueBytes > 0)) throw new RangeError(`queueBytes must be a positive integer, got ${queueBytes}`)

  const emptyStats = (): ThrottleStats => ({
    bytesUp: 0,
    bytesDown: 0,
    connections: 0,
    openConnections: 0,
    refusedConnections: 0,
    maxChunkTransitMs: 0,
    peakQueuedBytes: 0,
    sendersHeldBack: 0
  })
  let counters = emptyStats()
  const listeners = new Set<(event: BytesDelivered) => void>()
  const connections = new Set<Connection>()
  /** accepted during a silent cut: left hanging, as a SYN into a dead link would be, until restore() */
  const waiting = new Set<Socket>()

  const state: LinkState = {
    rate: options.rateBitsPerSecond,
    delay: options.delayMs ?? 0,
    mode: 'up',
    queueBytes,
    delivered(direction, slice) {
      const bytes = slice.data.length
      const atMs = performance.now()
      if (direction === 'up') counters.bytesUp += bytes
      else counters.bytesDown += bytes
      counters.maxChunkTransitMs = Math.max(counters.maxChunkTransitMs, atMs - slice.receivedAt)
      const event: BytesDelivered = { direction, bytes, receivedAtMs: slice.receivedAt, dueMs: slice.arrivesAt!, atMs }
      for (const listener of listeners) listener(event)
    },
    buffered(bytes) {
      counters.peakQueuedBytes = Math.max(counters.peakQueuedBytes, bytes)
    }
  }

  const forward = (client: Socket): void => {
    counters.connections++
    const connection = new Connection(client, options.target, state, (gone) => connections.delete(gone))
    connections.add(connection)
  }

  const server = createServer({ allowHalfOpen: true, pauseOnConnect: true }, (client) => {
    client.on('error', () => undefined) // a reset we caused, or a client that gave up; both are expected here
    if (state.mode === 'up') return forward(client)
    if (state.mode === 'silent') {
      waiting.add(client)
      client.on('close', () => waiting.delete(client))
      return
    }
    counters.refusedConnections++
    client.resetAndDestroy()
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.listenPort ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('throttle proxy: listener has no TCP port')

  return {
    port: address.port,

    cut({ silent = false } = {}) {
      if (state.mode === 'closed') return
      state.mode = silent ? 'silent' : 'cut'
      for (const connection of connections) {
        if (silent) connection.freeze()
        else connection.reset()
      }
      if (!silent) for (const client of waiting) client.resetAndDestroy()
    },

    restore() {
      if (state.mode === 'closed' || state.mode === 'up') return
      state.mode = 'up'
      const now = performance.now()
      for (const connection of connections) connection.thaw(now)
      for (const client of waiting) forward(client)
      waiting.clear()
    },

    setLink(conditions) {
      checkConditions(conditions)
      if ('rateBitsPerSecond' in conditions) state.rate = conditions.rateBitsPerSecond
      if ('delayMs' in conditions) state.delay = conditions.delayMs ?? 0
    },

    stats: () => ({
      ...counters,
      openConnections: connections.size,
      sendersHeldBack: [...connections].reduce((n, connection) => n + connection.sendersHeldBack(), 0)
    }),

    resetStats() {
      counters = emptyStats()
    },

    onBytes(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },

    async close() {
      if (state.mode === 'closed') return
      state.mode = 'closed'
      listeners.clear()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      for (const connection of connections) connection.reset()
      for (const client of waiting) client.destroy()
      await closed
    }
  }
}
