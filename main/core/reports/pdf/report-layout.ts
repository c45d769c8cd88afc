/**
 * A flowing A4 page for the report: a cursor that moves down, section headings, tables that continue on the
 * next page with their header repeated, and bars drawn inside table cells. Charts are plain vector shapes,
 * so they print sharp and add almost nothing to the file.
 */
import { LINE_HEIGHT, TextPainter, type LineOptions } from './pdf-text'
import type { Weight } from './report-fonts'

export const PAGE = { width: 595.28, height: 841.89, margin: 42 }
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin
const FOOTER_SPACE = 36

export const COLORS = { text: '#1a1a1a', muted: '#5f6368', rule: '#d0d4d9', header: '#eef1f4', bar: '#2f6fad', barMuted: '#a9c4e0', accent: '#b3261e' }

export interface TableColumn {
  title: string
  width: number
  align?: 'left' | 'right'
  /** Draw a bar of value / max in this column instead of text. */
  bar?: { values: number[]; max: number }
  /** Wrap the text over as many lines as it needs (the row grows) instead of cutting it with an ellipsis. */
  wrap?: boolean
}

const CELL_PAD = 4
const TABLE_SIZE = 8.5

export class ReportLayout {
  y = PAGE.margin
  readonly text: TextPainter

  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.text = new TextPainter(doc)
  }

  get bottom(): number {
    return PAGE.height - PAGE.margin - FOOTER_SPACE
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) {
      this.doc.addPage()
      this.y = PAGE.margin
    }
  }

  gap(points: number): void {
    this.y += points
  }

  line(text: string, options: LineOptions & { x?: number }): void {
    this.ensure(options.size * LINE_HEIGHT)
    this.text.line(text, options.x ?? PAGE.margin, this.y, { width: CONTENT_WIDTH, ...options })
    this.y += options.size * LINE_HEIGHT
  }

  paragraph(text: string, size: number, color = COLORS.text, weight: Weight = 'regular'): void {
    const lines = this.text.wrap(text, CONTENT_WIDTH, { size, weight })
    for (const line of lines) this.line(line, { size, color, weight })
  }

  heading(text: string, keepWith = 90): void {
    this.ensure(30 + keepWith)
    this.y += 8
    this.text.line(text, PAGE.margin, this.y, { size: 12, weight: 'bold', width: CONTENT_WIDTH })
    this.y += 12 * LINE_HEIGHT
    this.doc.moveTo(PAGE.margin, this.y - 3).lineTo(PAGE.margin + CONTENT_WIDTH, this.y - 3).lineWidth(0.6).strokeColor(COLORS.rule).stroke()
    this.y += 2
  }

  table(columns: TableColumn[], rows: string[][], options: { boldLast?: boolean } = {}): void {
    const rowHeight = TABLE_SIZE * 1.9
    const lineStep = TABLE_SIZE * LINE_HEIGHT
    const drawHeader = () => {
      this.doc.rect(PAGE.margin, this.y, CONTENT_WIDTH, rowHeight).fill(COLORS.header)
      this.cells(columns, columns.map((c) => [c.bar ? '' : c.title]), 'bold', rowHeight)
      this.y += rowHeight
    }
    this.ensure(rowHeight * Math.min(rows.length + 1, 4))
    drawHeader()
    rows.forEach((row, index) => {
      const weight = options.boldLast && index === rows.length - 1 ? 'bold' : 'regular'
      const lines = columns.map((column, c) =>
        column.wrap && row[c] ? this.text.wrap(row[c], column.width - 2 * CELL_PAD, { size: TABLE_SIZE, weight }) : [row[c] ?? '']
      )
      const height = rowHeight + (Math.max(1, ...lines.map((l) => l.length)) - 1) * lineStep
      if (this.y + height > this.bottom) {
        this.doc.addPage()
        this.y = PAGE.margin
        drawHeader()
      }
      this.cells(columns, lines, weight, rowHeight)
      columns.forEach((column, c) => {
        if (!column.bar) return
        const x = PAGE.margin + columns.slice(0, c).reduce((sum, col) => sum + col.width, 0) + CELL_PAD
        const full = column.width - 2 * CELL_PAD
        const value = column.bar.values[index] ?? 0
        const width = column.bar.max > 0 ? (full * value) / column.bar.max : 0
        if (width > 0) this.doc.rect(x, this.y + rowHeight * 0.25, Math.max(width, 0.8), rowHeight * 0.5).fill(COLORS.bar)
      })
      this.y += height
      this.doc.moveTo(PAGE.margin, this.y).lineTo(PAGE.margin + CONTENT_WIDTH, this.y).lineWidth(0.3).strokeColor(COLORS.rule).stroke()
    })
    this.y += 6
  }

  /** Each cell's lines from the top of the row; a one-line row is centred in `rowHeight`. */
  private cells(columns: TableColumn[], values: string[][], weight: 'regular' | 'bold', rowHeight: number): void {
    let x = PAGE.margin
    const top = this.y + (rowHeight - TABLE_SIZE * 1.3) / 2
    columns.forEach((column, i) => {
      for (const [l, value] of (values[i] ?? []).entries()) {
        if (!value) continue
        const options = { size: TABLE_SIZE, weight, width: column.width - 2 * CELL_PAD, align: column.align ?? 'left' }
        this.text.line(value, x + CELL_PAD, top + l * TABLE_SIZE * LINE_HEIGHT, options)
      }
      x += column.width
    })
  }

  /** A label with its value beside it, the value wrapped under itself (a form-like line of a document). */
  fact(label: string, value: string, labelWidth: number, size = 9.5): void {
    const step = size * LINE_HEIGHT
    const lines = this.text.wrap(value, CONTENT_WIDTH - labelWidth, { size })
    this.ensure(Math.max(1, lines.length) * step)
    this.text.line(label, PAGE.margin, this.y, { size, color: COLORS.muted, width: labelWidth - 8 })
    lines.forEach((line, i) => this.text.line(line, PAGE.margin + labelWidth, this.y + i * step, { size, width: CONTENT_WIDTH - labelWidth }))
    this.y += Math.max(1, lines.length) * step
  }

  /** Vertical bars with the value above each and its label below; the last bar (this month) is emphasised. */
  barChart(points: { label: string; value: number }[], height: number): void {
    const labelSize = 7.5
    this.ensure(height + 30)
    const top = this.y + labelSize * 1.8
    const chartHeight = height - labelSize * 3.6
    const max = Math.max(1, ...points.map((p) => p.value))
    const slot = CONTENT_WIDTH / points.length
    const barWidth = Math.min(44, slot * 0.55)
    const base = top + chartHeight
    this.doc.moveTo(PAGE.margin, base).lineTo(PAGE.margin + CONTENT_WIDTH, base).lineWidth(0.6).strokeColor(COLORS.rule).stroke()
    points.forEach((point, i) => {
      const x = PAGE.margin + slot * i + (slot - barWidth) / 2
      const h = (chartHeight * point.value) / max
      const current = i === points.length - 1
      if (h > 0) this.doc.rect(x, base - h, barWidth, h).fill(current ? COLORS.bar : COLORS.barMuted)
      const valueText = String(point.value)
      this.text.line(valueText, x - 10, base - h - labelSize * 1.6, { size: labelSize, weight: current ? 'bold' : 'regular', width: barWidth + 20, align: 'center' })
      this.text.line(point.label, PAGE.margin + slot * i, base + 3, { size: labelSize, color: COLORS.muted, width: slot, align: 'center' })
    })
    this.y += height
  }

  /** Figures side by side: a large number, a small label (up to two lines) and an optional note under it. */
  figures(items: { value: string; label: string; note?: string }[]): void {
    const height = 62
    this.ensure(height)
    const width = CONTENT_WIDTH / items.length
    items.forEach((item, i) => {
      const x = PAGE.margin + i * width
      this.doc.rect(x + 2, this.y, width - 4, height - 6).fill(COLORS.header)
      this.text.line(item.value, x + 8, this.y + 5, { size: 16, weight: 'bold', width: width - 16 })
      const labelLines = this.text.wrap(item.label, width - 16, { size: 7.5 }).slice(0, 2)
      labelLines.forEach((l, j) => this.text.line(l, x + 8, this.y + 29 + j * 10, { size: 7.5, color: COLORS.muted, width: width - 16 }))
      if (item.note) this.text.line(item.note, x + 8, this.y + 5, { size: 7.5, color: COLORS.muted, width: width - 16, align: 'right' })
    })
    this.y += height
  }

  /** Page numbers and a line on every page, once all pages exist (the document buffers its pages). */
  footers(left: string, right: (page: number, pages: number) => string): void {
    const range = this.doc.bufferedPageRange()
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i)
      const y = PAGE.height - PAGE.margin - 14
      this.doc.moveTo(PAGE.margin, y - 4).lineTo(PAGE.margin + CONTENT_WIDTH, y - 4).lineWidth(0.4).strokeColor(COLORS.rule).stroke()
      this.text.line(left, PAGE.margin, y, { size: 7.5, color: COLORS.muted, width: CONTENT_WIDTH * 0.75 })
      this.text.line(right(i + 1, range.count), PAGE.margin, y, { size: 7.5, color: COLORS.muted, width: CONTENT_WIDTH, align: 'right' })
    }
  }
}
