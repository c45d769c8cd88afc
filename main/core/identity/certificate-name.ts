/**
 * DER encoding of the certificate subject. Built by hand because @peculiar/x509's Name parser rewrites values
 * holding commas or quotes ("Chiang Khong, North" became "North"), and a station name may hold anything.
 */

const OID = {
  commonName: [0x55, 0x04, 0x03],
  organizationName: [0x55, 0x04, 0x0a],
  countryName: [0x55, 0x04, 0x06]
} as const

const UTF8_STRING = 0x0c
const PRINTABLE_STRING = 0x13

function der(tag: number, body: Uint8Array): Uint8Array {
  const n = body.length
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff]
  return Uint8Array.from([tag, ...length, ...body])
}

const concat = (parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]))

function attribute(oid: readonly number[], stringTag: number, value: string): Uint8Array {
  const pair = der(0x30, concat([der(0x06, Uint8Array.from(oid)), der(stringTag, new TextEncoder().encode(value))]))
  return der(0x31, pair)
}

/** RFC 5280's upper bound for an organisation name; the name in the certificate is informational only. */
const MAX_ORGANIZATION_CHARS = 64

export interface CertificateSubject {
  /** The station's name as the officer typed it: any script, any punctuation. */
  organization: string
  /** ISO 3166 alpha-2 code, e.g. TH. */
  country: string
}

export function encodeSubject(subject: CertificateSubject, commonName: string): Uint8Array {
  if (!/^[A-Z]{2}$/.test(subject.country)) {
    throw new RangeError(`country must be a two-letter ISO 3166 code such as TH or LA, not "${subject.country}"`)
  }
  const organization = [...subject.organization.trim()].slice(0, MAX_ORGANIZATION_CHARS).join('')
  return der(
    0x30,
    concat([
      attribute(OID.commonName, UTF8_STRING, commonName),
      ...(organization ? [attribute(OID.organizationName, UTF8_STRING, organization)] : []),
      attribute(OID.countryName, PRINTABLE_STRING, subject.country)
    ])
  )
}
