/**
 * Offline updates: an administrator brings a newer installer on a USB stick, with its detached signature FILE.sig.
 * The signature is Ed25519, by the publisher's key, over a small signed statement that holds the file's SHA-256,
 * size, version and target system; the app accepts the file only if a key built into it made that signature and
 * the file's bytes are the ones described. Installing (running the checked copy) is the desktop app's job.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { z } from 'zod'
import type { UpdateRefusal } from '../../../preload/api'
import { APP_VERSION } from '../app-version'
import { canonicalJson } from '../canonical-json'
import { digestFileSync, sha256FileSync, type FileDigest } from '../backup/backup-file'
import { digestFile, type ByteProgress } from '../backup/hashed-copy'

export const SIGNATURE_SUFFIX = '.sig'
const MAX_SIGNATURE_BYTES = 64 * 1024

/** Installer kinds electron-builder makes, by file extension, and the system each one installs on. */
const INSTALLER_PLATFORMS: Record<string, 'win32' | 'linux'> = { '.exe': 'win32', '.deb': 'linux', '.appimage': 'linux' }

export const UpdateStatement = z
  .object({
    format: z.literal('blo-station-update'),
    formatVersion: z.literal(1),
    algorithm: z.literal('Ed25519'),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    file: z.string().min(1),
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'expected a version like 1.2.3'),
    platform: z.enum(['win32', 'linux']),
    signedAt: z.string()
  })
  .strict()
export type UpdateStatement = z.infer<typeof UpdateStatement>

const UpdateSignature = UpdateStatement.extend({ signature: z.string().min(1) }).strict()
type UpdateSignature = z.infer<typeof UpdateSignature>

export interface VerifiedUpdate {
  file: string
  bytes: number
  sha256: string
  version: string
  platform: 'win32' | 'linux'
  keyId: string
  signedAt: string
  installedVersion: string
  /** Informational for the checker; an installer must refuse what is not newer or not for this system. */
  newer: boolean
  forThisSystem: boolean
}

/** A file that must not be installed, with the reason as a code the screens translate. */
export class UpdateRefusedError extends Error {
  constructor(
    readonly file: string,
    reason: string,
    readonly code: UpdateRefusal
  ) {
    super(`${basename(file)}: ${reason}`)
    this.name = 'UpdateRefusedError'
  }
}

export const signaturePathFor = (file: string): string => `${file}${SIGNATURE_SUFFIX}`

/** The first 16 hex digits of the SHA-256 of the key's SPKI encoding: short enough to read out, long enough to be unique. */
export function publisherKeyId(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16)
}

const signedBytes = (statement: UpdateStatement): Buffer => Buffer.from(canonicalJson(statement), 'utf8')

export function installerPlatform(file: string): 'win32' | 'linux' | null {
  return INSTALLER_PLATFORMS[extname(file).toLowerCase()] ?? null
}

/** Publisher side: writes FILE.sig. version defaults to this build's own (signing runs from the release checkout). */
export function signUpdate(file: string, privateKeyPem: string, options: { version?: string; now?: Date } = {}): string {
  const platform = installerPlatform(file)
  if (!platform) throw new UpdateRefusedError(file, 'is not an installer BLO Station knows (.exe, .deb or .AppImage)', 'not-installer')
  const key = createPrivateKey(privateKeyPem)
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the signing key must be an Ed25519 private key, not ${key.asymmetricKeyType}`)
  const parsed = UpdateStatement.safeParse({
    format: 'blo-station-update',
    formatVersion: 1,
    algorithm: 'Ed25519',
    keyId: publisherKeyId(createPublicKey(key)),
    file: basename(file),
    bytes: statSync(file).size,
    sha256: sha256FileSync(file),
    version: options.version ?? APP_VERSION,
    platform,
    signedAt: (options.now ?? new Date()).toISOString()
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`${issue.path.map(String).join('.')}: ${issue.message}`)
  }
  const statement = parsed.data
  const signature = sign(null, signedBytes(statement), key).toString('base64')
  const path = signaturePathFor(file)
  writeFileSync(path, `${JSON.stringify({ ...statement, signature }, null, 2)}\n`)
  return path
}

function readSignature(file: string): UpdateSignature {
  const path = signaturePathFor(file)
  let text: string
  try {
    if (statSync(path).size > MAX_SIGNATURE_BYTES) throw new UpdateRefusedError(file, `${basename(path)} is too large to be a signature`, 'bad-signature-file')
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if (error instanceof UpdateRefusedError) throw error
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UpdateRefusedError(file, `has no signature: ${basename(path)} must be next to it (copy both from the release)`, 'no-signature')
    }
    throw new UpdateRefusedError(file, `its signature cannot be read (${(error as Error).message})`, 'bad-signature-file')
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new UpdateRefusedError(file, `${basename(path)} is not a BLO Station signature (not JSON)`, 'bad-signature-file')
  }
  const parsed = UpdateSignature.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UpdateRefusedError(file, `${basename(path)} is malformed: ${issue.path.map(String).join('.') || 'signature'}: ${issue.message}`, 'bad-signature-file')
  }
  return parsed.data
}

/** -1, 0 or 1; prerelease versions (1.2.0-rc.1) sort before their release. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core, pre = ''] = v.split('-', 2)
    return { parts: core.split('.').map((n) => Number(n) || 0), pre }
  }
  const x = parse(a)
  const y = parse(b)
  for (let i = 0; i < 3; i++) {
    const diff = (x.parts[i] ?? 0) - (y.parts[i] ?? 0)
    if (diff !== 0) return Math.sign(diff)
  }
  if (x.pre === y.pre) return 0
  if (!x.pre) return 1
  if (!y.pre) return -1
  return x.pre < y.pre ? -1 : 1
}

/**
 * The statement FILE.sig makes about FILE, once a built-in key is shown to have signed it; the file itself is not
 * read yet. Throws UpdateRefusedError naming the first check that fails.
 */
export function trustedStatement(file: string, trustedKeys: readonly string[]): UpdateStatement {
  if (trustedKeys.length === 0) {
    throw new UpdateRefusedError(
      file,
      'cannot be checked: this build of BLO Station has no publisher key built in; ask your supplier for a signed build',
      'no-publisher-key'
    )
  }
  const { signature, ...statement } = readSignature(file)
  const key = trustedKeys.map((pem) => createPublicKey(pem)).find((candidate) => publisherKeyId(candidate) === statement.keyId)
  if (!key) {
    throw new UpdateRefusedError(file, `is signed by key ${statement.keyId}, which is not a BLO Station publisher key: do not install it`, 'unknown-key')
  }
  if (!verify(null, signedBytes(statement), key, Buffer.from(signature, 'base64'))) {
    throw new UpdateRefusedError(file, 'its signature is not valid (the signature file was changed or damaged): do not install it', 'bad-signature')
  }
  return statement
}

/** The file, whose size and SHA-256 are digest, is exactly what the statement describes. */
export function assertSignedBytes(file: string, statement: UpdateStatement, digest: FileDigest): void {
  if (digest.bytes !== statement.bytes || digest.sha256 !== statement.sha256) {
    throw new UpdateRefusedError(file, 'is not the file that was signed (changed, damaged or incomplete): do not install it', 'changed')
  }
}

const unreadable = (file: string, error: unknown): UpdateRefusedError =>
  new UpdateRefusedError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'missing')

const verifiedFacts = (file: string, statement: UpdateStatement, digest: FileDigest, installedVersion: string): VerifiedUpdate => ({
  file,
  bytes: digest.bytes,
  sha256: statement.sha256,
  version: statement.version,
  platform: statement.platform,
  keyId: statement.keyId,
  signedAt: statement.signedAt,
  installedVersion,
  newer: compareVersions(statement.version, installedVersion) > 0,
  forThisSystem: statement.platform === process.platform
})

/**
 * Checks FILE against FILE.sig: a trusted key, a valid signature, and exactly the bytes it describes.
 * Throws UpdateRefusedError naming the first check that fails.
 */
export function verifyUpdate(file: string, trustedKeys: readonly string[], installedVersion: string = APP_VERSION): VerifiedUpdate {
  const statement = trustedStatement(file, trustedKeys)
  let digest: FileDigest
  try {
    digest = digestFileSync(file)
  } catch (error) {
    throw unreadable(file, error)
  }
  assertSignedBytes(file, statement, digest)
  return verifiedFacts(file, statement, digest, installedVersion)
}

/** verifyUpdate for a station that keeps running meanwhile: the file is hashed in chunks, with progress. */
export async function verifyUpdateStreaming(
  file: string,
  trustedKeys: readonly string[],
  installedVersion: string = APP_VERSION,
  onHashed?: ByteProgress
): Promise<VerifiedUpdate> {
  const statement = trustedStatement(file, trustedKeys)
  const digest = await digestFile(file, onHashed).catch((error: unknown) => {
    throw unreadable(file, error)
  })
  assertSignedBytes(file, statement, digest)
  return verifiedFacts(file, statement, digest, installedVersion)
}
