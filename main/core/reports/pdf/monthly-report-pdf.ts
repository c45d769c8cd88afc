/**
 * The monthly report as a PDF: the same figures as the dashboard (reports.monthly), with the seven-month
 * trend as a chart and the month's breakdowns as tables with bars, in the reader's language. Written as a
 * stream into the export's output; pdfkit holds only the few pages of the report.
 */
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import PDFDocument from 'pdfkit'
import type { CountRow, MonthlyReport, ReportLanguage } from '../../../../preload/api'
import { reportLabels, type ReportLabels } from '../report-labels'
import { COLORS, CONTENT_WIDTH, PAGE, ReportLayout, type TableColumn } from './report-layout'

/** A long tail of one-off commodities would push everything else off the page. */
const MAX_SEIZURE_ROWS = 25

function change(row: { count: number; previous: number }, l: ReportLabels): string {
  const delta = row.count - row.previous
  // Noto Sans's Latin subset has no arrows; a signed number reads the same in every language.
  return delta === 0 ? '0' : `${delta > 0 ? '+' : '−'}${l.number(Math.abs(delta))}`
}

function countTable(layout: ReportLayout, l: ReportLabels, title: string, rows: CountRow[], label: (key: string) => string): void {
  layout.heading(title)
  if (!rows.length) return layout.line(l.t('report.none'), { size: 9, color: COLORS.muted })
  const max = Math.max(...rows.map((r) => r.count))
  const columns: TableColumn[] = [
    { title: '', width: 230 },
    { title: l.t('report.thisMonth'), width: 65, align: 'right' },
    { title: l.t('report.previousMonth'), width: 75, align: 'right' },
    { title: l.t('report.change'), width: 60, align: 'right' },
    { title: '', width: CONTENT_WIDTH - 430, bar: { values: rows.map((r) => r.count), max } }
  ]
  layout.table(
    columns,
    rows.map((r) => [r.key ? label(r.key) : l.t('report.notRecorded'), l.number(r.count), l.number(r.previous), change(r, l), ''])
  )
}

function duration(minutes: number | null, l: ReportLabels): string {
  if (minutes === null) return '—'
  return minutes >= 120 ? l.t('report.hours', { value: l.number(minutes / 60, 1) }) : l.t('report.minutes', { value: l.number(minutes, 0) })
}

function period(from: string, to: string, l: ReportLabels): string {
  return [from, to].filter(Boolean).map((d) => l.date(d)).join(' – ')
}

function draw(layout: ReportLayout, report: MonthlyReport, l: ReportLabels, fileName: string): void {
  const { station, cases, exchange } = report
  const sent = exchange.sent
  const received = exchange.received
  const total = (c: typeof sent) => c.records + c.alerts + c.requests + c.replies + c.acknowledgements

  layout.line(l.t('report.title', { month: l.month(report.month) }), { size: 18, weight: 'bold' })
  layout.line([`${station.name} (${l.country(station.country)})`, station.crossing].filter(Boolean).join(' · '), { size: 10, color: COLORS.muted })
  layout.line(`${l.t('report.stationId')}: ${station.stationId} · ${l.t('report.generated', { at: l.dateTime(report.generatedAt) })}`, {
    size: 8.5,
    color: COLORS.muted
  })
  layout.heading(l.t('report.keyFigures'), 70)
  layout.figures([
    { value: l.number(cases.total), label: l.t('report.cases'), note: change({ count: cases.total, previous: cases.previous }, l) },
    { value: l.number(report.persons.total), label: l.t('report.persons') },
    { value: l.number(report.trend.at(-1)?.items ?? 0), label: l.t('report.items') },
    { value: l.number(total(sent)), label: l.t('report.exchangeSent') },
    { value: l.number(total(received)), label: l.t('report.exchangeReceived') },
    { value: report.operations.available ? l.number(report.operations.held.length) : '—', label: l.t('report.operations') }
  ])

  layout.heading(l.t('report.trend'), 150)
  const shortMonth = new Intl.DateTimeFormat(l.language, { month: 'short', year: '2-digit' })
  layout.barChart(
    report.trend.map((p) => {
      const [y, m] = p.month.split('-').map(Number)
      return { label: shortMonth.format(new Date(y, m - 1, 15)), value: p.cases }
    }),
    130
  )
  layout.gap(4)
  const trendColumns: TableColumn[] = [
    { title: '', width: 115 },
    ...[l.t('report.cases'), l.t('report.persons'), l.t('report.items'), l.t('report.sent'), l.t('report.received')].map(
      (title) => ({ title, width: (CONTENT_WIDTH - 115) / 5, align: 'right' as const })
    )
  ]
  layout.table(
    trendColumns,
    report.trend.map((p) => [l.month(p.month), ...[p.cases, p.persons, p.items, p.exchangeSent, p.exchangeReceived].map((n) => l.number(n))])
  )

  countTable(layout, l, l.t('report.byCategory'), cases.byCategory, (k) => l.term('category', k))
  countTable(layout, l, l.t('report.byAgency'), cases.byAgency, (k) => l.term('agency', k))
  countTable(layout, l, l.t('report.byStatus'), cases.byStatus, (k) => l.term('status', k))
  countTable(layout, l, l.t('report.topLocations'), cases.topLocations, (k) => k)

  layout.heading(l.t('report.seizures'))
  if (!report.seizures.length) layout.line(l.t('report.none'), { size: 9, color: COLORS.muted })
  else {
    const shown = report.seizures.slice(0, MAX_SEIZURE_ROWS)
    layout.table(
      [
        { title: l.t('report.commodity'), width: 235 },
        { title: l.t('report.quantity'), width: 110, align: 'right' },
        { title: l.t('report.unit'), width: 90 },
        { title: l.t('report.cases'), width: CONTENT_WIDTH - 435, align: 'right' }
      ],
      shown.map((s) => [s.commodity, l.number(s.quantity, 3), l.term('unit', s.unit), l.number(s.cases)])
    )
    if (report.seizures.length > shown.length) {
      layout.line(l.t('report.more', { count: l.number(report.seizures.length - shown.length) }), { size: 8.5, color: COLORS.muted })
    }
  }

  layout.heading(l.t('report.personsByNationality'))
  const people = report.persons.byNationality
  if (!people.length) layout.line(l.t('report.none'), { size: 9, color: COLORS.muted })
  else {
    const sexes = ['male', 'female', 'unknown'] as const
    const sum = (key: (typeof sexes)[number] | 'total') => people.reduce((n, r) => n + r[key], 0)
    layout.table(
      [
        { title: l.t('report.nationality'), width: 175 },
        ...sexes.map((s) => ({ title: l.term('sex', s), width: 85, align: 'right' as const })),
        { title: l.t('report.total'), width: CONTENT_WIDTH - 430, align: 'right' }
      ],
      [
        ...people.map((r) => [
          r.nationality ? l.country(r.nationality) : l.t('report.notRecorded'),
          ...sexes.map((s) => l.number(r[s])),
          l.number(r.total)
        ]),
        [l.t('report.total'), ...sexes.map((s) => l.number(sum(s))), l.number(sum('total'))]
      ],
      { boldLast: true }
    )
  }

  layout.heading(l.t('report.exchange'))
  const kinds = ['records', 'alerts', 'requests', 'replies', 'acknowledgements'] as const
  layout.table(
    [
      { title: '', width: 235 },
      { title: l.t('report.sent'), width: 140, align: 'right' },
      { title: l.t('report.received'), width: CONTENT_WIDTH - 375, align: 'right' }
    ],
    kinds.map((k) => [l.t(`report.${k}`), l.number(sent[k]), l.number(received[k])])
  )
  layout.table(
    [
      { title: '', width: 235 },
      { title: l.t('report.asked'), width: 95, align: 'right' },
      { title: l.t('report.answered'), width: 85, align: 'right' },
      { title: l.t('report.medianResponse'), width: CONTENT_WIDTH - 415, align: 'right' }
    ],
    (['oursAnswered', 'theirsAnswered'] as const).map((k) => [
      l.t(`report.${k}`),
      l.number(exchange[k].asked),
      l.number(exchange[k].answered),
      duration(exchange[k].medianMinutes, l)
    ])
  )

  layout.heading(l.t('report.operations'))
  if (!report.operations.available) layout.line(l.t('report.operationsUnavailable'), { size: 9, color: COLORS.muted })
  else if (!report.operations.held.length) layout.line(l.t('report.noOperations'), { size: 9, color: COLORS.muted })
  else {
    layout.table(
      [
        { title: l.t('report.plan'), width: 200 },
        { title: l.t('report.codeName'), width: 90 },
        { title: l.t('report.period'), width: 145 },
        { title: l.t('report.status'), width: CONTENT_WIDTH - 435 }
      ],
      report.operations.held.map((p) => [p.title, p.codeName, period(p.periodFrom, p.periodTo, l), l.term('planStatus', p.status)])
    )
  }

  layout.gap(10)
  layout.paragraph(l.t('report.verifyNote', { file: fileName, stationId: station.stationId }), 8, COLORS.muted)
}

/** Writes the report into `out` (left open: the caller finishes the file) and resolves once every byte is handed over. */
export async function writeMonthlyReportPdf(report: MonthlyReport, language: ReportLanguage, out: Writable, fileName: string): Promise<void> {
  const l = reportLabels(language)
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    lang: language,
    info: { Title: l.t('report.title', { month: l.month(report.month) }), Author: report.station.name, Creator: 'BLO Station' }
  })
  const ended = once(doc, 'end')
  doc.pipe(out, { end: false })
  const layout = new ReportLayout(doc)
  draw(layout, report, l, fileName)
  layout.footers(`${report.station.name} · ${l.t('report.stationId')} ${report.station.stationId}`, (page, pages) => l.t('report.page', { page, pages }))
  doc.end()
  await ended
}
