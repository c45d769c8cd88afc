import { brotliCompressSync, brotliDecompressSync, constants, deflateRawSync, inflateRawSync } from 'node:zlib'
import { COMPRESSION, MAX_TRANSFER_BYTES } from './frames'

/**
 * Document updates are mostly repeated keys and text: compression pays on a link of a few kB/s.
 * Keystroke-sized updates go as they are; bulk catch-up diffs get brotli, which beats deflate by
 * roughly a fifth on this content for a few milliseconds of CPU per 100 kB.
 */
const COMPRESS_ABOVE = 256
const BROTLI_ABOVE = 4096

export function compressUpdate(update: Uint8Array): { flags: number; update: Uint8Array } {
  if (update.byteLength <= COMPRESS_ABOVE) return { flags: COMPRESSION.none, update }
  const packed =
    update.byteLength > BROTLI_ABOVE
      ? {
          flags: COMPRESSION.brotli,
          update: brotliCompressSync(update, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: update.byteLength }
          })
        }
      : { flags: COMPRESSION.deflate, update: deflateRawSync(update) }
  return packed.update.byteLength < update.byteLength ? packed : { flags: COMPRESSION.none, update }
}

/** Bounded, so a small hostile payload cannot inflate into gigabytes. */
export function decompressUpdate(flags: number, payload: Uint8Array): Uint8Array {
  if (flags === COMPRESSION.deflate) return inflateRawSync(payload, { maxOutputLength: MAX_TRANSFER_BYTES })
  if (flags === COMPRESSION.brotli) return brotliDecompressSync(payload, { maxOutputLength: MAX_TRANSFER_BYTES })
  return payload
}
