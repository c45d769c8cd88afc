/**
 * Fonts for the PDF report: Noto Sans for Latin (with Vietnamese), Thai, Lao, Khmer and Myanmar, regular and
 * bold, from the @fontsource packages the screens use. Vite inlines the files into the built program
 * (`?inline`), so the desktop app, the station host and the CLI need no font on disk, and a report looks
 * the same on every machine.
 *
 * WOFF, not WOFF2: fontkit reads WOFF2 but cannot subset its composite glyphs for embedding (pdfkit fails
 * with "Offset is outside the bounds of the DataView"); WOFF holds the original TrueType tables.
 */
import { create, type Font } from 'fontkit'
import latinRegular from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff?inline'
import latinBold from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff?inline'
import latinExtRegular from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff?inline'
import latinExtBold from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff?inline'
import vietnameseRegular from '@fontsource/noto-sans/files/noto-sans-vietnamese-400-normal.woff?inline'
import vietnameseBold from '@fontsource/noto-sans/files/noto-sans-vietnamese-700-normal.woff?inline'
import thaiRegular from '@fontsource/noto-sans-thai/files/noto-sans-thai-thai-400-normal.woff?inline'
import thaiBold from '@fontsource/noto-sans-thai/files/noto-sans-thai-thai-700-normal.woff?inline'
import laoRegular from '@fontsource/noto-sans-lao/files/noto-sans-lao-lao-400-normal.woff?inline'
import laoBold from '@fontsource/noto-sans-lao/files/noto-sans-lao-lao-700-normal.woff?inline'
import khmerRegular from '@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-400-normal.woff?inline'
import khmerBold from '@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-700-normal.woff?inline'
import myanmarRegular from '@fontsource/noto-sans-myanmar/files/noto-sans-myanmar-myanmar-400-normal.woff?inline'
import myanmarBold from '@fontsource/noto-sans-myanmar/files/noto-sans-myanmar-myanmar-700-normal.woff?inline'

export type Weight = 'regular' | 'bold'

export interface FontFace {
  /** Name under which the face is registered in a PDF document: `<script>-<weight>`. */
  name: string
  script: string
  weight: Weight
  font: Font
  /** OpenType features to ask for explicitly; see script-runs.ts for Myanmar. */
  features?: string[]
}

/** Searched in this order for a character no face of the current run has. */
const SOURCES: readonly (readonly [string, string, string])[] = [
  ['latin', latinRegular, latinBold],
  ['latinExt', latinExtRegular, latinExtBold],
  ['vietnamese', vietnameseRegular, vietnameseBold],
  ['thai', thaiRegular, thaiBold],
  ['lao', laoRegular, laoBold],
  ['khmer', khmerRegular, khmerBold],
  ['myanmar', myanmarRegular, myanmarBold]
]

/**
 * fontkit's shaper has no Myanmar model; with the pre-base vowels reordered beforehand (script-runs.ts), these
 * features of Noto Sans Myanmar, applied in lookup order, stack the medials and subjoined consonants.
 */
const MYANMAR_FEATURES = ['ccmp', 'locl', 'rphf', 'pref', 'blwf', 'pstf', 'pres', 'abvs', 'blws', 'psts', 'mark', 'mkmk', 'dist', 'abvm', 'blwm', 'kern']

type AnchorProcessor = { applyAnchor(markRecord: { markAnchor?: unknown }, baseAnchor: unknown, baseIndex: number): void }
const TOLERANT = Symbol('tolerates NULL anchors')

/**
 * In OpenType a NULL anchor means "this base takes no mark of this class"; fontkit 2.0.4 reads it as an anchor
 * and throws (Noto Sans Khmer, "ព្រំ", "ប៉ោយប៉ែត"). Such a mark is left where it is, as HarfBuzz does. fontkit
 * keeps its GPOS processor in a private field; the patch is on the processor's class, once, and the Khmer
 * case in report-pdf.test.ts fails if fontkit changes under it.
 */
function tolerateNullAnchors(font: Font): void {
  const engine = (font as unknown as { _layoutEngine?: { engine?: { GPOSProcessor?: AnchorProcessor } } })._layoutEngine?.engine
  const processor = engine?.GPOSProcessor
  if (!processor) return
  const proto = Object.getPrototypeOf(processor) as AnchorProcessor & { [TOLERANT]?: true }
  if (proto[TOLERANT]) return
  const applyAnchor = proto.applyAnchor
  proto.applyAnchor = function (markRecord, baseAnchor, baseIndex) {
    if (baseAnchor && markRecord?.markAnchor) applyAnchor.call(this, markRecord, baseAnchor, baseIndex)
  }
  proto[TOLERANT] = true
}

function load(dataUrl: string): Font {
  const font = create(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64')) as Font
  font.layout(' ')
  tolerateNullAnchors(font)
  // fontkit caches each glyph with the characters of its first use; a glyph first met as part of a ligature or
  // decomposition (the า in Thai ำ) would then carry no character, and PDF text extraction and search would
  // lose it everywhere. Meeting every glyph through its own character first fixes the mapping.
  for (const codePoint of font.characterSet) font.glyphForCodePoint(codePoint)
  return font
}

let faces: FontFace[] | null = null

/** Every face, loaded once per process (about 0.4 MB of fonts). */
export function reportFaces(): FontFace[] {
  faces ??= SOURCES.flatMap(([script, regular, bold]) =>
    (
      [
        ['regular', regular],
        ['bold', bold]
      ] as const
    ).map(([weight, data]) => ({
      name: `${script}-${weight}`,
      script,
      weight,
      font: load(data),
      ...(script === 'myanmar' ? { features: MYANMAR_FEATURES } : {})
    }))
  )
  return faces
}
