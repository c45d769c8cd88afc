/**
 * The peer link's wire format: binary frames, each a varUint kind and its fields (lib0 encoding).
 * Document sync follows y-protocols' step 1 / step 2 / update, framed with the document name, with
 * V2-encoded (optionally deflated) updates. Large frames travel as resumable chunks.
 * decodeFrame never throws: it returns a refusal reason for anything malformed, truncated or oversized.
 */
import { createHash } from 'node:crypto'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MAX_DOC_NAME_LENGTH } from '../docs/doc-names'

export const PROTOCOL_VERSION = 1
/** No single frame may exceed this: big payloads are chunked well below it. */
export const MAX_FRAME_BYTES = 1024 * 1024
/** The largest update a peer may send for one document, reassembled from chunks. */
export const MAX_TRANSFER_BYTES = 256 * 1024 * 1024

export const Kind = {
  hello: 0,
  step1: 1,
  step2: 2,
  update: 3,
  chunk: 4,
  progress: 5,
  resume: 6,
  ack: 7,
  synced: 8,
  ping: 9,
  pong: 10,
  awareness: 11,
  step1Done: 12
} as const

/** How an update payload is compressed (the flags field of step 2 and update frames). */
export const COMPRESSION = { none: 0, deflate: 1, brotli: 2 } as const

export type Frame =
  | { kind: typeof Kind.hello; version: number; digest: Uint8Array }
  | { kind: typeof Kind.step1 | typeof Kind.ack; doc: string; stateVector: Uint8Array; deleteHash: Uint8Array }
  | { kind: typeof Kind.step1Done }
  | { kind: typeof Kind.step2 | typeof Kind.update; doc: string; flags: number; update: Uint8Array }
  | { kind: typeof Kind.chunk; transferId: string; offset: number; total: number; bytes: Uint8Array }
  | { kind: typeof Kind.progress; transferId: string; received: number }
  | { kind: typeof Kind.resume; partials: { transferId: string; received: number }[] }
  | { kind: typeof Kind.synced; digest: Uint8Array }
  | { kind: typeof Kind.ping | typeof Kind.pong; nonce: number }
  | { kind: typeof Kind.awareness; doc: string; update: Uint8Array }

/** The frames that carry a document update: a catch-up (step 2) or a live edit. */
export type DataFrame = Extract<Frame, { kind: typeof Kind.step2 | typeof Kind.update }>
export const isData = (frame: Frame): frame is DataFrame => frame.kind === Kind.step2 || frame.kind === Kind.update

/** A chunked transfer is named by the hash of the frame it carries: the same name in the next session, and a check on what was put together. */
export const transferIdOf = (frame: Uint8Array) => createHash('sha256').update(frame).digest('hex').slice(0, 32)

export function encodeFrame(frame: Frame): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, frame.kind)
  switch (frame.kind) {
    case Kind.hello:
      encoding.writeVarUint(e, frame.version)
      encoding.writeVarUint8Array(e, frame.digest)
      break
    case Kind.step1:
    case Kind.ack:
      encoding.writeVarString(e, frame.doc)
      encoding.writeVarUint8Array(e, frame.stateVector)
      encoding.writeVarUint8Array(e, frame.deleteHash)
      break
    case Kind.step1Done:
      break
    case Kind.step2:
    case Kind.update:
      encoding.writeVarString(e, frame.doc)
      encoding.writeVarUint(e, frame.flags)
      encoding.writeVarUint8Array(e, frame.update)
      break
    case Kind.chunk:
      encoding.writeVarString(e, frame.transferId)
      encoding.writeVarUint(e, frame.offset)
      encoding.writeVarUint(e, frame.total)
      encoding.writeVarUint8Array(e, frame.bytes)
      break
    case Kind.progress:
      encoding.writeVarString(e, frame.transferId)
      encoding.writeVarUint(e, frame.received)
      break
    case Kind.resume:
      encoding.writeVarUint(e, frame.partials.length)
      for (const p of frame.partials) {
        encoding.writeVarString(e, p.transferId)
        encoding.writeVarUint(e, p.received)
      }
      break
    case Kind.synced:
      encoding.writeVarUint8Array(e, frame.digest)
      break
    case Kind.ping:
    case Kind.pong:
      encoding.writeVarUint(e, frame.nonce)
      break
    case Kind.awareness:
      encoding.writeVarString(e, frame.doc)
      encoding.writeVarUint8Array(e, frame.update)
      break
  }
  return encoding.toUint8Array(e)
}

export type Decoded = { ok: true; frame: Frame } | { ok: false; reason: string }

class FrameError extends Error {}

const docName = (d: decoding.Decoder): string => {
  const name = decoding.readVarString(d)
  if (name.length === 0 || name.length > MAX_DOC_NAME_LENGTH) throw new FrameError('bad document name')
  return name
}
const transferId = (d: decoding.Decoder): string => {
  const id = decoding.readVarString(d)
  if (!/^[0-9a-f]{32}$/.test(id)) throw new FrameError('bad transfer id')
  return id
}
const bytes = (d: decoding.Decoder, max: number): Uint8Array => {
  const length = decoding.readVarUint(d)
  if (length > max || length > d.arr.length - d.pos) throw new FrameError('truncated or oversized field')
  return decoding.readUint8Array(d, length)
}
const count = (d: decoding.Decoder, max: number): number => {
  const n = decoding.readVarUint(d)
  if (!Number.isSafeInteger(n) || n > max) throw new FrameError('number out of range')
  return n
}

export function decodeFrame(data: Uint8Array): Decoded {
  if (data.byteLength === 0) return { ok: false, reason: 'empty frame' }
  if (data.byteLength > MAX_FRAME_BYTES) return { ok: false, reason: `frame of ${data.byteLength} bytes exceeds ${MAX_FRAME_BYTES}` }
  const d = decoding.createDecoder(data)
  try {
    const kind = decoding.readVarUint(d)
    let frame: Frame
    switch (kind) {
      case Kind.hello:
        frame = { kind, version: count(d, 1_000_000), digest: bytes(d, 64) }
        break
      case Kind.step1:
      case Kind.ack:
        frame = { kind, doc: docName(d), stateVector: bytes(d, 64 * 1024), deleteHash: bytes(d, 32) }
        break
      case Kind.step1Done:
        frame = { kind }
        break
      case Kind.step2:
      case Kind.update:
        frame = { kind, doc: docName(d), flags: count(d, COMPRESSION.brotli), update: bytes(d, MAX_TRANSFER_BYTES) }
        break
      case Kind.chunk: {
        const id = transferId(d)
        const offset = count(d, MAX_TRANSFER_BYTES)
        const total = count(d, MAX_TRANSFER_BYTES)
        const chunk = bytes(d, MAX_FRAME_BYTES)
        if (total === 0 || offset + chunk.byteLength > total) throw new FrameError('chunk outside its transfer')
        frame = { kind, transferId: id, offset, total, bytes: chunk }
        break
      }
      case Kind.progress:
        frame = { kind, transferId: transferId(d), received: count(d, MAX_TRANSFER_BYTES) }
        break
      case Kind.resume: {
        const n = count(d, 1000)
        const partials = []
        for (let i = 0; i < n; i++) partials.push({ transferId: transferId(d), received: count(d, MAX_TRANSFER_BYTES) })
        frame = { kind, partials }
        break
      }
      case Kind.synced:
        frame = { kind, digest: bytes(d, 64) }
        break
      case Kind.ping:
      case Kind.pong:
        frame = { kind, nonce: count(d, Number.MAX_SAFE_INTEGER) }
        break
      case Kind.awareness:
        frame = { kind, doc: docName(d), update: bytes(d, 64 * 1024) }
        break
      default:
        return { ok: false, reason: `unknown frame kind ${kind}` }
    }
    if (decoding.hasContent(d)) return { ok: false, reason: 'trailing bytes after frame' }
    return { ok: true, frame }
  } catch (error) {
    return { ok: false, reason: error instanceof FrameError ? error.message : 'truncated frame' }
  }
}
