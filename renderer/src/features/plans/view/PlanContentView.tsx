import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlanContent } from '../../../../../preload/api'
import { useFormatters } from '../../../i18n/format'
import { PlanStatusBadge, TaskStatusBadge } from '../PlanBadges'
import { usePlanLabels } from '../use-plan-labels'

/** A plan as it was at a version: read-only, every part of it, in the editor's order. */
export function PlanContentView({ plan }: { plan: PlanContent }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const labels = usePlanLabels()
  const fact = (key: string, label: string, value: ReactNode) => (
    <div className="fact">
      <dt>{label}</dt>
      <dd data-testid={`version-${key}`}>{value || '—'}</dd>
    </div>
  )
  const period = [plan.periodFrom, plan.periodTo].map((d) => (d ? fmt.date(d) : '…')).join(' – ')
  const table = (headers: string[], rows: ReactNode[][], testId: string) =>
    rows.length === 0 ? (
      <p className="muted">—</p>
    ) : (
      <table className="data-table" data-testid={testId}>
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, i) => (
            <tr key={i}>
              {cells.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    )
  const f = (name: string) => labels.field(name)
  return (
    <div className="plan-content-view">
      <dl className="facts">
        {fact('title', f('title'), plan.title)}
        {fact('codeName', f('codeName'), plan.codeName)}
        {fact('period', t('plans.list.columns.period'), plan.periodFrom || plan.periodTo ? period : '')}
        {fact('phase', f('phase'), <PlanStatusBadge status={plan.phase} />)}
        {fact('area', f('area'), plan.area)}
        {fact('crossings', f('crossings'), plan.crossings.join(', '))}
        {fact('hotline', f('hotline'), plan.comms.hotline)}
        {fact('radio', f('radio'), plan.comms.radio)}
      </dl>
      <h3>{t('enums.planList.agencies')}</h3>
      {table([f('side'), f('name'), f('role')], plan.agencies.map((a) => [labels.side(a.side), a.name, a.role]), 'version-agencies')}
      <h3>{t('enums.planList.objectives')}</h3>
      {table([f('text')], plan.objectives.map((o) => [o.text]), 'version-objectives')}
      <h3>{t('enums.planList.tasks')}</h3>
      {table(
        [f('title'), f('side'), f('assignee'), f('due'), f('status')],
        plan.tasks.map((task) => [task.title, labels.side(task.side), task.assignee, task.due ? fmt.date(task.due) : '', <TaskStatusBadge key="s" status={task.status} />]),
        'version-tasks'
      )}
      <h3>{t('enums.planList.contacts')}</h3>
      {table(
        [f('side'), f('name'), f('role'), f('phone'), f('radio'), f('languages')],
        plan.contacts.map((c) => [labels.side(c.side), c.name, c.role, c.phone, c.radio, c.languages.join(', ')]),
        'version-contacts'
      )}
      <h3>{t('plans.sections.notes')}</h3>
      <p className="narrative version-notes" data-testid="version-notes">
        {plan.notes || '—'}
      </p>
      <h3>{t('enums.planList.results')}</h3>
      {table([f('at'), f('by'), f('text')], plan.results.map((r) => [r.at ? fmt.dateTime(r.at) : '', r.by, r.text]), 'version-results')}
    </div>
  )
}
