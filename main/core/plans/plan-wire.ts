/**
 * Yjs data as it crosses the API: base64 text, decoded and checked before anything is applied, so a
 * malformed or oversized update from a screen or the peer is refused whole with a reason that names it.
 */
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { MAX_AWARENESS_BYTES, MAX_PLAN_UPDATE_BYTES } from '../../../preload/api'
import { BoundedUpdateDecoderV2 } from '../docs/bounded-update-decoder'

export const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')

export function fromBase64(text: string): Uint8Array {
  const buffer = Buffer.from(text, 'base64')
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}

const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`

/** Why a V2 update cannot be applied, or null if it parses. */
export function updateProblem(update: Uint8Array): string | null {
  if (update.byteLength > MAX_PLAN_UPDATE_BYTES) return `update of ${kib(update.byteLength)} exceeds the limit of ${kib(MAX_PLAN_UPDATE_BYTES)}`
  try {
    Y.decodeUpdateV2(update, BoundedUpdateDecoderV2)
    return null
  } catch (error) {
    return `not a Yjs V2 update (${(error as Error).message || 'undecodable'})`
  }
}

/** Presence states per update: more than this is not a few screens but a flood. */
const MAX_AWARENESS_CLIENTS = 256

/** Why bytes are not a y-protocols awareness update (client, clock, JSON state per entry), or null if they are. */
export function awarenessProblem(update: Uint8Array): string | null {
  if (update.byteLength > MAX_AWARENESS_BYTES) return `awareness update of ${kib(update.byteLength)} exceeds the limit of ${kib(MAX_AWARENESS_BYTES)}`
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    if (count > MAX_AWARENESS_CLIENTS) return `awareness update for ${count} clients`
    for (let i = 0; i < count; i++) {
      decoding.readVarUint(decoder)
      decoding.readVarUint(decoder)
      JSON.parse(decoding.readVarString(decoder))
    }
    return decoding.hasContent(decoder) ? 'awareness update with trailing bytes' : null
  } catch (error) {
    return `not an awareness update (${(error as Error).message || 'undecodable'})`
  }
}
