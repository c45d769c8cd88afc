import { createHash, randomBytes } from 'node:crypto'
import { connect, createServer, type Server, type Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import { afterEach, describe, expect, it } from 'vitest'
import { startThrottleProxy, type ThrottleProxy, type ThrottleProxyOptions } from '../helpers/throttle-proxy'

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

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy()
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()))
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
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

function closed(socket: Socket, timeoutMs = 2000): Promise<void> {
  if (socket.closed) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket still open after ${timeoutMs} ms`)), timeoutMs)
    socket.once('close', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`)
    await sleep(5)
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')

/** Writes everything, waiting for the socket to drain as a well-behaved sender does. */
async function send(socket: Socket, data: Buffer, chunk = 64 * KB): Promise<void> {
  for (let at = 0; at < data.length; at += chunk) {
    if (!socket.write(data.subarray(at, at + chunk))) {
      await new Promise((resolve) => socket.once('drain', resolve))
    }
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
  it('serialises a burst at the configured rate, streaming it in order', async () => {
    const sink = await startServer('sink')
    const proxy = await proxyTo(sink, { rateBitsPerSecond: 512_000 })
    const arrivals: Array<{ atMs: number; bytes: number }> = []
    proxy.onBytes(({ atMs, bytes }) => arrivals.push({ atMs, bytes }))
    const client = await dial(proxy.port)
    const burst = randomBytes(64 * KB)

    const started = performance.now()
    client.write(burst)
    await until(() => sink.received === burst.length)
    const elapsed = performance.now() - started

    // link bound: 65 536 B × 8 / 512 kbit/s = 1024 ms
    expect(elapsed).toBeGreaterThan(750)
    expect(elapsed).toBeLessThan(2000)
    const firstHalf = arrivals.filter((a) => a.atMs < started + elapsed / 2).reduce((sum, a) => sum + a.bytes, 0)
    expect(firstHalf / burst.length).toBeGreaterThan(0.3)
    expect(firstHalf / burst.length).toBeLessThan(0.7)
    expect(sink.digest()).toBe(sha256(burst))
  })

  it('adds the one-way delay each way, and one RTT for the TCP handshake on a new connection', async () => {
    const echo = await startServer('echo')
    const delayMs = 60
    const proxy = await proxyTo(echo, { delayMs })
    const client = await dial(proxy.port)

    const first = await roundTrip(client, 10)
    const second = await roundTrip(client, 10)

    expect(first).toBeGreaterThanOrEqual(4 * delayMs - 5)
    expect(second).toBeGreaterThanOrEqual(2 * delayMs - 5)
    expect(second).toBeLessThan(2 * delayMs + 300)
  })

  it('cut() kills a transfer at both ends at once, resets new connections, and restore() lets them through', async () => {
    const sink = await startServer('sink')
    const proxy = await proxyTo(sink, { rateBitsPerSecond: 1_000_000 })
    const client = await dial(proxy.port)
    void send(client, randomBytes(1024 * KB)).catch(() => undefined)
    await until(() => sink.received >= 16 * KB)

    const cutAt = performance.now()
    proxy.cut()
    await Promise.all([closed(client), closed(sink.sockets[0])])
    expect(performance.now() - cutAt).toBeLessThan(500)
    const receivedAtCut = sink.received
    expect(receivedAtCut).toBeLessThan(512 * KB)
    expect(proxy.stats().openConnections).toBe(0)

    // the proxy resets it on arrival, which the dialer usually sees as a failed connect
    await closed(open(proxy.port))
    expect(sink.connections).toBe(1)
    expect(proxy.stats().refusedConnections).toBe(1)

    proxy.restore()
    const again = await dial(proxy.port)
    again.write('after the cut')
    await until(() => sink.received === receivedAtCut + 'after the cut'.length)
    expect(sink.connections).toBe(2)
  })

  it('a silent cut freezes everything without closing anything; restore() resumes where it stopped', async () => {
    const sink = await startServer('sink')
    const proxy = await proxyTo(sink, { rateBitsPerSecond: 4_000_000, delayMs: 20 })
    const client = await dial(proxy.port)
    const payload = randomBytes(256 * KB)
    void send(client, payload)
    await until(() => sink.received >= 32 * KB)

    proxy.cut({ silent: true })
    const frozenAt = sink.received
    const late = open(proxy.port)
    await sleep(300)
    expect(sink.received).toBe(frozenAt)
    expect(frozenAt).toBeLessThan(payload.length)
    expect(sink.connections).toBe(1)
    expect(client.closed || late.closed || sink.sockets[0].closed).toBe(false)

    proxy.restore()
    await until(() => sink.received === payload.length)
    expect(sink.digest()).toBe(sha256(payload))
    await until(() => sink.connections === 2)
  })

  it('setLink() changes rate and delay mid-transfer without reordering bytes', async () => {
    const sink = await startServer('sink')
    const proxy = await proxyTo(sink, { rateBitsPerSecond: 64_000, delayMs: 100 })
    const client = await dial(proxy.port)
    const payload = randomBytes(64 * KB) // 8 s at 64 kbit/s
    client.write(payload)
    await until(() => sink.received > 0)

    proxy.setLink({ rateBitsPerSecond: undefined, delayMs: 0 })
    const changedAt = performance.now()
    await until(() => sink.received === payload.length)
    expect(performance.now() - changedAt).toBeLessThan(1000)
    expect(sink.digest()).toBe(sha256(payload))
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
    await until(() => proxy.stats().openConnections === 0)

    proxy.resetStats()
    expect(proxy.stats()).toMatchObject({ bytesUp: 0, bytesDown: 0, connections: 0, maxChunkTransitMs: 0 })
  })

  it('holds a bounded amount while a 20 MB transfer meets a receiver that stops reading', async () => {
    const sink = await startServer('sink', { paused: true })
    const queueBytes = 64 * KB
    const proxy = await proxyTo(sink, { queueBytes })
    const client = await dial(proxy.port)
    const payload = randomBytes(20 * 1024 * KB)
    let finished = false
    void send(client, payload).then(() => (finished = true))

    await until(() => sink.connections === 1)
    await sleep(200)
    expect(finished).toBe(false)
    expect(proxy.stats().peakQueuedBytes).toBeLessThanOrEqual(queueBytes + 64 * KB)

    sink.sockets[0].resume()
    await until(() => sink.received === payload.length, 10_000)
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
    const count = () =>
      process.getActiveResourcesInfo().filter((kind) => kind.startsWith('TCP')).length
    await sleep(50) // sockets destroyed by earlier tests finish closing
    const before = count()
    const proxy = await startThrottleProxy({ target: { host: '127.0.0.1', port: sink.port }, rateBitsPerSecond: 256_000, delayMs: 50 })
    const client = await dial(proxy.port)
    client.write(randomBytes(64 * KB))
    await until(() => sink.received > 0)

    await proxy.close()
    await Promise.all([closed(client), closed(sink.sockets[0])])
    sockets.length = 0
    await sleep(20)
    expect(count()).toBe(before)
    const refused = connect({ host: '127.0.0.1', port: proxy.port })
    await expect(new Promise((_, reject) => refused.once('error', reject))).rejects.toMatchObject({ code: 'ECONNREFUSED' })
  })
})
