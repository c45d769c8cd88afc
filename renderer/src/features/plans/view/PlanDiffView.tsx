import { useTranslation } from 'react-i18next'
import { PLAN_LISTS, type PlanDiff, type PlanListDiff, type PlanListName, type TextDiffPart } from '../../../../../preload/api'
import { usePlanLabels } from '../use-plan-labels'

/** Unchanged stretches of the notes longer than this show their ends only: the changes are what matter. */
const CONTEXT = 90

type DiffValue = string | string[]
type Item = Record<string, DiffValue>

/** The field that names an item (a task by its title, an agency by its name): the same rule main labels items by. */
const LABEL_FIELDS = ['title', 'name', 'text']
const itemLabel = (item: Item) => String(item.title || item.name || item.text || item.id || '')
const hasChanges = (d: PlanListDiff) => d.added.length + d.removed.length + d.changed.length > 0

/** What changed between two states of a plan: fields, list items (by identity), and the notes' words. */
export function PlanDiffView({ diff, testId }: { diff: PlanDiff; testId?: string }) {
  const { t } = useTranslation()
  const labels = usePlanLabels()
  const lists = PLAN_LISTS.filter((list) => hasChanges(diff.lists[list]))
  const empty = diff.fields.length === 0 && lists.length === 0 && !diff.notes.changed
  return (
    <div className="plan-diff" data-testid={testId ?? 'plan-diff'} data-empty={empty}>
      {empty && <p className="muted">{t('plans.diff.none')}</p>}
      {diff.fields.length > 0 && (
        <section className="plan-diff-part">
          <h3>{t('plans.sections.details')}</h3>
          <ul className="diff">
            {diff.fields.map((change) => (
              <li key={change.field} className="diff-changed" data-testid="diff-field" data-field={change.field}>
                <span className="diff-field">{labels.field(change.field)}</span>: <Change field={change.field} before={change.before} after={change.after} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {lists.map((list) => (
        <ListChanges key={list} list={list} diff={diff.lists[list]} />
      ))}
      {diff.notes.changed && (
        <section className="plan-diff-part">
          <h3>{t('plans.sections.notes')}</h3>
          <p className="diff-text" data-testid="diff-notes">
            {diff.notes.parts.map((part, i) => (
              <TextPart key={i} part={part} />
            ))}
          </p>
        </section>
      )}
    </div>
  )
}

function Change({ field, before, after, list }: { field: string; before: DiffValue; after: DiffValue; list?: PlanListName }) {
  const labels = usePlanLabels()
  const name = field.split('.').pop() ?? field
  return (
    <>
      <del className="diff-before">{labels.value(name, before, list)}</del> <span aria-hidden="true">→</span>{' '}
      <ins className="diff-after">{labels.value(name, after, list)}</ins>
    </>
  )
}

function ListChanges({ list, diff }: { list: PlanListName; diff: PlanListDiff }) {
  const { t } = useTranslation()
  const labels = usePlanLabels()
  return (
    <section className="plan-diff-part" data-testid={`diff-${list}`}>
      <h3>{t(`enums.planList.${list}`)}</h3>
      <ul className="diff">
        {diff.added.map((item) => (
          <li key={`+${String(item.id)}`} className="diff-added" data-testid="diff-item-added">
            <span className="diff-verb">{t('history.added')}</span>: <span className="diff-value">{itemLabel(item)}</span>
          </li>
        ))}
        {diff.removed.map((item) => (
          <li key={`-${String(item.id)}`} className="diff-removed" data-testid="diff-item-removed">
            <span className="diff-verb">{t('history.removed')}</span>: <span className="diff-value">{itemLabel(item)}</span>
          </li>
        ))}
        {diff.changed.flatMap((item) =>
          item.changes.map((change) => (
            <li key={`${item.id}:${change.field}`} className="diff-changed" data-testid="diff-item-changed">
              <span className="diff-field">
                {/* A renamed item is named by its before and after; any other change by its name first. */}
                {LABEL_FIELDS.includes(change.field) ? labels.field(change.field) : `${item.label} · ${labels.field(change.field)}`}
              </span>
              : <Change field={change.field} before={change.before} after={change.after} list={list} />
            </li>
          ))
        )}
      </ul>
    </section>
  )
}

function TextPart({ part }: { part: TextDiffPart }) {
  if (part.op === 'insert') return <ins>{part.text}</ins>
  if (part.op === 'delete') return <del>{part.text}</del>
  const text = part.text.length > 2 * CONTEXT ? `${part.text.slice(0, CONTEXT)} … ${part.text.slice(-CONTEXT)}` : part.text
  return <span className="diff-same">{text}</span>
}
