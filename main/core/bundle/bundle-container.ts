/**
 * The bundle file: a signed, encrypted stream of records, written and read one record at a time so memory stays
 * flat however much a bundle carries.
 *
 *   "BLOSYNC" 0x01 · u32 header length · header (JSON, cleartext: format, recipient, ephemeral key, salt)
 *   records: u32 (bit 31: last record, bits 0–30: length) · AES-256-GCM ciphertext and tag of ≤ 64 KiB of the stream
 *   u32 signature length · ECDSA P-256 (SHA-256, IEEE P1363) by the sender over everything before it
 *
 * The key is HKDF-SHA256 over ECDH between a fresh ephemeral key and the recipient's station key: only the
 * recipient can read it. Each record's nonce is its number and its additional data the header's hash and the
 * last-record flag, so records cannot be dropped, reordered, replayed from another bundle or cut short unseen.
 * The signature makes the sender certain: anyone who knows the recipient's public key could encrypt to it.
 *
 * An introduction (the recipient's key not yet known) is the same file with the records in the clear and no
 * key: it carries only the sender's certificate, which is public.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  sign,
  verify,
  X509Certificate,
  type Hash,
  type KeyObject
} from 'node:crypto'
import { closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { parseStationId } from '../identity/station-id'

const MAGIC = Buffer.from('BLOSYNC\x01', 'latin1')
const FORMAT = 1
export const RECORD_PLAINTEXT_BYTES = 64 * 1024
const TAG_BYTES = 16
const LAST = 0x8000_0000
const MAX_HEADER_BYTES = 4096
const MAX_SIGNATURE_BYTES = 256
const HKDF_INFO = Buffer.from('BLO Station sync bundle v1')

export type Sealing = 'sealed' | 'introduction'

export interface ContainerHeader {
  format: number
  to: string
  sealing: Sealing
  /** Sealed only: the ephemeral public key (SPKI DER, base64) and the HKDF salt (base64). */
  ephemeralKey?: string
  salt?: string
}

/** What is wrong with a file offered as a bundle; the message is one line for the officer. */
export class BundleRefusal extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BundleRefusal'
  }
}

const u32 = (n: number) => {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n >>> 0)
  return b
}

function recordKey(ephemeralPrivate: KeyObject, recipientPublic: KeyObject, salt: Buffer): Buffer {
  const shared = diffieHellman({ privateKey: ephemeralPrivate, publicKey: recipientPublic })
  return Buffer.from(hkdfSync('sha256', shared, salt, HKDF_INFO, 32))
}

function nonce(index: number): Buffer {
  const n = Buffer.alloc(12)
  n.writeBigUInt64BE(BigInt(index), 4)
  return n
}

const additionalData = (headerHash: Buffer, last: boolean) => Buffer.concat([headerHash, Buffer.from([last ? 1 : 0])])

export interface SealOptions {
  path: string
  to: string
  /** The recipient's certificate; null writes an introduction. */
  recipientCertificate: Uint8Array | null
  /** The sender's private key (PKCS#8 PEM): signs the bundle. */
  senderKeyPem: string
}

/**
 * Writes a bundle to a temporary name beside `path`, fsyncs it and renames it into place, so a stick pulled
 * mid-write leaves either the old file or none, never half a bundle under the final name.
 */
export class BundleWriter {
  private readonly temp: string
  private readonly fd: number
  private readonly signed: Hash = createHash('sha256')
  private readonly headerHash: Buffer
  private readonly key: Buffer | null
  private pending: Buffer[] = []
  private pendingBytes = 0
  private records = 0
  bytes = 0

  constructor(private readonly options: SealOptions) {
    this.temp = join(dirname(options.path), `.${basename(options.path)}.partial-${process.pid}`)
    let header: ContainerHeader = { format: FORMAT, to: options.to, sealing: 'introduction' }
    let key: Buffer | null = null
    if (options.recipientCertificate) {
      const recipient = new X509Certificate(options.recipientCertificate).publicKey
      const ephemeral = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      const salt = randomBytes(32)
      header = {
        ...header,
        sealing: 'sealed',
        ephemeralKey: ephemeral.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
        salt: salt.toString('base64')
      }
      key = recordKey(ephemeral.privateKey, recipient, salt)
    }
    this.key = key
    const headerBytes = Buffer.from(JSON.stringify(header))
    this.headerHash = createHash('sha256').update(headerBytes).digest()
    this.fd = openSync(this.temp, 'w', 0o600)
    try {
      this.out(Buffer.concat([MAGIC, u32(headerBytes.length), headerBytes]))
    } catch (error) {
      this.abort()
      throw error
    }
  }

  get sealing(): Sealing {
    return this.key ? 'sealed' : 'introduction'
  }

  /** Appends bytes of the plaintext stream; full records are encrypted and written as they fill. */
  write(bytes: Uint8Array): void {
    let at = 0
    while (at < bytes.byteLength) {
      const take = Math.min(RECORD_PLAINTEXT_BYTES - this.pendingBytes, bytes.byteLength - at)
      this.pending.push(Buffer.from(bytes.buffer, bytes.byteOffset + at, take))
      this.pendingBytes += take
      at += take
      // A full record waits for the next byte: only then is it known whether it is the last.
      if (this.pendingBytes === RECORD_PLAINTEXT_BYTES && at < bytes.byteLength) this.flushRecord(false)
    }
  }

  /** Writes the last record and the signature, makes the file durable and gives it its name. */
  finish(): void {
    if (this.pendingBytes === RECORD_PLAINTEXT_BYTES) this.flushRecord(false)
    this.flushRecord(true)
    const signature = sign('sha256', this.signed.digest(), { key: createPrivateKey(this.options.senderKeyPem), dsaEncoding: 'ieee-p1363' })
    const trailer = Buffer.concat([u32(signature.length), signature])
    writeAll(this.fd, trailer)
    this.bytes += trailer.length
    fsyncSync(this.fd)
    closeSync(this.fd)
    renameSync(this.temp, this.options.path)
    syncDirectory(dirname(this.options.path))
  }

  /** Removes the temporary file; the target is left as it was. */
  abort(): void {
    try {
      closeSync(this.fd)
    } catch {
      // already closed, or the drive is gone
    }
    rmSync(this.temp, { force: true })
  }

  private flushRecord(last: boolean): void {
    const plain = Buffer.concat(this.pending, this.pendingBytes)
    this.pending = []
    this.pendingBytes = 0
    let body = plain
    if (this.key) {
      const cipher = createCipheriv('aes-256-gcm', this.key, nonce(this.records))
      cipher.setAAD(additionalData(this.headerHash, last))
      body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()])
    }
    this.records++
    this.out(Buffer.concat([u32(body.length | (last ? LAST : 0)), body]))
  }

  private out(bytes: Buffer): void {
    this.signed.update(bytes)
    writeAll(this.fd, bytes)
    this.bytes += bytes.length
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at)
}

function syncDirectory(dir: string): void {
  // The rename is durable only once the directory is; some file systems (FAT on a stick) refuse to open one.
  try {
    const fd = openSync(dir, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    // nothing more can be done on such a file system; the file itself is synced
  }
}

export interface OpenOptions {
  self: string
  /** This station's private key (PKCS#8 PEM): opens sealed bundles. */
  keyPem: string
  maxBytes: number
}

/**
 * One pass over a bundle: `records()` yields the plaintext stream record by record (each record checked by its
 * tag as it is read); `verify()` afterwards checks the signature over everything read, with the sender's
 * certificate the stream named. Nothing a pass yields may be kept unless verify() passes.
 */
export class BundleReader {
  readonly header: ContainerHeader
  readonly bytes: number
  private readonly fd: number
  private readonly signed: Hash = createHash('sha256')
  private readonly headerHash: Buffer
  private readonly key: Buffer | null = null
  private at = 0
  private ended = false

  constructor(
    readonly path: string,
    options: OpenOptions
  ) {
    try {
      this.fd = openSync(path, 'r')
    } catch (error) {
      throw new BundleRefusal(`Cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`)
    }
    try {
      const stat = fstatSync(this.fd)
      if (!stat.isFile()) throw new BundleRefusal(`${path} is a folder, not a bundle file; choose the .blobundle file inside it.`)
      this.bytes = stat.size
      if (this.bytes > options.maxBytes) {
        throw new BundleRefusal(`${basename(path)} is ${this.bytes} bytes, more than the ${options.maxBytes} bytes a bundle may have.`)
      }
      const magic = this.read(MAGIC.length, 'not-a-bundle')
      if (!magic.equals(MAGIC)) throw new BundleRefusal(`${basename(path)} is not a BLO Station sync bundle.`)
      const headerLength = this.read(4, 'truncated').readUInt32BE()
      if (headerLength > MAX_HEADER_BYTES) throw new BundleRefusal(`${basename(path)} has a damaged header.`)
      const headerBytes = this.read(headerLength, 'truncated')
      this.header = parseHeader(headerBytes, basename(path))
      this.headerHash = createHash('sha256').update(headerBytes).digest()
      if (this.header.to !== options.self) {
        throw new BundleRefusal(`${basename(path)} is addressed to station ${this.header.to}, not to this station (${options.self}).`)
      }
      if (this.header.sealing === 'sealed') {
        const ephemeral = createPublicKey({ key: Buffer.from(this.header.ephemeralKey!, 'base64'), format: 'der', type: 'spki' })
        this.key = recordKey(createPrivateKey(options.keyPem), ephemeral, Buffer.from(this.header.salt!, 'base64'))
      }
    } catch (error) {
      closeSync(this.fd)
      if (error instanceof BundleRefusal) throw error
      throw new BundleRefusal(`${basename(path)} has a damaged header (${(error as Error).message}).`)
    }
  }

  *records(): Generator<Buffer> {
    for (let index = 0; !this.ended; index++) {
      const prefix = this.read(4, 'truncated').readUInt32BE()
      const last = (prefix & LAST) !== 0
      const length = prefix & ~LAST
      if (length > RECORD_PLAINTEXT_BYTES + TAG_BYTES) throw this.tampered()
      const body = this.read(length, 'truncated')
      this.ended = last
      if (!this.key) {
        yield body
        continue
      }
      if (length < TAG_BYTES) throw this.tampered()
      const decipher = createDecipheriv('aes-256-gcm', this.key, nonce(index))
      decipher.setAAD(additionalData(this.headerHash, last))
      decipher.setAuthTag(body.subarray(length - TAG_BYTES))
      try {
        yield Buffer.concat([decipher.update(body.subarray(0, length - TAG_BYTES)), decipher.final()])
      } catch {
        throw this.tampered()
      }
    }
  }

  /** After the last record: the signature is the sender's, over every byte before it, and nothing follows it. */
  verify(senderCertificate: Uint8Array): void {
    if (!this.ended) throw new BundleRefusal(`${basename(this.path)} was read only in part.`)
    const digest = this.signed.digest()
    const length = this.readUnsigned(4, 'truncated').readUInt32BE()
    if (length > MAX_SIGNATURE_BYTES) throw this.tampered()
    const signature = this.readUnsigned(length, 'truncated')
    if (this.at !== this.bytes) throw this.tampered()
    const key = new X509Certificate(senderCertificate).publicKey
    if (!verify('sha256', digest, { key, dsaEncoding: 'ieee-p1363' }, signature)) throw this.tampered()
  }

  close(): void {
    closeSync(this.fd)
  }

  private tampered(): BundleRefusal {
    return new BundleRefusal(`${basename(this.path)} has been altered or damaged since it was written; import nothing from it and ask for a new one.`)
  }

  private read(length: number, short: 'truncated' | 'not-a-bundle'): Buffer {
    const bytes = this.readUnsigned(length, short)
    this.signed.update(bytes)
    return bytes
  }

  private readUnsigned(length: number, short: 'truncated' | 'not-a-bundle'): Buffer {
    if (this.at + length > this.bytes) {
      throw short === 'not-a-bundle'
        ? new BundleRefusal(`${basename(this.path)} is not a BLO Station sync bundle.`)
        : new BundleRefusal(`${basename(this.path)} is cut short (${this.bytes} bytes): it was not written completely; write it again.`)
    }
    const bytes = Buffer.alloc(length)
    for (let got = 0; got < length; ) {
      const n = readSync(this.fd, bytes, got, length - got, this.at + got)
      if (n === 0) throw new BundleRefusal(`${basename(this.path)} is cut short.`)
      got += n
    }
    this.at += length
    return bytes
  }
}

function parseHeader(bytes: Buffer, name: string): ContainerHeader {
  const header = JSON.parse(bytes.toString('utf8')) as Partial<ContainerHeader>
  const ok =
    header.format === FORMAT &&
    typeof header.to === 'string' &&
    (header.sealing === 'introduction' || (header.sealing === 'sealed' && typeof header.ephemeralKey === 'string' && typeof header.salt === 'string'))
  // Only a later format is a reason to update; any other number is damage.
  if (typeof header.format === 'number' && header.format > FORMAT) {
    throw new BundleRefusal(`${name} is bundle format ${String(header.format)}; this station reads format ${FORMAT}. Update this station.`)
  }
  // A recipient that is not a well-formed station ID (its check symbols catch any one or two misread) is damage.
  if (!ok || !isStationId(header.to!)) throw new BundleRefusal(`${name} has a damaged header.`)
  return header as ContainerHeader
}

function isStationId(text: string): boolean {
  try {
    return parseStationId(text) === text
  } catch {
    return false
  }
}
