/**
 * What a bundle's plaintext stream holds, entry by entry:
 *
 *   u8 type · u32 length · payload
 *   1 manifest   JSON: bundle ID, sender, recipient, when, delta or full, the sender's certificate
 *   2 update     u16 name length · document name · u8 compression · Yjs V2 update (as a step 2 on the link)
 *   3 holds      u16 name length · document name · u8 length · state vector … · u8 length · delete-set hash
 *                (what the sender holds of a document both share: the acknowledgement a link sends as step 1)
 *
 * The manifest comes first, so a reader knows whose signature to expect before it trusts anything after it.
 */
import { z } from 'zod'
import type { DocFingerprint } from '../sync/doc-fingerprint'

export const ENTRY = { manifest: 1, update: 2, holds: 3 } as const

/** A plan at its size limit is the largest document (80 MB from the peer); its update may be a little larger. */
export const MAX_ENTRY_BYTES = 96 * 1024 * 1024
const MAX_NAME_BYTES = 256

export const BundleManifest = z
  .object({
    bundleId: z.string().uuid(),
    from: z.string().min(1).max(100),
    fromName: z.string().max(200),
    to: z.string().min(1).max(100),
    createdAt: z.string().datetime(),
    basis: z.enum(['delta', 'full', 'introduction']),
    certificate: z.string().max(8192)
  })
  .strict()
export type BundleManifest = z.infer<typeof BundleManifest>

export type Entry =
  | { type: typeof ENTRY.manifest; manifest: BundleManifest }
  | { type: typeof ENTRY.update; doc: string; flags: number; payload: Uint8Array }
  | { type: typeof ENTRY.holds; doc: string; fingerprint: DocFingerprint }

/** An entry the reader cannot make sense of: the bundle was written wrong or altered (signed garbage is still garbage). */
export class EntryError extends Error {}

function frame(type: number, parts: Uint8Array[]): Buffer {
  const length = parts.reduce((n, p) => n + p.byteLength, 0)
  const head = Buffer.alloc(5)
  head.writeUInt8(type, 0)
  head.writeUInt32BE(length, 1)
  return Buffer.concat([head, ...parts])
}

function name(doc: string): Buffer {
  const bytes = Buffer.from(doc, 'utf8')
  const head = Buffer.alloc(2)
  head.writeUInt16BE(bytes.length)
  return Buffer.concat([head, bytes])
}

/** u8 length, or (a state vector of many writers) 0xff then a u32 length. */
function sized(bytes: Uint8Array): Buffer {
  if (bytes.byteLength < 0xff) return Buffer.concat([Buffer.from([bytes.byteLength]), bytes])
  const head = Buffer.alloc(5)
  head.writeUInt8(0xff, 0)
  head.writeUInt32BE(bytes.byteLength, 1)
  return Buffer.concat([head, bytes])
}

export function encodeEntry(entry: Entry): Buffer {
  switch (entry.type) {
    case ENTRY.manifest:
      return frame(ENTRY.manifest, [Buffer.from(JSON.stringify(entry.manifest))])
    case ENTRY.update:
      return frame(ENTRY.update, [name(entry.doc), Buffer.from([entry.flags]), entry.payload])
    case ENTRY.holds:
      return frame(ENTRY.holds, [name(entry.doc), sized(entry.fingerprint.stateVector), sized(entry.fingerprint.deleteHash)])
  }
}

class Cursor {
  at = 0
  constructor(private readonly bytes: Buffer) {}
  take(n: number): Buffer {
    if (this.at + n > this.bytes.length) throw new EntryError('an entry ends early')
    const out = this.bytes.subarray(this.at, this.at + n)
    this.at += n
    return out
  }
  u8 = () => this.take(1).readUInt8()
  u16 = () => this.take(2).readUInt16BE()
  name(): string {
    const length = this.u16()
    if (length > MAX_NAME_BYTES) throw new EntryError('a document name is too long')
    return this.take(length).toString('utf8')
  }
  sized(): Buffer {
    const length = this.u8()
    return this.take(length === 0xff ? this.take(4).readUInt32BE() : length)
  }
  rest = () => this.take(this.bytes.length - this.at)
  done(): void {
    if (this.at !== this.bytes.length) throw new EntryError('an entry has bytes left over')
  }
}

function decodeEntry(type: number, payload: Buffer): Entry {
  const c = new Cursor(payload)
  switch (type) {
    case ENTRY.manifest: {
      let json: unknown
      try {
        json = JSON.parse(payload.toString('utf8'))
      } catch {
        throw new EntryError('the manifest is not JSON')
      }
      const parsed = BundleManifest.safeParse(json)
      if (!parsed.success) throw new EntryError(`the manifest is not valid (${parsed.error.issues[0]?.path.join('.') || 'shape'})`)
      return { type, manifest: parsed.data }
    }
    case ENTRY.update: {
      const doc = c.name()
      const flags = c.u8()
      return { type, doc, flags, payload: c.rest() }
    }
    case ENTRY.holds: {
      const doc = c.name()
      const stateVector = new Uint8Array(c.sized())
      const deleteHash = new Uint8Array(c.sized())
      c.done()
      return { type, doc, fingerprint: { stateVector, deleteHash } }
    }
    default:
      throw new EntryError(`unknown entry type ${type}`)
  }
}

/** Cuts the plaintext stream, fed record by record, back into entries. */
export class EntryParser {
  private chunks: Buffer[] = []
  private buffered = 0

  /** The entries this record completes. */
  feed(record: Buffer): Entry[] {
    this.chunks.push(record)
    this.buffered += record.length
    const entries: Entry[] = []
    while (this.buffered >= 5) {
      const length = this.peek(5).readUInt32BE(1)
      if (length > MAX_ENTRY_BYTES) throw new EntryError(`an entry of ${length} bytes is larger than any document may be`)
      if (this.buffered < 5 + length) break
      const whole = this.take(5 + length)
      entries.push(decodeEntry(whole.readUInt8(0), whole.subarray(5)))
    }
    return entries
  }

  /** At the end of the stream: nothing may be left half an entry. */
  end(): void {
    if (this.buffered !== 0) throw new EntryError('the last entry is incomplete')
  }

  private peek(n: number): Buffer {
    if (this.chunks[0].length < n) this.chunks = [Buffer.concat(this.chunks)]
    return this.chunks[0].subarray(0, n)
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks)
    const out = all.subarray(0, n)
    const rest = all.subarray(n)
    this.chunks = rest.length ? [rest] : []
    this.buffered = rest.length
    return out
  }
}
