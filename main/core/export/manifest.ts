/**
 * The signed manifest next to every export (FILE.manifest.json) and its check. Anyone holding the two files
 * can verify them, on any machine, without the station: the manifest carries the station's certificate,
 * and the station ID printed by the check is the one its counterpart and coordinator already know.
 */
import { createHash, sign, verify, X509Certificate } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { ExportManifest, type ExportVerification } from '../../../preload/api'
import { canonicalJson } from '../canonical-json'
import { stationIdFromCertificate } from '../identity/station-id'
import type { StationIdentity } from '../identity/station-identity'

export const MANIFEST_SUFFIX = '.manifest.json'
const SIGNATURE_ALGORITHM = 'ECDSA-P256-SHA256' as const
/** A manifest is a few KB; anything much larger is not one. */
const MAX_MANIFEST_BYTES = 1024 * 1024

export type UnsignedManifest = Omit<ExportManifest, 'manifestVersion' | 'certificate' | 'signatureAlgorithm' | 'signature'>

type Problem = ExportVerification['problems'][number]

export const manifestPathFor = (file: string): string => `${file}${MANIFEST_SUFFIX}`

/** The bytes the signature covers: every field but the signature itself, as canonical JSON. */
function signedBytes(manifest: Omit<ExportManifest, 'signature'>): Buffer {
  return Buffer.from(canonicalJson(manifest), 'utf8')
}

export function signManifest(content: UnsignedManifest, identity: StationIdentity): ExportManifest {
  const unsigned = { manifestVersion: 1 as const, ...content, certificate: identity.certPem, signatureAlgorithm: SIGNATURE_ALGORITHM }
  const signature = sign('sha256', signedBytes(unsigned), { key: identity.keyPem, dsaEncoding: 'der' }).toString('base64')
  return { ...unsigned, signature }
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0]
  return issue ? `${issue.path.map(String).join('.') || 'manifest'}: ${issue.message}` : 'malformed'
}

/** The exported file and its manifest, whichever of the two the reader named. */
function pair(path: string): { file: string; manifestPath: string } {
  return path.endsWith(MANIFEST_SUFFIX)
    ? { file: path.slice(0, -MANIFEST_SUFFIX.length), manifestPath: path }
    : { file: path, manifestPath: manifestPathFor(path) }
}

async function readManifest(manifestPath: string): Promise<{ manifest: ExportManifest } | { problem: Problem }> {
  let text: string
  try {
    const info = await stat(manifestPath)
    if (info.size > MAX_MANIFEST_BYTES) return { problem: { check: 'manifest', message: `${basename(manifestPath)} is too large to be a manifest` } }
    text = await readFile(manifestPath, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const message =
      code === 'ENOENT'
        ? `no manifest: ${basename(manifestPath)} is missing, so the file cannot be verified`
        : `the manifest cannot be read (${code ?? (error as Error).message})`
    return { problem: { check: 'manifest', message } }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { problem: { check: 'manifest', message: 'the manifest is not valid JSON (it was changed or damaged)' } }
  }
  const parsed = ExportManifest.safeParse(json)
  if (!parsed.success) return { problem: { check: 'manifest', message: `the manifest is malformed: ${firstIssue(parsed.error)}` } }
  return { manifest: parsed.data }
}

function checkSignature(manifest: ExportManifest): { certificateStationId: string | null; problems: Problem[] } {
  let certificate: X509Certificate
  try {
    certificate = new X509Certificate(manifest.certificate)
  } catch {
    return { certificateStationId: null, problems: [{ check: 'certificate', message: 'the manifest was changed: its certificate cannot be read' }] }
  }
  const problems: Problem[] = []
  const certificateStationId = stationIdFromCertificate(manifest.certificate)
  if (certificateStationId !== manifest.station.stationId) {
    problems.push({
      check: 'station',
      message: `the manifest was changed: it names station ${manifest.station.stationId} but its certificate belongs to station ${certificateStationId}`
    })
  }
  const key = certificate.publicKey
  const { signature, ...rest } = manifest
  let valid = false
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') {
    try {
      valid = verify('sha256', signedBytes(rest), { key, dsaEncoding: 'der' }, Buffer.from(signature, 'base64'))
    } catch {
      valid = false
    }
  }
  if (!valid) problems.push({ check: 'signature', message: 'the manifest was changed: signature does not verify' })
  return { certificateStationId, problems }
}

async function checkFile(file: string, manifest: ExportManifest): Promise<Problem[]> {
  let size: number
  try {
    size = (await stat(file)).size
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return [{ check: 'file', message: code === 'ENOENT' ? `the exported file ${basename(file)} is missing` : `the exported file cannot be read (${code})` }]
  }
  const sha256 = await sha256OfFile(file)
  if (sha256 === manifest.sha256 && size === manifest.bytes) return []
  const sizeNote = size === manifest.bytes ? 'same size' : `${manifest.bytes} bytes when exported, ${size} now`
  return [{ check: 'file', message: `the file was changed after export: SHA-256 differs (${sizeNote})` }]
}

/** Checks an export against its manifest and says exactly what failed; never throws for a bad file. */
export async function verifyExport(path: string): Promise<ExportVerification> {
  const { file, manifestPath } = pair(path)
  const read = await readManifest(manifestPath)
  if ('problem' in read) return { ok: false, file, manifestPath, problems: [read.problem], claimed: null }
  const { manifest } = read
  const signature = checkSignature(manifest)
  const problems = [...signature.problems, ...(await checkFile(file, manifest))]
  return {
    ok: problems.length === 0,
    file,
    manifestPath,
    problems,
    claimed: {
      what: manifest.what,
      format: manifest.format,
      rows: manifest.rows,
      filters: manifest.filters,
      exportedAt: manifest.exportedAt,
      exportedBy: manifest.exportedBy,
      station: manifest.station,
      certificateStationId: signature.certificateStationId
    }
  }
}
