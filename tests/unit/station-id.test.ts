import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { parseStationId, StationIdError, stationIdFromDigest } from '../../main/core/identity/station-id'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const digestOf = (seed: string) => createHash('sha256').update(seed).digest()
const sample = Array.from({ length: 40 }, (_, i) => stationIdFromDigest(digestOf(`station ${i}`)))
const plain = (id: string) => id.replace(/-/g, '')
const grouped = (chars: string) => chars.match(/.{4}/g)!.join('-')

function rejects(text: string): boolean {
  try {
    parseStationId(text)
    return false
  } catch (error) {
    if (!(error instanceof StationIdError)) throw error
    return true
  }
}

describe('station IDs', () => {
  it('are 7 groups of 4 base32 characters', () => {
    for (const id of sample) expect(id).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){6}$/)
  })

  it('never change for the same certificate digest (pairings depend on it)', () => {
    // Pinned: if this changes, every paired station in the field would have to pair again.
    expect(stationIdFromDigest(digestOf('BLO Station'))).toBe('TOV5-4RGP-3TGM-VXUF-ZXAW-JWAF-VUE6')
    expect(stationIdFromDigest(Buffer.alloc(32))).toBe('AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA')
    expect(plain(stationIdFromDigest(Buffer.alloc(32, 0xff))).slice(0, 26)).toBe('7'.repeat(26))
  })

  it('encode the first 130 bits of the digest', () => {
    const digest = digestOf('bits')
    const bits = [...digest].map((b) => b.toString(2).padStart(8, '0')).join('').slice(0, 130)
    const expected = bits.match(/.{5}/g)!.map((chunk) => ALPHABET[parseInt(chunk, 2)]).join('')
    expect(plain(stationIdFromDigest(digest)).slice(0, 26)).toBe(expected)
  })

  it('round-trip through parseStationId', () => {
    for (const id of sample) expect(parseStationId(id)).toBe(id)
  })

  it('accept lowercase, spaces and dashes anywhere, and 0/1/8 read for O/I/B', () => {
    const id = sample.find((s) => /[OIB]/.test(s))!
    const typed = plain(id).toLowerCase().replace(/o/g, '0').replace(/i/g, '1').replace(/b/g, '8')
    const messy = ` ${typed.slice(0, 3)} - ${typed.slice(3, 11)}  ${typed.slice(11, 12)}–${typed.slice(12)}\n`
    expect(parseStationId(messy)).toBe(id)
  })

  it('detect every single-character substitution', () => {
    let tried = 0
    for (const id of sample) {
      const chars = plain(id)
      for (let i = 0; i < chars.length; i++) {
        for (const other of ALPHABET) {
          if (other === chars[i]) continue
          expect(rejects(chars.slice(0, i) + other + chars.slice(i + 1)), `${id}: position ${i} → ${other}`).toBe(true)
          tried++
        }
      }
    }
    expect(tried).toBe(sample.length * 28 * 31)
  })

  it('detect every transposition of two different characters, adjacent or not', () => {
    let adjacent = 0
    for (const id of sample) {
      const chars = [...plain(id)]
      for (let i = 0; i < chars.length; i++) {
        for (let j = i + 1; j < chars.length; j++) {
          if (chars[i] === chars[j]) continue
          const swapped = [...chars]
          ;[swapped[i], swapped[j]] = [swapped[j], swapped[i]]
          expect(rejects(grouped(swapped.join(''))), `${id}: swap ${i}/${j}`).toBe(true)
          if (j === i + 1) adjacent++
        }
      }
    }
    expect(adjacent).toBeGreaterThan(sample.length * 20)
  })

  it('detect any two substituted characters (sampled)', () => {
    let seed = 7
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
    for (let k = 0; k < 20_000; k++) {
      const chars = [...plain(sample[k % sample.length])]
      const i = next(28)
      const j = (i + 1 + next(27)) % 28
      chars[i] = ALPHABET[(ALPHABET.indexOf(chars[i]) + 1 + next(31)) % 32]
      chars[j] = ALPHABET[(ALPHABET.indexOf(chars[j]) + 1 + next(31)) % 32]
      expect(rejects(chars.join(''))).toBe(true)
    }
  })

  it('explain what is wrong', () => {
    const id = sample[0]
    expect(() => parseStationId(id.slice(0, -5))).toThrow(/has 28 characters .*this one has 24/)
    expect(() => parseStationId(id.slice(0, -1) + '9')).toThrow(/"9" cannot appear in a station ID/)
    const last = plain(id).at(-1)!
    const wrong = plain(id).slice(0, -1) + (last === 'A' ? 'B' : 'A')
    expect(() => parseStationId(wrong)).toThrow(/check characters do not match — a character was misread/)
    expect(() => parseStationId('')).toThrow(StationIdError)
  })
})
