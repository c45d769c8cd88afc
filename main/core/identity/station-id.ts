import { createHash, X509Certificate } from 'node:crypto'

/**
 * Station IDs: who a station is, in a form an officer can read over a crackling phone line and check by eye.
 *
 * The ID is the first 130 bits of SHA-256(certificate DER) in base32 (26 symbols) plus 2 check symbols, shown
 * as 7 groups of 4 (`MFZW-G3TH-…`). The check symbols make the 28 symbols a shortened Reed–Solomon code over
 * GF(32) with distance 3: every error touching at most two symbols is detected, which covers every single
 * misread character and every swap of two characters (adjacent or not). A Luhn-style digit would miss some
 * transpositions.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const DATA_SYMBOLS = 26
const ID_SYMBOLS = DATA_SYMBOLS + 2
const GROUP = 4

/** Characters that never appear in an ID but are easily read or typed in place of one that does. */
const MISREADS: Record<string, string> = { '0': 'O', '1': 'I', '8': 'B' }

export class StationIdError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'StationIdError'
  }
}

// GF(2^5) with the primitive polynomial x^5 + x^2 + 1; α = 2 has order 31, so α^0…α^27 are distinct.
const EXP = new Uint8Array(62)
const LOG = new Uint8Array(32)
for (let i = 0, x = 1; i < 31; i++) {
  EXP[i] = EXP[i + 31] = x
  LOG[x] = i
  x <<= 1
  if (x & 32) x ^= 0b100101
}
const mul = (a: number, b: number) => (a && b ? EXP[LOG[a] + LOG[b]] : 0)
const div = (a: number, b: number) => (a ? EXP[LOG[a] + 31 - LOG[b]] : 0)
const pow = (power: number) => EXP[power % 31]

/** Σ symbol_i · α^(j·i): zero for j = 1 and j = 2 exactly when the check symbols are right. */
function syndrome(symbols: readonly number[], j: number): number {
  let sum = 0
  for (let i = 0; i < symbols.length; i++) sum ^= mul(symbols[i], pow(j * i))
  return sum
}

/** Solves for the two check symbols at positions 26 and 27 so that both syndromes vanish (Cramer's rule; in GF(2^m), minus is plus). */
function checkSymbols(data: readonly number[]): [number, number] {
  const a = pow(DATA_SYMBOLS), b = pow(DATA_SYMBOLS + 1)
  const c = pow(2 * DATA_SYMBOLS), e = pow(2 * (DATA_SYMBOLS + 1))
  const s1 = syndrome(data, 1)
  const s2 = syndrome(data, 2)
  const det = mul(a, e) ^ mul(b, c)
  return [div(mul(s1, e) ^ mul(b, s2), det), div(mul(a, s2) ^ mul(c, s1), det)]
}

function format(symbols: readonly number[]): string {
  const text = symbols.map((s) => ALPHABET[s]).join('')
  return text.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-')
}

/** The station ID for a SHA-256 digest (or any byte string of at least 17 bytes). */
export function stationIdFromDigest(digest: Uint8Array): string {
  if (digest.length * 8 < DATA_SYMBOLS * 5) throw new RangeError('a station ID needs at least 130 bits of digest')
  const data: number[] = []
  for (let i = 0; i < DATA_SYMBOLS; i++) {
    const bit = i * 5
    // Two bytes always cover the 5 bits starting at `bit`; the byte after the digest's end reads as 0.
    const window = (digest[bit >> 3] << 8) | (digest[(bit >> 3) + 1] ?? 0)
    data.push((window >> (11 - (bit & 7))) & 31)
  }
  return format([...data, ...checkSymbols(data)])
}

/** The ID of the station holding this certificate (PEM text or DER bytes). */
export function stationIdFromCertificate(pemOrDer: string | Uint8Array): string {
  const der = new X509Certificate(typeof pemOrDer === 'string' ? pemOrDer : Buffer.from(pemOrDer)).raw
  return stationIdFromDigest(createHash('sha256').update(der).digest())
}

/**
 * Reads an ID as an officer typed or dictated it: any case, spaces and dashes anywhere, 0/1/8 for O/I/B.
 * Returns the ID in its printed form, or throws a StationIdError that says what is wrong.
 */
export function parseStationId(text: string): string {
  const symbols: number[] = []
  for (const raw of text.replace(/[\s\-‐-―−]+/g, '').toUpperCase()) {
    const ch = MISREADS[raw] ?? raw
    const value = ALPHABET.indexOf(ch)
    if (value < 0) {
      throw new StationIdError(`"${raw}" cannot appear in a station ID: it uses only the letters A–Z and the digits 2–7.`)
    }
    symbols.push(value)
  }
  if (symbols.length !== ID_SYMBOLS) {
    throw new StationIdError(
      `A station ID has ${ID_SYMBOLS} characters (7 groups of 4); this one has ${symbols.length}. Read it again from the counterpart.`
    )
  }
  if (syndrome(symbols, 1) !== 0 || syndrome(symbols, 2) !== 0) {
    throw new StationIdError(
      'The check characters do not match — a character was misread or two were swapped. Read the ID again from the counterpart.'
    )
  }
  return format(symbols)
}
