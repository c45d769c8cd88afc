import { createHash, randomBytes } from 'node:crypto'
import { connect, createServer, type Server, type Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import { afterEach, describe, expect, it } from 'vitest'
import { startThrottleProxy, type BytesDelivered, type ThrottleProxy, type ThrottleProxyOptions } from '../helpers/throttle-proxy'
import { DEFAULT_UNTIL_TIMEOUT_MS, until } from '../helpers/until'

const KB = 1024

/** A TCP server on loopback that either echoes or swallows, counting what it got. */
interface TestServer {
  port: number
  connections: number
  received: number
  /** sha256 of everything received, in order */
  digest(): string
  sockets: Socket[]
}

const servers: Server[] = []
const sockets: Socket[] = []
const proxies: ThrottleProxy[] = []

/** TCP sockets and listeners of this process that are still open or still closing. */
const tcpHandles = () => process.getActiveResourcesInfo().filter((kind) => kind.startsWith('TCP')).length

// No test starts with another's sockets still closing (a handle goes a loop turn or two after its 'close' event).
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()))
  for (const socket of sockets.splice(0)) socket.destroy()
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
  await until(() => tcpHandles() === 0, 'every TCP handle of the test to be closed')
})

async function startServer(kind: 'echo' | 'sink', options: { paused?: boolean } = {}): Promise<TestServer> {
  const hash = createHash('sha256')
  const stats: TestServer = { port: 0, connections: 0, received: 0, digest: () => hash.copy().digest('hex'), sockets: [] }
  const server = createServer({ pauseOnConnect: options.paused }, (socket) => {
    stats.connections++
    stats.sockets.push(socket)
    sockets.push(socket)
    socket.on('error', () => undefined)
    socket.on('data', (data) => {
      stats.received += data.length
      hash.update(data)
      if (kind === 'echo') socket.write(data)
    })
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  stats.port = (server.address() as { port: number }).port
  return stats
}

async function proxyTo(server: TestServer, link: Omit<ThrottleProxyOptions, 'target'> = {}): Promise<ThrottleProxy> {
  const proxy = await startThrottleProxy({ target: { host: '127.0.0.1', port: server.port }, ...link })
  proxies.push(proxy)
  return proxy
}

/** A client socket; `await` it only when the connection is expected to succeed. */
function open(port: number): Socket {
  const socket = connect({ host: '127.0.0.1', port })
  sockets.push(socket)
  socket.on('error', () => undefined)
  return socket
}

async function dial(port: number): Promise<Socket> {
  const socket = open(port)
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve)
    socket.once('close', () => reject(new Error('connection closed before it was established')))
  })
  return socket
}

function closed(socket: Socket, timeoutMs = DEFAULT_UNTIL_TIMEOUT_MS): Promise<void> {
  if (socket.closed) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket still open after ${timeoutMs} ms`)), timeoutMs)
    socket.once('close', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/** How a socket ended: the code of the error it saw (ECONNRESET for a reset), or 'end' for an orderly close. */
function ending(socket: Socket): Promise<string> {
  let code = 'end'
  socket.on('error', (error: NodeJS.ErrnoException) => (code = error.code ?? error.message))
  return new Promise((resolve) => socket.once('close', () => resolve(code)))
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')

/** Writes everything, waiting for the socket to drain as a well-behaved sender does; `blocked` is true while it waits. */
async function send(socket: Socket, data: Buffer, chunk = 64 * KB, blocked = { now: false }): Promise<void> {
  for (let at = 0; at < data.length; at += chunk) {
    if (!socket.write(data.subarray(at, at + chunk))) {
      blocked.now = true
      await new Promise((resolve) => socket.once('drain', resolve))
      blocked.now = false
    }
  }
}

/** Writes without end, as fast as the socket drains, until it closes. */
async function stream(socket: Socket): Promise<void> {
  const chunk = randomBytes(64 * KB)
  while (!socket.destroyed) {
    if (!socket.write(chunk)) await new Promise((resolve) => (socket.once('drain', resolve), socket.once('close', resolve)))
  }
}

async function roundTrip(socket: Socket, bytes: number): Promise<number> {
  const started = performance.now()
  let got = 0
  const done = new Promise<void>((resolve) => {
    const onData = (data: Buffer) => {
      got += data.length
      if (got < bytes) return
      socket.off('data', onData)
      resolve()
    }
    socket.on('data', onData)
  })
  socket.write(Buffer.alloc(bytes, 7))
  await done
  return performance.now() - started
}

describe('throttle proxy', () => {
  // The schedule is checked, not the wall clock: a busy machine delivers late, but never early and never off schedule.
  it('serialises a burst at the configured rate, streaming it in order', async () => {
    const sink = await startServer('sink')
    const rate = 512_000
    const proxy = await proxyTo(sink, { rateBitsPerSecond: rate })
    const arrivals: BytesDelivered[] = []
    proxy.onBytes((event) => arrivals.push(event))
    const client = await dial(proxy.port)
    const burst = randomBytes(64 * KB)

    client.write(burst)
    await until(() => sink.received === burst.length, 'the burst at the sink')
    expect(sink.digest()).toBe(sha256(burst))
    expect(arrivals.reduce((sum, a) => sum + a.bytes, 0)).toBe(burst.length)

    // Each slice holds the link for its bytes at the rate, from when the link is free and the slice is there.
    let linkFree = -Infinity
    for (const a of arrivals) {
      expect(a.dueMs - Math.max(linkFree, a.receivedAtMs)).toBeCloseTo((a.bytes * 8000) / rate, 6)
      linkFree = a.dueMs
      expect(a.atMs).toBeGreaterThanOrEqual(a.dueMs - 1) // never early (timers may fire 1 ms ahead)
    }
    // link bound: 65 536 B × 8 / 512 kbit/s = 1024 ms, in slices, so that it streams rather than arrives at the end
    const start = arrivals[0].receivedAtMs
    expect(linkFree - start).toBeGreaterThanOrEqual(1024 - 1e-6)
    expect(arrivals.length).toBeGreaterThan(20)
    const firstHalf = arrivals.filter((a) => a.dueMs <= start + (linkFree - start) / 2).reduce((sum, a) => sum + a.bytes, 0)
    expect(firstHalf / burst.length).toBeGreaterThan(0.3)
    expect(firstHalf / burst.length).toBeLessThan(0.7)
    expect(arrivals.at(-1)!.atMs - start).toBeGreaterThanOrEqual(1024 - 1)
  })

  it('adds the one-way delay each way, and one RTT for the TCP handshake on a new connection', async () => {
    const echo = await startServer('echo')
    const delayMs = 60
    const proxy = await proxyTo(echo, { delayMs })
    const events: BytesDelivered[] = []
    proxy.onBytes((event) => events.push(event))
    const dialled = performance.now()
    const client = await dial(proxy.port)

    await roundTrip(client, 10)
    const first = performance.now() - dialled
    const firstEvents = events.splice(0)
    const second = await roundTrip(client, 10)

    // Lower bounds hold however busy the machine: handshake RTT, then one delay each way; then just the two delays.
    expect(first).toBeGreaterThanOrEqual(4 * delayMs - 5)
    expect(second).toBeGreaterThanOrEqual(2 * delayMs - 5)
    // That it adds no more than that is the schedule's business: each hop is due one delay after its bytes came in,
    // except the first bytes up, which also wait out the handshake (at most one RTT).
    const heldFor = (e: BytesDelivered) => e.dueMs - e.receivedAtMs
    const [firstUp, ...firstRest] = firstEvents.filter((e) => e.direction === 'up')
    expect(heldFor(firstUp)).toBeGreaterThanOrEqual(delayMs - 1e-6)
    expect(heldFor(firstUp)).toBeLessThanOrEqual(3 * delayMs + 1e-6)
    const later = [...firstRest, ...firstEvents.filter((e) => e.direction === 'down'), ...events]
    expect(events.map((e) => e.direction).sort()).toEqual(['down', 'up'])
    for (const e of later) expect(heldFor(e)).toBeCloseTo(delayMs, 6)
    for (const e of [...firstEvents, ...events]) expect(e.atMs).toBeGreaterThanOrEqual(e.dueMs - 1)
  })

  it('cut() kills a transfer at both ends at once, resets new connections, and restore() lets them through', async () => {
    const sink = await startServer('sink')
    const proxy = await proxyTo(sink, { rateBitsPerSecond: 1_000_000 })
    const client = await dial(proxy.port)
    // A transfer that cannot have finished whenever the cut comes: the client writes until its socket closes.
    void stream(client)
    await until(() => sink.received >= 16 * KB, '16 KiB at the sink')

    const endings = [ending(client), ending(sink.sockets[0])]
    proxy.cut()
    const deliveredAtCut = proxy.stats().bytesUp
    expect(proxy.stats().openConnections).toBe(0)
    // At once: both ends are reset (not closed in order after the queue drained), and not one byte crosses after the cut.
    const [atClient, atSink] = await Promise.all(endings)
    expect(['ECONNRESET', 'EPIPE']).toContain(atClient) // EPIPE if the client's write meets the reset first
    expect(atSink).toBe('ECONNRESET')
    const receivedAtCut = sink.received
    expect(receivedAtCut).toBeGreaterThanOrEqual(16 * KB)
    expect(receivedAtCut).toBeLessThanOrEqual(deliveredAtCut)
    expect(proxy.stats().bytesUp).toBe(deliveredAtCut)

    // the proxy resets it on arrival, which the dialer usually sees as a failed connect
    await closed(open(proxy.port))
    expect(sink.connections).toBe(1)
    expect(proxy.stats().refusedConnections).toBe(1)

    proxy.restore()
    const again = await dial(proxy.port)
    again.write('after the cut')
    await until(() => sink.received === receivedAtCut + 'after the cut'.length, 'the bytes sent after restore()')
    expect(sink.connections).toBe(2)
  })

  it('a silent cut freezes everything without closing anything; restore() resumes where it stopped', async () => {
    const link = { rateBitsPerSecond: 4_000_000, delayMs: 20 }
    const sink = await startServer('sink')
    const proxy = await proxyTo(sink, link)
    // The same link beside it, never cut, carrying a long transfer: the measure of how long "nothing moved" lasted.
    const besideSink = await startServer('sink')
    const beside = await proxyTo(besideSink, link)
    void stream(await dial(beside.port))
    const client = await dial(proxy.port)
    const payload = randomBytes(256 * KB)
    void send(client, payload.subarray(0, 64 * KB))
    await until(() => sink.received >= 32 * KB, '32 KiB at the sink')

    proxy.cut({ silent: true })
    const frozenAt = proxy.stats().bytesUp
    void send(client, payload.subarray(64 * KB)) // the rest is sent into the dead link
    const late = open(proxy.port)
    await new Promise((resolve) => late.once('connect', resolve))
    // Whatever the frozen proxy held (its 64 KiB queue at most) would have been delivered by the time the link
    // beside it has carried twice that much more.
    const besideAtCut = besideSink.received
    await until(() => besideSink.received >= besideAtCut + 128 * KB, '128 KiB more over the link that was not cut')
    expect(sink.received).toBe(frozenAt)
    expect(proxy.stats().bytesUp).toBe(frozenAt)
    expect(frozenAt).toBeLessThanOrEqual(64 * KB)
    expect(sink.connections).toBe(1)
    expect(client.closed || late.closed || sink.sockets[0].closed).toBe(false)

    proxy.restore()
    await until(() => sink.received === payload.length, 'the rest of the payload after restore()')
    expect(sink.digest()).toBe(sha256(payload))
    await until(() => sink.connections === 2, 'the connection held during the cut to reach the sink')
  })

  it('setLink() changes rate and delay mid-transfer without reordering bytes', async () => {
    const sink = await startServer('sink')
    const proxy = await proxyTo(sink, { rateBitsPerSecond: 64_000, delayMs: 100 })
    const events: BytesDelivered[] = []
    proxy.onBytes((event) => events.push(event))
    const client = await dial(proxy.port)
    const payload = randomBytes(64 * KB) // 8 s at 64 kbit/s
    client.write(payload)
    await until(() => sink.received > 0, 'the first bytes at the sink')

    proxy.setLink({ rateBitsPerSecond: undefined, delayMs: 0 })
    const changedAt = performance.now()
    const before = events.length
    await until(() => sink.received === payload.length, 'the whole payload at the sink')
    expect(sink.digest()).toBe(sha256(payload))
    // Only the slice already on the wire finishes at the old rate (1460 B at 64 kbit/s = 182.5 ms) and old delay
    // (100 ms); everything after it is due at once, not over the 8 s the old rate would have taken.
    const after = events.slice(before)
    expect(after.length).toBeGreaterThan(0)
    for (const e of after) {
      expect(e.dueMs).toBeLessThanOrEqual(Math.max(changedAt, e.receivedAtMs) + 182.5 + 100 + 1e-6)
      expect(e.atMs).toBeGreaterThanOrEqual(e.dueMs - 1)
    }
    expect(() => proxy.setLink({ rateBitsPerSecond: 0 })).toThrow(/rateBitsPerSecond/)
    expect(() => proxy.setLink({ delayMs: -1 })).toThrow(/delayMs/)
  })

  it('counts bytes each way and connections', async () => {
    const echo = await startServer('echo')
    const proxy = await proxyTo(echo)
    const client = await dial(proxy.port)
    await roundTrip(client, 10_000)

    expect(proxy.stats()).toMatchObject({ bytesUp: 10_000, bytesDown: 10_000, connections: 1, openConnections: 1 })
    client.end()
    echo.sockets[0].end()
    await until(() => proxy.stats().openConnections === 0, 'the connection to close')

    proxy.resetStats()
    expect(proxy.stats()).toMatchObject({ bytesUp: 0, bytesDown: 0, connections: 0, maxChunkTransitMs: 0, sendersHeldBack: 0 })
  })

  it('holds a bounded amount while a 20 MB transfer meets a receiver that stops reading', async () => {
    const sink = await startServer('sink', { paused: true })
    const queueBytes = 64 * KB
    const proxy = await proxyTo(sink, { queueBytes })
    const client = await dial(proxy.port)
    const payload = randomBytes(20 * 1024 * KB)
    let finished = false
    const sender = { now: false }
    void send(client, payload, 64 * KB, sender).then(() => (finished = true))

    // Stalled all the way back: the proxy has stopped reading from the client, and the client waits for its
    // socket to drain. A proxy that kept reading would never get here (or would show more than its bound).
    await until(() => proxy.stats().sendersHeldBack === 1 && sender.now, 'the proxy to hold the sender back')
    expect(finished).toBe(false)
    expect(sink.connections).toBe(1)
    expect(proxy.stats().peakQueuedBytes).toBeGreaterThanOrEqual(queueBytes)
    expect(proxy.stats().peakQueuedBytes).toBeLessThanOrEqual(queueBytes + 64 * KB)

    sink.sockets[0].resume()
    await until(() => sink.received === payload.length, 'the 20 MB at the sink', 30_000)
    expect(sink.digest()).toBe(sha256(payload))
    expect(proxy.stats().bytesUp).toBe(payload.length)
    expect(proxy.stats().peakQueuedBytes).toBeLessThanOrEqual(queueBytes + 64 * KB)
  })

  it('passes a refusal by the target on to the dialer as a reset', async () => {
    const gone = await startServer('sink')
    const server = servers.pop() as Server
    await new Promise((resolve) => server.close(resolve))
    const proxy = await proxyTo(gone)

    await closed(open(proxy.port))
    expect(proxy.stats()).toMatchObject({ connections: 1, openConnections: 0 })
  })

  it('close() leaves no sockets behind, even mid-transfer', async () => {
    const sink = await startServer('sink')
    const before = tcpHandles() // the sink's listener: earlier tests' sockets are all gone (afterEach waits for that)
    const proxy = await startThrottleProxy({ target: { host: '127.0.0.1', port: sink.port }, rateBitsPerSecond: 256_000, delayMs: 50 })
    const client = await dial(proxy.port)
    client.write(randomBytes(64 * KB))
    await until(() => sink.received > 0, 'the first bytes at the sink')

    await proxy.close()
    await Promise.all([closed(client), closed(sink.sockets[0])])
    sockets.length = 0
    // The proxy's own sockets finish closing within the same turns as the two ends'; a leak never gets back to `before`.
    await until(() => tcpHandles() === before, `the TCP handles to go back to ${before}`)
    const refused = connect({ host: '127.0.0.1', port: proxy.port })
    await expect(new Promise((_, reject) => refused.once('error', reject))).rejects.toMatchObject({ code: 'ECONNREFUSED' })
  })
})
