import { promisify } from 'node:util'
import { brotliCompress, brotliCompressSync, brotliDecompressSync, constants, deflateRaw, deflateRawSync, inflateRawSync, type BrotliOptions } from 'node:zlib'
import { COMPRESSION, MAX_TRANSFER_BYTES } from './frames'

/**
 * Document updates are mostly repeated keys and text: compression pays on a link of a few kB/s.
 * Keystroke-sized updates go as they are; bulk catch-up diffs get brotli, which beats deflate by
 * roughly a fifth on this content for a few milliseconds of CPU per 100 kB.
 */
const COMPRESS_ABOVE = 256
const BROTLI_ABOVE = 4096
/**
 * Brotli takes about 60 ms per MB of plan text: a catch-up of a large plan compressed in line would hold the
 * station (its screens, its other links) for seconds, so from this size it is compressed on the thread pool.
 */
export const COMPRESS_OFF_THREAD_ABOVE = 256 * 1024

export interface PackedUpdate {
  flags: number
  update: Uint8Array
}

const brotliOptions = (update: Uint8Array): BrotliOptions => ({
  params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: update.byteLength }
})

/** Sent as it is unless compression makes it smaller. */
const smaller = (update: Uint8Array, packed: PackedUpdate): PackedUpdate =>
  packed.update.byteLength < update.byteLength ? packed : { flags: COMPRESSION.none, update }

export function compressUpdate(update: Uint8Array): PackedUpdate {
  if (update.byteLength <= COMPRESS_ABOVE) return { flags: COMPRESSION.none, update }
  return smaller(
    update,
    update.byteLength > BROTLI_ABOVE
      ? { flags: COMPRESSION.brotli, update: brotliCompressSync(update, brotliOptions(update)) }
      : { flags: COMPRESSION.deflate, update: deflateRawSync(update) }
  )
}

const brotliOffThread = promisify(brotliCompress)
const deflateOffThread = promisify(deflateRaw)

/** As compressUpdate, on the thread pool: the event loop stays free meanwhile. */
export async function compressUpdateOffThread(update: Uint8Array): Promise<PackedUpdate> {
  if (update.byteLength <= COMPRESS_ABOVE) return { flags: COMPRESSION.none, update }
  return smaller(
    update,
    update.byteLength > BROTLI_ABOVE
      ? { flags: COMPRESSION.brotli, update: await brotliOffThread(update, brotliOptions(update)) }
      : { flags: COMPRESSION.deflate, update: await deflateOffThread(update) }
  )
}

/** Bounded, so a small hostile payload cannot inflate into gigabytes. */
export function decompressUpdate(flags: number, payload: Uint8Array): Uint8Array {
  if (flags === COMPRESSION.deflate) return inflateRawSync(payload, { maxOutputLength: MAX_TRANSFER_BYTES })
  if (flags === COMPRESSION.brotli) return brotliDecompressSync(payload, { maxOutputLength: MAX_TRANSFER_BYTES })
  return payload
}
