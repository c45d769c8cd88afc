/**
 * What a fuzzing peer sends: real frames first — the document updates a real station wrote while its officers
 * shared cases, sent alerts and edited a plan — then hostile ones built from them: updates into documents the
 * peer does not own, well-formed Yjs carrying values no station writes, chunked transfers out of order, and
 * any frame mutated (bits flipped, truncated, extended, spliced), oversized or replaced by noise.
 */
import { createHash } from 'node:crypto'
import * as Y from 'yjs'
import type { Rng } from '../../../main/core/cases/seed-data/random'
import { COMPRESSION, encodeFrame, Kind, MAX_FRAME_BYTES, PROTOCOL_VERSION, type Frame } from '../../../main/core/sync/frames'
import { compressUpdate } from '../../../main/core/sync/update-compression'

export interface StoredUpdate {
  doc: string
  data: Uint8Array
}

export type FrameClass = 'valid' | 'foreign' | 'hostile-content' | 'chunk-disorder' | 'mutated' | 'truncated' | 'noise' | 'oversized'

export interface FuzzFrame {
  class: FrameClass
  bytes: Uint8Array
}

const transferIdOf = (frame: Uint8Array) => createHash('sha256').update(frame).digest('hex').slice(0, 32)

/** Yjs-valid content no honest station writes: wrong types, wrong keys, ids that are not their key, huge text. */
function hostileValues(rng: Rng, peer: string): unknown[] {
  const huge = 'ก'.repeat(rng.int(1, 200_000))
  return [
    42,
    null,
    'just text',
    [1, 2, 3],
    { recordId: 'not-the-key', caseRef: 'X', revision: 1 },
    { recordId: 'k', caseRef: huge, revision: -1, sharedAt: 'yesterday' },
    { kind: 'alert', id: 'k', sentAt: '2026-11-01T00:00:00Z', sentBy: peer, subject: 'vehicle', priority: 'urgent', text: huge, expiresAt: null },
    { kind: 'reply', id: 'k', sentAt: 'not a date', sentBy: 'x', regarding: { type: 'message', origin: peer, id: 'nope' }, text: '' },
    JSON.parse('{"kind":"nonsense","__proto__":{"polluted":true}}') as unknown,
    JSON.parse('{"constructor":{"prototype":{"polluted":true}}}') as unknown
  ]
}

/** A well-formed Yjs update for `doc` whose map holds hostile values (or, for a plan, roots of the wrong shape). */
function hostileUpdate(rng: Rng, doc: string, peer: string): Uint8Array {
  const y = new Y.Doc()
  // Yjs itself takes only plain values at the top of a map entry; an object with its own "constructor" key goes one level down.
  const values = hostileValues(rng, peer).map((v) => (v && typeof v === 'object' && Object.hasOwn(v, 'constructor') ? [v] : v))
  if (doc.startsWith('plan/')) {
    y.getMap('meta').set('status', rng.pick(values))
    y.getMap('meta').set('title', rng.pick(values))
    y.getMap('meta').set('originStation', rng.pick([peer, 42, '']))
    y.getArray('tasks').push([rng.pick(values), new Y.Map<unknown>([['id', rng.pick(values)], ['title', rng.pick(values)]])])
    y.getArray('crossings').push([rng.pick(values)])
    y.getMap('signoff').set(peer, rng.pick(values))
    y.getMap('versions').set('v-x', rng.pick(values))
    const p = new Y.XmlElement(rng.pick(['paragraph', 'script', 'heading', 'x-unknown']))
    p.insert(0, [new Y.XmlText(String(rng.pick(values)))])
    y.getXmlFragment('notes').insert(0, [p])
  } else {
    const map = y.getMap(doc.split('/')[0])
    for (let i = rng.int(1, 5); i > 0; i--) map.set(rng.pick(['k', `id-${rng.int(0, 9)}`, '', 'x'.repeat(300)]), rng.pick(values))
  }
  const update = Y.encodeStateAsUpdateV2(y)
  y.destroy()
  return update
}

export class FrameCorpus {
  private readonly valid: Frame[]
  private readonly ownDocs: string[]
  private readonly bigFrame: Uint8Array

  constructor(
    private readonly rng: Rng,
    /** The fuzzing peer's station ID: the owner in the names of the documents it may write. */
    private readonly peer: string,
    /** The target station's ID: its documents are not the peer's to write. */
    private readonly target: string,
    updates: StoredUpdate[]
  ) {
    this.ownDocs = [...new Set(updates.map((u) => u.doc))]
    this.valid = [
      { kind: Kind.hello, version: PROTOCOL_VERSION, digest: new Uint8Array(32) },
      { kind: Kind.step1Done },
      { kind: Kind.ping, nonce: 1 },
      { kind: Kind.pong, nonce: 1 },
      { kind: Kind.synced, digest: new Uint8Array(32) },
      { kind: Kind.resume, partials: [{ transferId: 'ab'.repeat(16), received: 10 }] },
      { kind: Kind.progress, transferId: 'cd'.repeat(16), received: 5 },
      ...this.ownDocs.map((doc): Frame => ({ kind: Kind.step1, doc, stateVector: Y.encodeStateVector(new Y.Doc()), deleteHash: new Uint8Array(8) })),
      ...this.ownDocs.map((doc): Frame => ({ kind: Kind.ack, doc, stateVector: new Uint8Array([0]), deleteHash: new Uint8Array(8) })),
      ...updates.map((u): Frame => ({ kind: rng.chance(0.5) ? Kind.update : Kind.step2, doc: u.doc, ...compressUpdate(u.data) })),
      ...this.ownDocs.map((doc): Frame => ({ kind: Kind.awareness, doc, update: new Uint8Array([1, 7, 1, 2, 123, 125]) }))
    ]
    // A catch-up big enough to travel in chunks: every stored update of one document, merged.
    const doc = this.ownDocs[0]
    const merged = Y.mergeUpdatesV2(updates.filter((u) => u.doc === doc).map((u) => u.data).concat([hostileUpdate(rng, doc, peer)]))
    this.bigFrame = encodeFrame({ kind: Kind.step2, doc, flags: COMPRESSION.none, update: merged })
  }

  /** The next frames to send (usually one; a chunked transfer is several). */
  next(): FuzzFrame[] {
    const rng = this.rng
    const kind = rng.weighted<FrameClass>([
      ['valid', 20],
      ['foreign', 6],
      ['hostile-content', 8],
      ['chunk-disorder', 3],
      ['mutated', 40],
      ['truncated', 12],
      ['noise', 8],
      ['oversized', 0.05]
    ])
    switch (kind) {
      case 'valid':
        return [{ class: kind, bytes: encodeFrame(rng.pick(this.valid)) }]
      case 'foreign': {
        // Writes into the target's own documents, or into another station's: refused whole.
        const owner = rng.chance(0.7) ? this.target : 'AAAA-BBBB-CCCC-DDDD'
        const doc = `${rng.pick(['records', 'messages'])}/${owner}/2026-${String(rng.int(1, 12)).padStart(2, '0')}`
        const update = rng.chance(0.5) ? hostileUpdate(rng, doc, this.peer) : (this.realUpdate() ?? new Uint8Array([0, 0]))
        return [{ class: kind, bytes: encodeFrame({ kind: Kind.update, doc, ...compressUpdate(update) }) }]
      }
      case 'hostile-content': {
        const doc = rng.chance(0.3) ? `plan/${'0f'.repeat(8)}-fuzz-${rng.int(0, 3)}` : rng.pick(this.ownDocs)
        return [{ class: kind, bytes: encodeFrame({ kind: rng.pick([Kind.update, Kind.step2]), doc, ...compressUpdate(hostileUpdate(rng, doc, this.peer)) }) }]
      }
      case 'chunk-disorder':
        return this.disorderedTransfer()
      case 'mutated':
        return [{ class: kind, bytes: this.mutate(encodeFrame(rng.pick(this.valid))) }]
      case 'truncated': {
        const frame = encodeFrame(rng.pick(this.valid))
        return [{ class: kind, bytes: frame.subarray(0, rng.int(0, Math.max(0, frame.byteLength - 1))) }]
      }
      case 'noise': {
        const bytes = new Uint8Array(rng.int(1, 2048))
        for (let i = 0; i < bytes.length; i++) bytes[i] = rng.int(0, 255)
        return [{ class: kind, bytes }]
      }
      case 'oversized':
        // Just over the frame limit: decoded and refused. (Over the WebSocket limit is sent separately: it closes the socket.)
        return [{ class: kind, bytes: new Uint8Array(MAX_FRAME_BYTES + rng.int(1, 1024)).fill(Kind.update) }]
    }
  }

  private realUpdate(): Uint8Array | null {
    const frames = this.valid.filter((f): f is Extract<Frame, { flags: number }> => f.kind === Kind.update || f.kind === Kind.step2)
    const f = frames.length ? this.rng.pick(frames) : null
    return f && f.flags === COMPRESSION.none ? f.update : null
  }

  /** A chunked transfer with chunks shuffled, duplicated, dropped, of another total, or not matching its id. */
  private disorderedTransfer(): FuzzFrame[] {
    const rng = this.rng
    const frame = this.bigFrame
    const id = rng.chance(0.2) ? 'ee'.repeat(16) : transferIdOf(frame)
    // A few dozen chunks, so that transfers do not crowd out every other kind of frame.
    const size = Math.ceil(frame.byteLength / rng.int(4, 32))
    const chunks: Frame[] = []
    for (let offset = 0; offset < frame.byteLength; offset += size) {
      chunks.push({ kind: Kind.chunk, transferId: id, offset, total: frame.byteLength, bytes: frame.subarray(offset, offset + size) })
    }
    const out = [...chunks]
    for (let i = rng.int(0, 4); i > 0 && out.length > 1; i--) {
      const a = rng.int(0, out.length - 1)
      const b = rng.int(0, out.length - 1)
      const action = rng.int(0, 3)
      if (action === 0) [out[a], out[b]] = [out[b], out[a]]
      else if (action === 1) out.splice(a, 0, out[b])
      else if (action === 2) out.splice(a, 1)
      else out[a] = { ...(out[a] as Extract<Frame, { kind: typeof Kind.chunk }>), total: frame.byteLength + rng.int(1, 100) }
    }
    return out.map((f) => ({ class: 'chunk-disorder' as const, bytes: encodeFrame(f) }))
  }

  private mutate(frame: Uint8Array): Uint8Array {
    const rng = this.rng
    let bytes: Uint8Array = Uint8Array.from(frame)
    for (let n = rng.int(1, 4); n > 0; n--) {
      const at = rng.int(0, Math.max(0, bytes.length - 1))
      switch (rng.int(0, 5)) {
        case 0: // flip a bit
          if (bytes.length) bytes[at] ^= 1 << rng.int(0, 7)
          break
        case 1: // overwrite with an extreme byte (a varint that never ends, a huge length)
          if (bytes.length) bytes[at] = rng.pick([0x00, 0x7f, 0x80, 0xff])
          break
        case 2: // insert random bytes
          bytes = concat(bytes.subarray(0, at), randomBytes(rng, rng.int(1, 16)), bytes.subarray(at))
          break
        case 3: // delete a run
          bytes = concat(bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + rng.int(1, 16))))
          break
        case 4: // splice in the tail of another frame
          bytes = concat(bytes.subarray(0, at), encodeFrame(rng.pick(this.valid)).subarray(rng.int(0, 8)))
          break
        case 5: // the kind byte itself
          if (bytes.length) bytes[0] = rng.int(0, 20)
          break
      }
    }
    return bytes.length ? bytes : new Uint8Array([rng.int(0, 255)])
  }
}

function randomBytes(rng: Rng, n: number): Uint8Array {
  const out = new Uint8Array(n)
  for (let i = 0; i < n; i++) out[i] = rng.int(0, 255)
  return out
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts))
}
