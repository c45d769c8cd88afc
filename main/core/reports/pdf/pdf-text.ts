/**
 * Setting text in the report: runs per script (script-runs.ts) placed on one shared baseline (the faces'
 * ascenders differ, so "top of the box" would leave Thai higher than Latin), lines cut with an ellipsis to fit
 * a table cell, and paragraphs wrapped at word boundaries. Thai, Lao, Khmer and Burmese write no spaces
 * between words; ICU's dictionary-based word segmenter (Intl.Segmenter) finds where a line may break.
 */
import { reportFaces, type FontFace, type Weight } from './report-fonts'
import { textRuns, type TextRun } from './script-runs'

export interface TextStyle {
  size: number
  weight?: Weight
  color?: string
}

export interface LineOptions extends TextStyle {
  /** Cut with an ellipsis beyond this width. */
  width?: number
  align?: 'left' | 'right' | 'center'
}

/** Baseline below the top of a line, and line height, as multiples of the font size. */
const BASELINE = 1.05
export const LINE_HEIGHT = 1.45

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
const words = new Intl.Segmenter(undefined, { granularity: 'word' })

export class TextPainter {
  private readonly faces: Record<Weight, FontFace[]>

  constructor(private readonly doc: PDFKit.PDFDocument) {
    const all = reportFaces()
    for (const face of all) doc.registerFont(face.name, face.font as unknown as Buffer)
    this.faces = { regular: all.filter((f) => f.weight === 'regular'), bold: all.filter((f) => f.weight === 'bold') }
  }

  private runs(text: string, weight: Weight): TextRun[] {
    return textRuns(text, this.faces[weight])
  }

  private runWidth(run: TextRun, size: number): number {
    return this.doc.font(run.face.name).fontSize(size).widthOfString(run.text, { features: run.face.features } as PDFKit.Mixins.TextOptions)
  }

  width(text: string, style: TextStyle): number {
    return this.runs(text, style.weight ?? 'regular').reduce((sum, run) => sum + this.runWidth(run, style.size), 0)
  }

  /** The longest start of `text` that fits `width` with an ellipsis, cut between graphemes (never inside a Thai cluster). */
  fit(text: string, width: number, style: TextStyle): string {
    if (this.width(text, style) <= width) return text
    const parts = Array.from(graphemes.segment(text), (s) => s.segment)
    let low = 0
    let high = parts.length
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (this.width(`${parts.slice(0, mid).join('').trimEnd()}…`, style) <= width) low = mid
      else high = mid - 1
    }
    return `${parts.slice(0, low).join('').trimEnd()}…`
  }

  /** One line whose top is at y. Returns the width drawn. */
  line(text: string, x: number, y: number, options: LineOptions): number {
    const { size, weight = 'regular', color = '#1a1a1a', width, align = 'left' } = options
    const shown = width === undefined ? text : this.fit(text, width, options)
    const runs = this.runs(shown, weight)
    const widths = runs.map((run) => this.runWidth(run, size))
    const total = widths.reduce((a, b) => a + b, 0)
    let left = x
    if (width !== undefined && align === 'right') left = x + width - total
    if (width !== undefined && align === 'center') left = x + (width - total) / 2
    const baseline = y + size * BASELINE
    this.doc.fillColor(color)
    for (const [i, run] of runs.entries()) {
      this.doc
        .font(run.face.name)
        .fontSize(size)
        .text(run.text, left, baseline, { lineBreak: false, baseline: 'alphabetic', features: run.face.features } as PDFKit.Mixins.TextOptions)
      left += widths[i]
    }
    return total
  }

  /** Breaks text into lines no wider than `width`, at word boundaries in any script. */
  wrap(text: string, width: number, style: TextStyle): string[] {
    const lines: string[] = []
    let current = ''
    for (const { segment } of words.segment(text)) {
      const candidate = current + segment
      if (current && this.width(candidate.trimEnd(), style) > width) {
        lines.push(current.trimEnd())
        current = segment.trimStart()
      } else {
        current = candidate
      }
    }
    if (current.trim()) lines.push(current.trimEnd())
    return lines
  }

  /** A wrapped paragraph from y; returns the height it took. */
  paragraph(text: string, x: number, y: number, width: number, style: TextStyle): number {
    const lines = this.wrap(text, width, style)
    const step = style.size * LINE_HEIGHT
    lines.forEach((line, i) => this.line(line, x, y + i * step, { ...style, width }))
    return lines.length * step
  }
}
