/**
 * A joint operation plan as a printable operation order: what the plan says (period, area, agencies on each
 * side, objectives, tasks, communication plan, notes, results) and which version of it both sides signed,
 * named by its content hash, in the reader's language. Set with the monthly report's page and font
 * machinery, so Thai, Lao and the other scripts of the border come out as real, searchable text.
 */
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import PDFDocument from 'pdfkit'
import type { PlanApproval, PlanDetail, ReportLanguage } from '../../../preload/api'
import { LINE_HEIGHT } from '../reports/pdf/pdf-text'
import { COLORS, CONTENT_WIDTH, PAGE, ReportLayout } from '../reports/pdf/report-layout'
import { reportLabels, type ReportLabels } from '../reports/report-labels'

export interface PlanOrder {
  plan: PlanDetail
  /** The station writing the order: its approvals and agencies are "ours". */
  station: { stationId: string; name: string }
  generatedAt: Date
}

const FACT_LABEL = 130
const SHORT_HASH = 12

/** Names a side of the border: this station, the counterpart (by name once paired), or nobody yet. */
function sideNamer(order: PlanOrder, l: ReportLabels): (stationId: string) => string {
  const { plan, station } = order
  return (stationId) => {
    if (!stationId) return l.t('plans.sides.none')
    if (stationId === station.stationId) return station.name
    return (plan.counterpart?.stationId === stationId && plan.counterpart.name) || stationId
  }
}

/** The stations of the plan, this one first; a plan not yet shared has one. */
function sidesOf(order: PlanOrder): string[] {
  const { plan, station } = order
  return [station.stationId, ...plan.stations.filter((s) => s !== station.stationId)]
}

function approvalText(approval: PlanApproval | undefined, l: ReportLabels): string {
  if (!approval) return l.t('plans.signoff.approval.missing')
  const values = { by: approval.by, at: l.dateTime(approval.at), hash: approval.hash.slice(0, SHORT_HASH) }
  if (!approval.valid) return l.t('plans.signoff.approval.invalid', values)
  return l.t(approval.current ? 'plans.signoff.approval.current' : 'plans.signoff.approval.earlier', values)
}

const or = (value: string, l: ReportLabels) => value || l.t('planPdf.notSet')

function draw(layout: ReportLayout, order: PlanOrder, l: ReportLabels, fileName: string): void {
  const { plan } = order
  const side = sideNamer(order, l)
  const sides = sidesOf(order)
  const period = [plan.periodFrom, plan.periodTo].filter(Boolean).map((d) => l.date(d)).join(' – ')
  const none = (key: string) => layout.line(l.t(key), { size: 9, color: COLORS.muted })

  layout.line(l.t('planPdf.title'), { size: 10, weight: 'bold', color: COLORS.accent })
  layout.paragraph(plan.title || l.t('plans.untitled'), 18, COLORS.text, 'bold')
  if (plan.codeName) layout.line(`${l.t('plans.fields.codeName')}: ${plan.codeName}`, { size: 11, weight: 'bold' })
  layout.line(`${order.station.name} · ${l.t('report.stationId')}: ${order.station.stationId}`, { size: 8.5, color: COLORS.muted })
  layout.line(l.t('report.generated', { at: l.dateTime(order.generatedAt.toISOString()) }), { size: 8.5, color: COLORS.muted })

  layout.heading(l.t('plans.sections.details'), 60)
  layout.fact(l.t('plans.fields.status'), l.term('planStatus', plan.status), FACT_LABEL)
  layout.fact(l.t('planPdf.period'), or(period, l), FACT_LABEL)
  layout.fact(l.t('plans.fields.area'), or(plan.area, l), FACT_LABEL)
  layout.fact(l.t('plans.fields.crossings'), or(plan.crossings.join(', '), l), FACT_LABEL)
  layout.fact(l.t('planPdf.stations'), sides.map(side).join(' / '), FACT_LABEL)

  const { signoff } = plan
  layout.heading(l.t('planPdf.signoff'), 60)
  layout.fact(l.t('planPdf.signoffState'), l.term('signoffState', signoff.state), FACT_LABEL)
  layout.fact(l.t('planPdf.contentHash'), signoff.contentHash, FACT_LABEL, 8.5)
  for (const station of sides) {
    layout.fact(side(station), approvalText(signoff.approvals.find((a) => a.station === station), l), FACT_LABEL)
  }
  if (signoff.agreed && signoff.agreedVersion) layout.fact('', l.t('plans.signoff.agreedAt', { at: l.dateTime(signoff.agreedVersion.at) }), FACT_LABEL)
  layout.gap(2)
  layout.paragraph(l.t(`plans.signoff.explain.${signoff.state}`), 8.5, COLORS.muted)

  layout.heading(l.t('enums.planList.agencies'))
  if (!plan.agencies.length) none('plans.empty.agencies')
  else {
    // Grouped by side, this station's first, in the order each side listed them.
    const rank = (s: string) => (sides.includes(s) ? sides.indexOf(s) : sides.length)
    const agencies = plan.agencies.map((a, i) => ({ a, i })).sort((x, y) => rank(x.a.side) - rank(y.a.side) || x.i - y.i)
    layout.table(
      [
        { title: l.t('plans.fields.side'), width: 130 },
        { title: l.t('plans.fields.name'), width: 170, wrap: true },
        { title: l.t('plans.fields.role'), width: CONTENT_WIDTH - 300, wrap: true }
      ],
      agencies.map(({ a }) => [side(a.side), a.name, a.role])
    )
  }

  layout.heading(l.t('enums.planList.objectives'))
  if (!plan.objectives.length) none('plans.empty.objectives')
  plan.objectives.forEach((o, i) => layout.paragraph(`${l.number(i + 1)}. ${o.text}`, 9.5))

  layout.heading(l.t('enums.planList.tasks'))
  if (!plan.tasks.length) none('plans.empty.tasks')
  else {
    layout.table(
      [
        { title: '#', width: 22, align: 'right' },
        { title: l.t('planPdf.task'), width: 180, wrap: true },
        { title: l.t('plans.fields.side'), width: 85, wrap: true },
        { title: l.t('plans.fields.assignee'), width: 80, wrap: true },
        { title: l.t('plans.fields.due'), width: 64 },
        { title: l.t('plans.fields.status'), width: CONTENT_WIDTH - 431, wrap: true }
      ],
      plan.tasks.map((task, i) => [
        l.number(i + 1),
        task.title,
        side(task.side),
        task.assignee,
        task.due ? l.date(task.due) : '',
        l.term('taskStatus', task.status)
      ])
    )
  }

  layout.heading(l.t('plans.sections.comms'))
  layout.fact(l.t('plans.fields.hotline'), or(plan.comms.hotline, l), FACT_LABEL)
  layout.fact(l.t('plans.fields.radio'), or(plan.comms.radio, l), FACT_LABEL)
  layout.fact(l.t('plans.fields.languages'), or(plan.comms.languages.join(', '), l), FACT_LABEL)
  layout.gap(4)
  if (!plan.contacts.length) none('plans.empty.contacts')
  else {
    layout.table(
      [
        { title: l.t('plans.fields.side'), width: 85, wrap: true },
        { title: l.t('plans.fields.name'), width: 105, wrap: true },
        { title: l.t('plans.fields.role'), width: 90, wrap: true },
        { title: l.t('plans.fields.phone'), width: 80, wrap: true },
        { title: l.t('plans.fields.radio'), width: 70, wrap: true },
        { title: l.t('plans.fields.languages'), width: CONTENT_WIDTH - 430, wrap: true }
      ],
      plan.contacts.map((c) => [side(c.side), c.name, c.role, c.phone, c.radio, c.languages.join(', ')])
    )
  }

  layout.heading(l.t('plans.sections.notes'), 40)
  const notes = plan.notes.split('\n')
  if (!plan.notes.trim()) none('planPdf.noNotes')
  else {
    for (const paragraph of notes) {
      if (paragraph.trim()) layout.paragraph(paragraph, 9.5)
      else layout.gap(6)
    }
  }

  layout.heading(l.t('enums.planList.results'), 40)
  if (!plan.results.length) none('planPdf.noResults')
  for (const r of plan.results) {
    // An entry can run to pages: a heading line, then its text flowing like the notes.
    layout.gap(3)
    layout.line([l.dateTime(r.at), side(r.side), r.by].filter(Boolean).join(' · '), { size: 8.5, weight: 'bold', color: COLORS.muted })
    layout.paragraph(r.text, 9.5)
  }

  layout.gap(10)
  const verifyNote = l.t('report.verifyNote', { file: fileName, stationId: order.station.stationId })
  // Kept whole: its last line alone on a new page would be a page for nothing.
  layout.ensure(layout.text.wrap(verifyNote, CONTENT_WIDTH, { size: 8 }).length * 8 * LINE_HEIGHT)
  layout.paragraph(verifyNote, 8, COLORS.muted)
}

/** Writes the order into `out` (left open: the caller finishes the file) and resolves once every byte is handed over. */
export async function writePlanOrderPdf(order: PlanOrder, language: ReportLanguage, out: Writable, fileName: string): Promise<void> {
  const l = reportLabels(language)
  const { plan } = order
  const title = plan.title || l.t('plans.untitled')
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    lang: language,
    info: { Title: `${l.t('planPdf.title')} — ${title}`, Author: order.station.name, Creator: 'BLO Station' }
  })
  const ended = once(doc, 'end')
  doc.pipe(out, { end: false })
  const layout = new ReportLayout(doc)
  draw(layout, order, l, fileName)
  const footer = [title, plan.codeName, `${l.t('planPdf.contentHash')} ${plan.signoff.contentHash.slice(0, SHORT_HASH)}`].filter(Boolean).join(' · ')
  layout.footers(footer, (page, pages) => l.t('report.page', { page, pages }))
  doc.end()
  await ended
}
