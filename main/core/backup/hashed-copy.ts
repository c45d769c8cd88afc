/**
 * Reading a big file in one synchronous call (a backup on a slow USB stick, a 100 MB installer) would stop the
 * station for seconds: no sync, no other screen. These stream it in chunks, hash on the way, and say how far they are.
 */
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { FileDigest } from './backup-file'

const CHUNK_BYTES = 1024 * 1024

/** Told the bytes done so far, after every chunk. */
export type ByteProgress = (done: number) => void

export async function digestFile(file: string, onProgress?: ByteProgress): Promise<FileDigest> {
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    hash.update(chunk)
    bytes += chunk.length
    onProgress?.(bytes)
  }
  return { bytes, sha256: hash.digest('hex') }
}

/**
 * Copies from to a new file `to` (refused if it exists), hashing the bytes as they pass, so the digest is of exactly
 * what was written; flushed to disk before it resolves, so a later rename cannot expose a half-written file.
 */
export async function copyHashing(from: string, to: string, onProgress?: ByteProgress, mode = 0o600): Promise<FileDigest> {
  const hash = createHash('sha256')
  let bytes = 0
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk)
      bytes += chunk.length
      onProgress?.(bytes)
      done(null, chunk)
    }
  })
  await pipeline(createReadStream(from, { highWaterMark: CHUNK_BYTES }), tap, createWriteStream(to, { flags: 'wx', mode, flush: true }))
  return { bytes, sha256: hash.digest('hex') }
}
