/**
 * The relay's own small certificate authority. Station certificates are self-signed and name no station ID
 * (the ID is their hash), but Mosquitto takes a client's user name from its certificate's common name and
 * checks it against a CA. So enrolling a station issues it a relay certificate: CN = its station ID, over the
 * station's own public key, signed by the relay's CA. The station keeps its private key; the broker learns
 * who is who, and nothing more.
 */
import { isIP } from 'node:net'
import { randomBytes, webcrypto } from 'node:crypto'
import { KEY_ALGORITHM, toPem } from '../identity/station-identity'
import { stationIdFromCertificate } from '../identity/station-id'

const VALIDITY_YEARS = 10

export interface Authority {
  certPem: string
  keyPem: string
}

const x509Module = () => import('../identity/x509').then((m) => m.x509)
const serial = () => randomBytes(16).toString('hex').replace(/^[89a-f]/, '1') // positive, as RFC 5280 asks
const yearsFrom = (now: Date, years: number) => new Date(Date.UTC(now.getUTCFullYear() + years, now.getUTCMonth(), now.getUTCDate()))

async function signingKey(keyPem: string): Promise<webcrypto.CryptoKey> {
  const der = Buffer.from(keyPem.replace(/-----[^-]+-----|\s/g, ''), 'base64')
  return webcrypto.subtle.importKey('pkcs8', der, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign'])
}

export async function createAuthority(name: string, now = new Date()): Promise<Authority> {
  const x509 = await x509Module()
  const keys = (await webcrypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${name}`,
    notBefore: now,
    notAfter: yearsFrom(now, VALIDITY_YEARS),
    keys,
    signingAlgorithm: KEY_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true)
    ]
  })
  return { certPem: cert.toString('pem') + '\n', keyPem: toPem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)) }
}

interface Issued {
  certPem: string
  serialNumber: string
}

async function issue(authority: Authority, subject: string, publicKey: webcrypto.CryptoKey, kind: 'server' | 'client', host?: string, now = new Date()): Promise<Issued> {
  const x509 = await x509Module()
  const ca = new x509.X509Certificate(authority.certPem)
  const serialNumber = serial()
  const extensions: InstanceType<typeof x509.Extension>[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension([kind === 'server' ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth])
  ]
  if (host) extensions.push(new x509.SubjectAlternativeNameExtension([{ type: isIP(host) ? 'ip' : 'dns', value: host }]))
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber,
    subject: `CN=${subject}`,
    issuer: ca.subject,
    notBefore: now,
    notAfter: yearsFrom(now, VALIDITY_YEARS),
    publicKey,
    signingKey: await signingKey(authority.keyPem),
    signingAlgorithm: KEY_ALGORITHM,
    extensions
  })
  return { certPem: cert.toString('pem') + '\n', serialNumber }
}

/** The broker's own certificate, for the name or address the stations dial, with a key of its own. */
export async function issueServer(authority: Authority, host: string, now = new Date()): Promise<Authority> {
  const keys = (await webcrypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair
  const { certPem } = await issue(authority, host, keys.publicKey, 'server', host, now)
  return { certPem, keyPem: toPem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)) }
}

/** A station's relay certificate: its station ID as the common name, over the key in its own certificate. */
export async function issueStation(authority: Authority, stationCertPem: string, now = new Date()): Promise<Issued & { stationId: string }> {
  const x509 = await x509Module()
  const stationId = stationIdFromCertificate(stationCertPem)
  const publicKey = await new x509.X509Certificate(stationCertPem).publicKey.export(KEY_ALGORITHM, ['verify'])
  return { stationId, ...(await issue(authority, stationId, publicKey, 'client', undefined, now)) }
}

/** The list of revoked relay certificates the broker checks each connection against. */
export async function revocationList(authority: Authority, serials: readonly string[], now = new Date()): Promise<string> {
  const x509 = await x509Module()
  const ca = new x509.X509Certificate(authority.certPem)
  const crl = await x509.X509CrlGenerator.create({
    issuer: ca.subject,
    thisUpdate: now,
    nextUpdate: yearsFrom(now, VALIDITY_YEARS),
    entries: serials.map((serialNumber) => ({ serialNumber, revocationDate: now })),
    signingKey: await signingKey(authority.keyPem),
    signingAlgorithm: KEY_ALGORITHM
  })
  // OpenSSL, and so Mosquitto, reads only the "X509 CRL" label; the library writes "CRL".
  return toPem('X509 CRL', crl.rawData)
}
