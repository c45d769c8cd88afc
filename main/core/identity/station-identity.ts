import type { Database } from 'better-sqlite3'
import { createPublicKey, webcrypto, X509Certificate } from 'node:crypto'
import { encodeSubject } from './certificate-name'
import { stationIdFromCertificate } from './station-id'

/** The station's own key and self-signed certificate; the ID is derived from the certificate. */
export interface StationIdentity {
  stationId: string
  keyPem: string
  certPem: string
}

/** The certificate's DER bytes: what a station ID hashes, and what a bundle carries. */
export const certificateDer = (identity: Pick<StationIdentity, 'certPem'>): Uint8Array => new Uint8Array(new X509Certificate(identity.certPem).raw)

export interface IdentitySubject {
  /** The station's name, written into the certificate's organisation field. */
  name: string
  /** ISO 3166 alpha-2 code. */
  country: string
}

/** ECDSA P-256 keeps certificates (and so every TLS handshake) small, and key generation instant. */
export const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const
const VALIDITY_YEARS = 20
const COMMON_NAME = 'BLO Station'

export class StationIdentityDamagedError extends Error {
  constructor(reason: string) {
    super(
      `The station identity stored in the database is damaged (${reason}). Restore the data folder from a backup; ` +
        'making a new identity would change the station ID and the counterpart would have to pair again.'
    )
    this.name = 'StationIdentityDamagedError'
  }
}

interface IdentityRow {
  station_id: string
  key_pem: string
  cert_pem: string
}

export function toPem(label: string, der: ArrayBuffer): string {
  const lines = Buffer.from(der).toString('base64').match(/.{1,64}/g)!
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}

/** The stored identity, checked for consistency, or null when the station has none yet. */
export function readStationIdentity(db: Database): StationIdentity | null {
  const row = db.prepare('SELECT station_id, key_pem, cert_pem FROM station_identity WHERE only = 1').get() as IdentityRow | undefined
  if (!row) return null
  let certificate: X509Certificate
  try {
    certificate = new X509Certificate(row.cert_pem)
  } catch {
    throw new StationIdentityDamagedError('the certificate cannot be read')
  }
  if (stationIdFromCertificate(row.cert_pem) !== row.station_id) {
    throw new StationIdentityDamagedError('the station ID does not match the certificate')
  }
  let keyMatches: boolean
  try {
    const fromKey = createPublicKey(row.key_pem).export({ type: 'spki', format: 'der' })
    keyMatches = fromKey.equals(certificate.publicKey.export({ type: 'spki', format: 'der' }))
  } catch {
    throw new StationIdentityDamagedError('the private key cannot be read')
  }
  if (!keyMatches) throw new StationIdentityDamagedError('the private key does not belong to the certificate')
  return { stationId: row.station_id, keyPem: row.key_pem, certPem: row.cert_pem }
}

async function createStationIdentity(subject: IdentitySubject, now: Date): Promise<StationIdentity> {
  // Loaded only here, once in a station's life: the library and its polyfills cost a tenth of a second to load.
  const { x509 } = await import('./x509')
  const keys = (await webcrypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair
  const name = new x509.Name(encodeSubject({ organization: subject.name, country: subject.country }, COMMON_NAME))
  const notAfter = new Date(now)
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALIDITY_YEARS)
  // No extensions: peers pin the certificate by its hash rather than validating a chain, and every byte
  // of the certificate crosses the link in each full handshake.
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    name,
    notBefore: now,
    notAfter,
    signingAlgorithm: KEY_ALGORITHM,
    keys
  })
  const certPem = certificate.toString('pem') + '\n'
  const keyPem = toPem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', keys.privateKey))
  return { stationId: stationIdFromCertificate(certPem), keyPem, certPem }
}

/**
 * The station's identity, made on first use and the same ever after: the station ID is what the counterpart
 * paired with, so it must survive restarts, upgrades and renames. The private key is stored in the station
 * database unencrypted; protecting the data folder is the operating system's job (file permissions, disk
 * encryption).
 */
export async function ensureStationIdentity(db: Database, subject: IdentitySubject, now = new Date()): Promise<StationIdentity> {
  const existing = readStationIdentity(db)
  if (existing) return existing
  const made = await createStationIdentity(subject, now)
  // Two first calls racing each generate a key; the first insert wins and both return the stored one.
  db.prepare(
    'INSERT INTO station_identity (only, station_id, key_pem, cert_pem, created_at) VALUES (1, ?, ?, ?, ?) ON CONFLICT (only) DO NOTHING'
  ).run(made.stationId, made.keyPem, made.certPem, now.toISOString())
  return readStationIdentity(db)!
}
