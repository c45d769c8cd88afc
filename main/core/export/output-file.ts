/**
 * The file an export writes: bytes go to a temporary name beside the target and are hashed on the way, so
 * the SHA-256 in the manifest is of exactly what reached the disk without reading it back. Only a complete
 * file is renamed into place; a cancelled or failed export leaves nothing behind.
 */
import { createHash } from 'node:crypto'
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import { Transform, type Writable } from 'node:stream'

export interface WrittenFile {
  path: string
  bytes: number
  sha256: string
}

export class OutputFile {
  /** Where writers put their bytes; respects backpressure (see writeChunk). */
  readonly stream: Writable
  private readonly file: WriteStream
  private readonly temp: string
  private bytes = 0
  private readonly hash = createHash('sha256')
  private failure: Error | null = null

  constructor(readonly path: string) {
    this.temp = `${path}.partial-${process.pid}-${Date.now().toString(36)}`
    this.file = createWriteStream(this.temp, { flags: 'wx' })
    const counter = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        this.hash.update(chunk)
        this.bytes += chunk.length
        done(null, chunk)
      }
    })
    counter.pipe(this.file)
    this.stream = counter
    const fail = (error: Error) => (this.failure ??= error)
    counter.on('error', fail)
    // A full disk surfaces on the file; destroying the counter with it wakes a writer waiting for 'drain'.
    this.file.on('error', (error) => counter.destroy(fail(error)))
  }

  /** Flushes, closes, and moves the file into place (replacing an older file of that name). */
  async finish(): Promise<WrittenFile> {
    this.assertHealthy()
    // Some writers end the stream themselves (ExcelJS does when its zip is complete).
    if (!this.stream.writableEnded) this.stream.end()
    if (!this.file.closed) await once(this.file, 'close')
    this.assertHealthy()
    renameSync(this.temp, this.path)
    return { path: this.path, bytes: this.bytes, sha256: this.hash.digest('hex') }
  }

  abort(): void {
    this.stream.destroy()
    this.file.destroy()
    rmSync(this.temp, { force: true })
  }

  assertHealthy(): void {
    if (this.failure) throw this.failure
  }
}

/** Writes a chunk and waits while the stream's buffer is full, so memory stays flat however many rows follow. */
export async function writeChunk(stream: Writable, chunk: string | Buffer): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain')
}
