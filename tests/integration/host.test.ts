/**
 * The station host as a user runs it: the built out/main/station.js on a temp data folder, real HTTP and
 * WebSocket on 127.0.0.1.
 */
import { request } from 'node:http'
import { existsSync, readdirSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { StationInfo, LinkStatus } from '../../preload/api'
import { DEFAULT_SYNC_PORT } from '../../main/core/sync/link-service'
import { MAX_HOST_FRAME_BYTES } from '../../preload/host-protocol'
import { ROOT, startHost, stopAllHosts, type RunningHost } from '../helpers/built-programs'
import { openSocket, socketUrl } from '../helpers/host-socket'
import { useTempDirs } from '../helpers/temp-dir'

const tempDir = useTempDirs()
afterEach(stopAllHosts)

const minimalCase = {
  occurredAt: '2026-11-20T08:30:00Z',
  category: 'narcotics',
  location: 'Friendship Bridge 4',
  summary: 'ยาบ้าในรถกระบะ',
  items: [{ commodity: 'methamphetamine tablets', quantity: 120000, unit: 'tablets' }]
}

interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw request (GET unless told), so the path and Host header reach the server exactly as written. */
function get(host: RunningHost, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers, method }, (res) => {
      let body = ''
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

const rejectionStatus = (promise: Promise<unknown>) =>
  promise.then(
    () => 'opened',
    (error: { status?: number }) => error.status
  )

describe('station host', () => {
  it('prints exactly one ready line with a loopback URL carrying a fresh token, and the absolute data folder', async () => {
    const dir = tempDir()
    const host = await startHost(['--data', dir, '--port', '0'])
    expect(host.ready.data).toBe(dir)
    expect(host.ready.sync).toMatch(/^127\.0\.0\.1:\d+$/)
    expect(host.ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/)
    const again = await startHost(['--data', tempDir(), '--port', '0'])
    expect(again.token).not.toBe(host.token)

    // Nothing else may reach stdout, even after the host has served a call.
    const socket = await openSocket(socketUrl(host.origin, host.token))
    const info = await socket.call(1, 'station.info', {})
    expect(info.reply).toMatchObject({ ok: true, value: { name: 'BLO Station', dataDir: dir } })
    socket.close()
    expect(await host.stop()).toBe(0)
    expect(host.stdout().trim().split('\n')).toHaveLength(1)
    console.info(`host start to ready line: ${host.startMs.toFixed(0)} ms, ${again.startMs.toFixed(0)} ms`)
  })

  it('serves the built UI with its security headers, the right MIME types and no way out of the UI folder', async () => {
    const host = await startHost(['--data', tempDir(), '--port', '0'])
    const page = await get(host, '/')
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    expect(page.headers['cache-control']).toBe('no-cache')
    const csp = String(page.headers['content-security-policy'])
    expect(csp).toContain("frame-ancestors 'none'")
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(page.body)
    if (meta) expect(csp.startsWith(meta[1].trim().replace(/;\s*$/, ''))).toBe(true)

    const fonts = readdirSync(join(ROOT, 'out/renderer/assets')).filter((f) => f.endsWith('.woff2'))
    expect(fonts.length).toBeGreaterThan(0)
    const font = await get(host, `/assets/${fonts[0]}`)
    expect(font.status).toBe(200)
    expect(font.headers['content-type']).toBe('font/woff2')
    expect(font.headers['cache-control']).toContain('immutable')

    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/assets/..%2f..%2f..%2fpackage.json', '/%00', '/%E0%A4%A']) {
      const res = await get(host, path)
      expect(res.status, path).toBe(404)
      expect(res.body, path).not.toContain('"name": "blo-station"')
    }
    expect((await get(host, '/', { Host: `blo.example:${host.port}` })).status).toBe(421)
    expect((await get(host, '/no-such-file.js')).status).toBe(404)
    expect((await get(host, '/', {}, 'POST')).status).toBe(405)
  })

  it('refuses the API without the token, with a wrong token, and from a foreign page', async () => {
    const host = await startHost(['--data', tempDir(), '--port', '0'])
    expect(await rejectionStatus(openSocket(socketUrl(host.origin, null)))).toBe(401)
    expect(await rejectionStatus(openSocket(socketUrl(host.origin, 'x'.repeat(43))))).toBe(401)
    expect(await rejectionStatus(openSocket(socketUrl(host.origin, host.token.slice(0, -1))))).toBe(401)
    expect(await rejectionStatus(openSocket(socketUrl(host.origin, host.token), { Origin: 'http://evil.example' }))).toBe(403)
    expect(await rejectionStatus(openSocket(socketUrl(host.origin, host.token), { Origin: `http://localhost:${host.port}` }))).toBe(403)
    // Our own page, and a local program that presents the token without an Origin, get in.
    expect(await rejectionStatus(openSocket(socketUrl(host.origin, host.token), { Origin: host.origin }))).toBe('opened')
    expect(await rejectionStatus(openSocket(socketUrl(host.origin, host.token)))).toBe('opened')
  })

  it('answers bad frames with invalid_input and keeps the connection and the host up', async () => {
    const host = await startHost(['--data', tempDir(), '--port', '0'])
    const socket = await openSocket(socketUrl(host.origin, host.token))
    const errorReply = () => socket.next((m) => m.type === 'reply' && m.id === -1)

    socket.ws.send('this is not json')
    expect(await errorReply()).toMatchObject({ reply: { ok: false, error: { code: 'invalid_input' } } })
    socket.ws.send(Buffer.from([1, 2, 3]), { binary: true })
    expect(await errorReply()).toMatchObject({ reply: { ok: false, error: { code: 'invalid_input' } } })
    socket.ws.send(JSON.stringify({ type: 'call', id: 'seven', method: 'station.info', input: {} }))
    const badId = await errorReply()
    expect(badId).toMatchObject({ reply: { ok: false, error: { code: 'invalid_input', issues: [{ path: 'id' }] } } })

    // A call without input (JSON drops an undefined one) is the same as an empty one, as over IPC.
    socket.ws.send(JSON.stringify({ type: 'call', id: 6, method: 'station.info' }))
    expect(await socket.next((m) => m.type === 'reply' && m.id === 6)).toMatchObject({ reply: { ok: true } })
    expect((await socket.call(7, 'no.such.method', {})).reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const invalid = await socket.call(8, 'cases.create', { ...minimalCase, category: 'gold' })
    expect(invalid.reply).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'category' }] } })
    expect((await socket.call(9, 'station.info', {})).reply.ok).toBe(true)

    // An oversized frame ends that one connection (reading it is the attack); others carry on.
    const other = await openSocket(socketUrl(host.origin, host.token))
    const closed = new Promise<number>((resolve) => socket.ws.once('close', resolve))
    socket.ws.send('x'.repeat(MAX_HOST_FRAME_BYTES + 1))
    expect(await closed).toBe(1009)
    expect((await other.call(1, 'station.info', {})).reply.ok).toBe(true)
    other.close()
  })

  it('broadcasts station events to every signed-in client', async () => {
    const host = await startHost(['--data', tempDir(), '--port', '0'])
    const [writer, watcher] = await Promise.all([
      openSocket(socketUrl(host.origin, host.token)),
      openSocket(socketUrl(host.origin, host.token), { Origin: host.origin })
    ])
    // A page gets events once someone has signed in on it; a local program (token, no Origin) always does.
    const account = { username: 'somchai', password: 'Off1cer-somchai', displayName: 'Sgt. Somchai', agency: 'police', role: 'officer' }
    expect((await writer.call(100, 'users.create', account)).reply.ok).toBe(true)
    expect((await watcher.call(100, 'auth.login', { username: account.username, password: account.password })).reply.ok).toBe(true)
    const created = await writer.call(1, 'cases.create', minimalCase)
    expect(created.reply.ok).toBe(true)
    const id = (created.reply as { value: { id: string } }).value.id
    for (const socket of [watcher, writer]) {
      expect(await socket.next((m) => m.type === 'event' && m.event === 'cases:changed')).toEqual({ type: 'event', event: 'cases:changed', payload: { id, version: 1 } })
    }
  })

  it('stops cleanly on SIGTERM and SIGINT, letting go of the data folder', async () => {
    const dir = tempDir()
    const first = await startHost(['--data', dir, '--port', '0'])
    expect(existsSync(join(dir, 'station.lock'))).toBe(true)
    expect(await first.stop()).toBe(0)
    expect(existsSync(join(dir, 'station.lock'))).toBe(false)

    const second = await startHost(['--data', dir, '--port', '0'])
    second.child.kill('SIGINT')
    expect(await new Promise((resolve) => second.child.once('exit', resolve))).toBe(0)
  })

  it('refuses a data folder another host holds, and bad flags, with one line on stderr', async () => {
    const dir = tempDir()
    await startHost(['--data', dir, '--port', '0'])
    await expect(startHost(['--data', dir, '--port', '0'])).rejects.toThrow(/exited with 1 .*in use by another BLO Station process/)
    await expect(startHost(['--data', dir, '--port', 'eighty'])).rejects.toThrow(/exited with 2 .*--port must be a whole number/)
    await expect(startHost(['--data', dir, '--colour', 'red'])).rejects.toThrow(/exited with 2 .*Unknown option '--colour'/)
    await expect(startHost(['--data', dir, '--sync-port', '70000'])).rejects.toThrow(/exited with 2 .*--sync-port must be a whole number from 0 to 65535/)
    await expect(startHost(['--data', dir, '--sync-port', '0', '--sync-host', 'border.example'])).rejects.toThrow(/exited with 2 .*--sync-host must be an IP address/)
  })

  it('listens for the counterpart where told and says where in the ready line; a busy default port leaves it dial-only', async () => {
    const dir = tempDir()
    const host = await startHost(['--data', dir, '--port', '0', '--sync-port', '0', '--sync-host', '127.0.0.1'])
    expect(host.ready.sync).toMatch(/^127\.0\.0\.1:\d+$/)
    const socket = await openSocket(socketUrl(host.origin, host.token))
    const { reply } = await socket.call(1, 'link.status', {})
    const status = (reply as { value: LinkStatus }).value
    expect(`${status.listening?.host}:${status.listening?.port}`).toBe(host.ready.sync)
    expect(status.listenError).toBeNull()
    socket.close()

    // A port asked for by number must be had: the host gives up, and lets go of its data folder.
    const taken = host.ready.sync!.split(':')[1]
    const other = tempDir()
    await expect(startHost(['--data', other, '--port', '0', '--sync-port', taken, '--sync-host', '127.0.0.1'])).rejects.toThrow(
      new RegExp(`exited with 1 [^]*--sync-port ${taken}: Cannot listen on 127\\.0\\.0\\.1:${taken}`)
    )
    expect(existsSync(join(other, 'station.lock'))).toBe(false)

    // The default port, when something else holds it, is not worth refusing to start over.
    const squatter: Server = createServer()
    await new Promise<void>((resolve) => {
      squatter.once('error', () => resolve()) // already busy: just as good
      squatter.listen(DEFAULT_SYNC_PORT, '127.0.0.1', () => resolve())
    })
    try {
      const dialOnly = await startHost(['--data', other, '--port', '0', '--sync-host', '127.0.0.1'])
      expect(dialOnly.ready.sync).toBeNull()
      expect(dialOnly.stderr()).toMatch(new RegExp(`warning: Cannot listen on 127\\.0\\.0\\.1:${DEFAULT_SYNC_PORT} .*still dials out`))
      const api = await openSocket(socketUrl(dialOnly.origin, dialOnly.token))
      expect((await api.call(1, 'link.status', {})).reply).toMatchObject({ ok: true, value: { listening: null, listenError: expect.stringContaining(String(DEFAULT_SYNC_PORT)) } })
      api.close()
    } finally {
      squatter.close()
    }
  })

  it('sets up the demo station with sample cases on first run only', async () => {
    const dir = tempDir()
    const infoOf = async (host: RunningHost) => {
      const socket = await openSocket(socketUrl(host.origin, host.token))
      const { reply } = await socket.call(1, 'station.info', {})
      socket.close()
      return (reply as { value: StationInfo }).value
    }
    const first = await startHost(['--data', dir, '--port', '0', '--demo'])
    const info = await infoOf(first)
    expect(info).toMatchObject({ name: 'BLO Chiang Khong', country: 'TH', crossing: 'Chiang Khong – Houayxay (Friendship Bridge 4)', caseCount: 300 })
    expect(await first.stop()).toBe(0)
    const again = await startHost(['--data', dir, '--port', '0', '--demo'])
    expect((await infoOf(again)).caseCount).toBe(300)
  })
})
