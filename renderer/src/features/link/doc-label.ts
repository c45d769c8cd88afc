import type { TFunction } from 'i18next'

/** Document names as the sync engine uses them (main/core/docs/doc-names.ts), told in words an officer reads. */
const MONTH_DOC = /^(records|messages)\/[^/]+\/(\d{4}-\d{2})$/
const PLAN_DOC = /^plan\/(.+)$/

export function docLabel(doc: string, t: TFunction): string {
  const month = MONTH_DOC.exec(doc)
  if (month) return t(month[1] === 'records' ? 'link.docs.records' : 'link.docs.messages', { month: month[2] })
  const plan = PLAN_DOC.exec(doc)
  if (plan) return t('link.docs.plan', { id: plan[1].slice(0, 8) })
  return doc
}
