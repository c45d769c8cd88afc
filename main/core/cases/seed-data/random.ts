/**
 * A tiny seeded PRNG (sfc32, seeded through splitmix32) so synthetic case logs are reproducible:
 * the same seed yields the same cases on every machine and Node version, which Math.random cannot promise.
 */

/** FNV-1a over UTF-16 code units: turns a text seed such as "demo" into 32 bits. */
function hashText(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

function seedBits(seed: number | string): number {
  if (typeof seed === 'number' && Number.isSafeInteger(seed) && seed >= 0 && seed <= 0xffffffff) return seed
  return hashText(String(seed))
}

export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: number | string) {
    // splitmix32 spreads one 32-bit seed over sfc32's four words, so nearby seeds give unrelated streams.
    let s = seedBits(seed)
    const mix = (): number => {
      s = (s + 0x9e3779b9) | 0
      let z = s
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
      return (z ^ (z >>> 16)) >>> 0
    }
    this.a = mix()
    this.b = mix()
    this.c = mix()
    this.d = mix()
    for (let i = 0; i < 12; i++) this.next()
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return (t >>> 0) / 4294967296
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(list: ArrayLike<T>): T {
    return list[Math.floor(this.next() * list.length)]
  }

  /** Picks by relative weight: entries are [value, weight]. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0
    for (const [, w] of entries) total += w
    let r = this.next() * total
    for (const [value, w] of entries) {
      r -= w
      if (r < 0) return value
    }
    return entries[entries.length - 1][0]
  }

  /** Log-uniform in [min, max]: seizure sizes span orders of magnitude, with small ones far more common. */
  logUniform(min: number, max: number): number {
    return min * Math.pow(max / min, this.next())
  }

  digits(n: number): string {
    let out = ''
    for (let i = 0; i < n; i++) out += String.fromCharCode(48 + Math.floor(this.next() * 10))
    return out
  }
}
