/**
 * Hostile calls on the station host's WebSocket API: unknown methods, inputs of the wrong type or shape,
 * huge strings, prototype keys, calls beyond the caller's role or before signing in, malformed base64 and
 * garbage Yjs updates for a plan, frames that are not calls at all. Each must come back as a refusal with a
 * code and a sentence — never "internal", never silence — and the host must keep serving.
 */
import WebSocket from 'ws'
import * as Y from 'yjs'
import type { Rng } from '../../../main/core/cases/seed-data/random'
import { METHOD_ACCESS } from '../../../main/core/users/method-access'
import { methods, type MethodName, type Reply } from '../../../preload/api'
import { MAX_HOST_FRAME_BYTES } from '../../../preload/host-protocol'

export interface ApiFuzzOptions {
  origin: string
  token: string
  calls: number
  rng: Rng
  /** A case and a plan that exist, so that mutated inputs often reach the handlers. */
  fixtures: { caseId: string; planId: string; planUpdate: string }
  officer: { username: string; password: string }
}

export interface ApiFuzzResult {
  calls: number
  /** Replies by outcome: ok, or the error code. */
  outcomes: Record<string, number>
  /** Calls beyond the role that were refused as forbidden / all such calls. */
  beyondRole: { refused: number; calls: number }
  /** Frames over the host's limit, each answered by closing that one socket. */
  oversizedFrames: number
  problems: string[]
}

/** 'closed': the host closed the socket without a reply; 'over-limit': it did so to a frame over its size limit, as it should. */
type Outcome = Reply<unknown> | 'closed' | 'over-limit'

interface Client {
  call(method: string, input: unknown): Promise<Outcome>
  raw(text: string | Buffer): Promise<Outcome>
  closed(): boolean
  close(): void
}

const REPLY_TIMEOUT_MS = 30_000

function connect(origin: string, token: string, asPage: boolean): Promise<Client> {
  const url = new URL('/api', origin.replace(/^http/, 'ws'))
  url.searchParams.set('token', token)
  // A page sends its Origin (and must sign in); a local tool sends none and acts with the OS user's authority.
  const ws = new WebSocket(url.href, { headers: asPage ? { Origin: origin } : {}, maxPayload: MAX_HOST_FRAME_BYTES * 2 })
  const waiting = new Map<number, (reply: Reply<unknown> | 'closed') => void>()
  const raws = new Set<number>()
  let nextId = 0
  let isClosed = false
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { type: string; id: number; reply: Reply<unknown> }
    if (message.type !== 'reply') return
    // A raw frame names no call of ours (or one the host cannot read, answered with id -1): its reply is the
    // one that matches no call waiting, and belongs to the oldest raw frame.
    const id = waiting.has(message.id) && !raws.has(message.id) ? message.id : Math.min(...raws)
    waiting.get(id)?.(message.reply)
    waiting.delete(id)
    raws.delete(id)
  })
  ws.on('close', () => {
    isClosed = true
    for (const done of waiting.values()) done('closed')
    waiting.clear()
  })
  ws.on('error', () => undefined)
  const send = (id: number, text: string | Buffer) =>
    new Promise<Outcome>((resolve, reject) => {
      if (isClosed) return resolve('closed')
      const over = Buffer.byteLength(text) > MAX_HOST_FRAME_BYTES
      const timer = setTimeout(() => reject(new Error(`no reply within ${REPLY_TIMEOUT_MS / 1000} s`)), REPLY_TIMEOUT_MS)
      waiting.set(id, (reply) => {
        clearTimeout(timer)
        resolve(reply === 'closed' && over ? 'over-limit' : reply)
      })
      ws.send(text)
    })
  const client: Client = {
    call: (method, input) => {
      const id = nextId++
      return send(id, JSON.stringify({ type: 'call', id, method, input }))
    },
    raw: (text) => {
      const id = nextId++
      raws.add(id)
      return send(id, text)
    },
    closed: () => isClosed,
    close: () => ws.close()
  }
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(client))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`host refused the API socket: HTTP ${res.statusCode}`)))
    ws.once('error', reject)
  })
}

const METHODS = Object.keys(methods) as MethodName[]

/** Strings that have broken parsers before: empty, lone surrogates, NULs, RTL marks; long ones only where asked. */
function nastyString(rng: Rng, long = true): string {
  const short = [
    '',
    ' ',
    '\u0000',
    '\ud800',
    '\udfff\ud800',
    '\u202e\u0e01\u0e02',
    '../../../../etc/passwd',
    "'; DROP TABLE cases; --",
    '%s%n%x',
    '{{7*7}}',
    '<script>alert(1)</script>',
    '9'.repeat(400),
    '2026-02-30T25:61:61Z',
    'NaN',
    '__proto__'
  ]
  if (!long || rng.chance(0.7)) return rng.pick(short)
  return rng.chance(0.5) ? 'ก'.repeat(rng.int(1, 100_000)) : 'x'.repeat(rng.int(100_000, 1_500_000))
}

function randomValue(rng: Rng, depth = 0): unknown {
  switch (rng.int(0, depth > 2 ? 3 : 6)) {
    case 0:
      return rng.pick([0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.5, -0, 1e-320])
    case 1:
      // Huge strings at the top only: a frame stays under the host's limit, or is refused as a whole.
      return nastyString(rng, depth === 0)
    case 2:
      return rng.pick([true, false, null])
    case 3:
      return rng.pick([undefined, [], {}])
    case 4:
      return Array.from({ length: rng.int(0, rng.chance(0.1) ? 5000 : 5) }, () => randomValue(rng, depth + 1))
    default: {
      const out: Record<string, unknown> = {}
      for (let i = rng.int(0, 5); i > 0; i--) out[rng.pick(['id', 'input', 'caseId', 'edits', 'update', 'x', '__proto__', 'constructor', 'prototype'])] = randomValue(rng, depth + 1)
      return out
    }
  }
}

function garbageUpdates(rng: Rng, planUpdate: string): string {
  const bytes = Buffer.from(planUpdate, 'base64')
  return rng.pick([
    '!!!not base64!!!',
    '====',
    'QQ',
    Buffer.from(Array.from({ length: rng.int(1, 4096) }, () => rng.int(0, 255))).toString('base64'),
    bytes.subarray(0, rng.int(1, Math.max(1, bytes.length - 1))).toString('base64'),
    Buffer.concat([bytes, Buffer.from([0xff, 0xff, 0xff])]).toString('base64'),
    Buffer.from(Y.encodeStateAsUpdate(new Y.Doc())).toString('base64'),
    Buffer.alloc(2 * 1024 * 1024 + 10, 1).toString('base64')
  ])
}

/** A valid-looking input for the method with one part replaced, removed or added. */
function mutatedInput(rng: Rng, method: MethodName, fixtures: ApiFuzzOptions['fixtures']): unknown {
  const base: Record<string, unknown> = {
    id: method.startsWith('plans.') ? fixtures.planId : fixtures.caseId,
    caseId: fixtures.caseId,
    expectedVersion: 1,
    status: 'investigating',
    update: method === 'plans.update' ? garbageUpdates(rng, fixtures.planUpdate) : undefined,
    edits: [{ op: 'notes.insert', paragraph: rng.int(0, 3), offset: rng.int(0, 5), text: 'x' }],
    limit: 10
  }
  const keys = Object.keys(base)
  const key = rng.pick(keys)
  const action = rng.int(0, 2)
  if (action === 0) base[key] = randomValue(rng)
  else if (action === 1) delete base[key]
  else base[nastyString(rng, false) || 'extra'] = randomValue(rng)
  return base
}

export async function fuzzApi(options: ApiFuzzOptions): Promise<ApiFuzzResult> {
  const { rng } = options
  const result: ApiFuzzResult = { calls: 0, outcomes: {}, beyondRole: { refused: 0, calls: 0 }, oversizedFrames: 0, problems: [] }
  const signIn = async () => {
    const page = await connect(options.origin, options.token, true)
    const reply = await page.call('auth.login', options.officer)
    if (typeof reply !== 'object' || !reply.ok) throw new Error(`the officer cannot sign in: ${JSON.stringify(reply)}`)
    return page
  }
  let officer = await signIn()
  let stranger = await connect(options.origin, options.token, true)
  const count = (outcome: string) => (result.outcomes[outcome] = (result.outcomes[outcome] ?? 0) + 1)
  const judge = (what: string, reply: Outcome, expected?: string) => {
    result.calls++
    if (reply === 'over-limit') return count('over the frame limit: socket closed')
    if (reply === 'closed') {
      result.problems.push(`${what}: the host closed the socket without a reply`)
      return count('socket closed')
    }
    const outcome = reply.ok ? 'ok' : reply.error.code
    count(outcome)
    if (!reply.ok && reply.error.code === 'internal') result.problems.push(`${what}: internal error: ${reply.error.message}`)
    if (!reply.ok && !reply.error.message.trim()) result.problems.push(`${what}: refused without a reason`)
    if (expected && outcome !== expected) result.problems.push(`${what}: expected ${expected}, got ${outcome}`)
  }

  try {
    for (let i = 0; i < options.calls; i++) {
      if (officer.closed()) officer = await signIn()
      if (stranger.closed()) stranger = await connect(options.origin, options.token, true)
      const kind = rng.weighted([
        ['unknown-method', 1],
        ['random-input', 4],
        ['mutated-input', 6],
        ['beyond-role', 2],
        ['signed-out', 1],
        ['plan-update', 3],
        ['bad-frame', 1],
        ['oversized', 0.02]
      ] as const)
      const method = rng.pick(METHODS)
      // Signing in, out or changing one's password would end the session the next calls rely on.
      if ((kind === 'random-input' || kind === 'mutated-input') && method.startsWith('auth.')) continue
      switch (kind) {
        case 'unknown-method': {
          const name = rng.pick(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'cases.create ', 'Cases.Create', 'cases', '', nastyString(rng, false)])
          judge(`unknown method ${JSON.stringify(name.slice(0, 40))}`, await officer.call(name, {}), 'invalid_input')
          break
        }
        case 'random-input':
          judge(`${method} with a random input`, await officer.call(method, randomValue(rng)))
          break
        case 'mutated-input':
          judge(`${method} with a mutated input`, await officer.call(method, mutatedInput(rng, method, options.fixtures)))
          break
        case 'beyond-role': {
          const above = METHODS.filter((m) => METHOD_ACCESS[m] === 'supervisor' || METHOD_ACCESS[m] === 'admin')
          const m = rng.pick(above)
          const reply = await officer.call(m, mutatedInput(rng, m, options.fixtures))
          // A frame over the host's limit is dropped before anyone reads the method; it counts as a frame, not a call.
          if (typeof reply === 'object') result.beyondRole.calls++
          if (typeof reply === 'object' && !reply.ok && reply.error.code === 'forbidden') result.beyondRole.refused++
          judge(`${m} by an officer`, reply, 'forbidden')
          break
        }
        case 'signed-out': {
          const m = rng.pick(METHODS.filter((x) => METHOD_ACCESS[x] !== 'public'))
          judge(`${m} before signing in`, await stranger.call(m, mutatedInput(rng, m, options.fixtures)), 'unauthenticated')
          break
        }
        case 'plan-update':
          judge(
            'plans.update with a garbage update',
            await officer.call('plans.update', { id: options.fixtures.planId, update: garbageUpdates(rng, options.fixtures.planUpdate), origin: 'fuzz' })
          )
          break
        case 'bad-frame': {
          const frame = rng.pick([
            'not json',
            '{"type":"call"}',
            '{"type":"call","id":-5,"method":"station.info"}',
            '{"type":"call","id":1.5,"method":"station.info"}',
            JSON.stringify({ type: 'call', id: 1e6, method: 'x'.repeat(1000) }),
            '[]',
            'null',
            '{"__proto__":{"type":"call"}}',
            Buffer.from([0, 1, 2, 3])
          ])
          judge('a frame that is not a call', await officer.raw(frame))
          break
        }
        case 'oversized':
          result.oversizedFrames++
          judge('a frame over the host limit', await officer.raw(JSON.stringify({ type: 'call', id: 0, method: 'cases.create', input: { summary: 'x'.repeat(MAX_HOST_FRAME_BYTES) } })))
          if (!officer.closed()) result.problems.push('a frame over the host limit was read instead of refused')
          break
      }
    }
    if (officer.closed()) officer = await signIn()
    const info = await officer.call('station.info', {})
    if (typeof info !== 'object' || !info.ok) result.problems.push(`station.info after the API fuzz: ${JSON.stringify(info).slice(0, 300)}`)
  } catch (error) {
    result.problems.push(`after ${result.calls} calls: ${(error as Error).message}`)
  } finally {
    officer.close()
    stranger.close()
  }
  return result
}
