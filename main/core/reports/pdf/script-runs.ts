/**
 * Text in a report mixes scripts in one line (a Lao place, an English commodity, Thai labels, Vietnamese and
 * Burmese names), but each font covers one script. A line is cut into runs, each set in a face that has all
 * its characters; a character stays in the current face when that face has it, so marks stay on their base
 * and shaping (Thai tone marks over vowels) happens inside one run.
 */
import type { FontFace } from './report-fonts'

export interface TextRun {
  face: FontFace
  /** What is shaped: for Thai, Lao and Myanmar in the order fontkit needs (see below). */
  text: string
}

const isMyanmarBase = (c: number) => (c >= 0x1000 && c <= 0x102a) || c === 0x103f || (c >= 0x1050 && c <= 0x1055) || c === 0x25cc
const VIRAMA = 0x1039
const PRE_BASE_VOWELS = new Set([0x1031, 0x1084])
const MEDIAL_RA = 0x103c

/**
 * Myanmar is stored in logical order, but the vowel sign E (ေ) and medial ra (ြ) are drawn before the
 * consonant they follow. HarfBuzz moves them with its Myanmar shaper; fontkit has none, so each syllable
 * (a consonant, its subjoined consonants, and the signs up to the next consonant) is put in visual order here.
 */
export function myanmarVisualOrder(text: string): string {
  const cps = Array.from(text, (c) => c.codePointAt(0)!)
  const out: number[] = []
  let i = 0
  while (i < cps.length) {
    if (!isMyanmarBase(cps[i])) {
      out.push(cps[i++])
      continue
    }
    let end = i + 1
    while (end < cps.length && (!isMyanmarBase(cps[end]) || cps[end - 1] === VIRAMA)) end++
    const syllable = cps.slice(i, end)
    out.push(
      ...syllable.filter((c) => PRE_BASE_VOWELS.has(c)),
      ...syllable.filter((c) => c === MEDIAL_RA),
      ...syllable.filter((c) => !PRE_BASE_VOWELS.has(c) && c !== MEDIAL_RA)
    )
    i = end
  }
  return String.fromCodePoint(...out)
}

/** Thai and Lao marks that sit above the base, from HarfBuzz's Thai shaper (Lao is Thai + 0x80). */
const isAboveMark = (c: number) => {
  const t = c & ~0x80
  return (t >= 0x0e34 && t <= 0x0e37) || (t >= 0x0e47 && t <= 0x0e4e) || t === 0x0e31 || t === 0x0e3b
}
const SARA_AM = new Set([0x0e33, 0x0eb3])

/**
 * SARA AM (Thai ำ, Lao ຳ) is a ring above the consonant plus a vowel after it. HarfBuzz splits it into NIKHAHIT
 * + SARA AA and moves the ring before any tone mark, so "น้ำ" stacks tone over ring; fontkit leaves it to the
 * font, which splits it too but leaves the vowel glyph without its character, so text copied from the PDF
 * gained or lost a vowel. Doing HarfBuzz's step here gives every glyph its own character.
 */
export function splitSaraAm(text: string): string {
  const cps = Array.from(text, (c) => c.codePointAt(0)!)
  for (let i = 0; i < cps.length; i++) {
    if (!SARA_AM.has(cps[i])) continue
    const lao = cps[i] === 0x0eb3 ? 0x80 : 0
    let at = i
    while (at > 0 && isAboveMark(cps[at - 1])) at--
    cps.splice(i, 1, 0x0e32 + lao)
    cps.splice(at, 0, 0x0e4d + lao)
    i++
  }
  return String.fromCodePoint(...cps)
}

/** Cuts text into runs over faces of one weight, in the order they are searched for a missing character. */
export function textRuns(text: string, faces: readonly FontFace[]): TextRun[] {
  const runs: TextRun[] = []
  let current: TextRun | null = null
  for (const char of text) {
    const codePoint = char.codePointAt(0)!
    const face: FontFace =
      current && current.face.font.hasGlyphForCodePoint(codePoint)
        ? current.face
        : (faces.find((f) => f.font.hasGlyphForCodePoint(codePoint)) ?? current?.face ?? faces[0])
    if (current && current.face === face) current.text += char
    else runs.push((current = { face, text: char }))
  }
  for (const run of runs) {
    if (run.face.script === 'myanmar') run.text = myanmarVisualOrder(run.text)
    if (run.face.script === 'thai' || run.face.script === 'lao') run.text = splitSaraAm(run.text)
  }
  return runs
}
