import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { useFormatters } from '../../../i18n/format'
import { EnumSelect } from '../../../ui/EnumSelect'
import { Field } from '../../../ui/Field'
import { useFieldPresence } from '../presence/PresenceContext'
import { planRoots, setField, text } from '../replica/plan-model'
import { useObserved } from '../replica/use-y'
import { usePlanLabels } from '../use-plan-labels'
import { BoundField } from './BoundField'
import { ListSection, type ListRow } from './ListSection'
import type { PlanSides } from './plan-sides'
import { SideSelect } from './SideSelect'

interface Props {
  doc: Y.Doc
  sides: PlanSides
}

/** The bound inputs of one row: test ids by position (`tasks.0.title`), presence by item id. */
function useRowField(list: string, row: ListRow, index: number) {
  const { t } = useTranslation()
  return (name: string, extra: Partial<Parameters<typeof BoundField>[0]> = {}) => (
    <BoundField
      map={row.map}
      name={name}
      path={`${list}.${index}.${name}`}
      presence={`${list}.${row.id}.${name}`}
      label={t(`plans.fields.${name}`)}
      labelHidden
      {...extra}
    />
  )
}

function Side({ list, row, index, sides }: { list: string; row: ListRow; index: number; sides: PlanSides }) {
  const { t } = useTranslation()
  return <SideSelect map={row.map} path={`${list}.${index}.side`} presence={`${list}.${row.id}.side`} label={t('plans.fields.side')} labelHidden sides={sides} />
}

export function AgenciesSection({ doc, sides }: Props) {
  const { t } = useTranslation()
  return (
    <ListSection
      doc={doc}
      list="agencies"
      columns={[
        { label: t('plans.fields.side'), className: 'col-side' },
        { label: t('plans.fields.name'), className: 'col-name' },
        { label: t('plans.fields.role'), className: 'col-role' }
      ]}
      newItem={() => ({ side: sides.ours, name: '', role: '' })}
      renderRow={(row, index) => <AgencyRow row={row} index={index} sides={sides} />}
    />
  )
}

function AgencyRow({ row, index, sides }: { row: ListRow; index: number; sides: PlanSides }) {
  const field = useRowField('agencies', row, index)
  return (
    <>
      <Side list="agencies" row={row} index={index} sides={sides} />
      {field('name', { maxLength: 200 })}
      {field('role', { maxLength: 500 })}
    </>
  )
}

export function ObjectivesSection({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation()
  return (
    <ListSection
      doc={doc}
      list="objectives"
      columns={[{ label: t('plans.fields.text'), className: 'col-text' }]}
      newItem={() => ({ text: '' })}
      renderRow={(row, index) => <ObjectiveRow row={row} index={index} />}
    />
  )
}

function ObjectiveRow({ row, index }: { row: ListRow; index: number }) {
  const field = useRowField('objectives', row, index)
  return field('text', { maxLength: 2000 })
}

export function TasksSection({ doc, sides }: Props) {
  const { t } = useTranslation()
  return (
    <ListSection
      doc={doc}
      list="tasks"
      columns={[
        { label: t('plans.fields.title'), className: 'col-title' },
        { label: t('plans.fields.side'), className: 'col-side' },
        { label: t('plans.fields.assignee'), className: 'col-assignee' },
        { label: t('plans.fields.due'), className: 'col-due' },
        { label: t('plans.fields.status'), className: 'col-status' }
      ]}
      newItem={() => ({ title: '', side: sides.ours, assignee: '', due: '', status: 'open' })}
      renderRow={(row, index) => <TaskRow row={row} index={index} sides={sides} />}
    />
  )
}

function TaskRow({ row, index, sides }: { row: ListRow; index: number; sides: PlanSides }) {
  const field = useRowField('tasks', row, index)
  return (
    <>
      {field('title', { maxLength: 300 })}
      <Side list="tasks" row={row} index={index} sides={sides} />
      {field('assignee', { maxLength: 200 })}
      {field('due', { kind: 'date' })}
      <TaskStatusSelect row={row} index={index} />
    </>
  )
}

function TaskStatusSelect({ row, index }: { row: ListRow; index: number }) {
  const { t } = useTranslation()
  const peers = useFieldPresence(`tasks.${row.id}.status`)
  useObserved(row.map)
  const stored = text(row.map.get('status'))
  return (
    <Field path={`tasks.${index}.status`} label={t('plans.fields.status')} labelHidden>
      {(p) => (
        <EnumSelect
          {...p}
          group="taskStatus"
          className={`task-status-select task-status-${stored || 'open'}`}
          value={stored === 'in_progress' || stored === 'done' || stored === 'cancelled' ? stored : 'open'}
          onFocus={peers.onFocus}
          onBlur={peers.onBlur}
          onChange={(v) => v && setField(row.map, 'status', v)}
        />
      )}
    </Field>
  )
}

export function ContactsSection({ doc, sides }: Props) {
  const { t } = useTranslation()
  return (
    <ListSection
      doc={doc}
      list="contacts"
      columns={[
        { label: t('plans.fields.side'), className: 'col-side' },
        { label: t('plans.fields.name'), className: 'col-name' },
        { label: t('plans.fields.role'), className: 'col-role' },
        { label: t('plans.fields.phone'), className: 'col-phone' },
        { label: t('plans.fields.radio'), className: 'col-radio' },
        { label: t('plans.fields.languages'), className: 'col-languages' }
      ]}
      newItem={() => ({ side: sides.ours, name: '', role: '', phone: '', radio: '', languages: [] })}
      renderRow={(row, index) => <ContactRow row={row} index={index} sides={sides} />}
    />
  )
}

function ContactRow({ row, index, sides }: { row: ListRow; index: number; sides: PlanSides }) {
  const field = useRowField('contacts', row, index)
  return (
    <>
      <Side list="contacts" row={row} index={index} sides={sides} />
      {field('name', { maxLength: 200 })}
      {field('role', { maxLength: 200 })}
      {field('phone', { maxLength: 100 })}
      {field('radio', { maxLength: 100 })}
      {field('languages', { kind: 'list' })}
    </>
  )
}

/** The after-action log: when and who are stamped on adding an entry; the text is written together. */
export function ResultsSection({ doc, sides, by }: Props & { by: string }) {
  const { t } = useTranslation()
  return (
    <ListSection
      doc={doc}
      list="results"
      columns={[
        { label: t('plans.fields.at'), className: 'col-at' },
        { label: t('plans.fields.text'), className: 'col-text' }
      ]}
      newItem={() => ({ at: new Date().toISOString(), side: sides.ours, by, text: '' })}
      renderRow={(row, index) => <ResultRow row={row} index={index} />}
    />
  )
}

function ResultRow({ row, index }: { row: ListRow; index: number }) {
  const fmt = useFormatters()
  const labels = usePlanLabels()
  const field = useRowField('results', row, index)
  useObserved(row.map)
  const at = text(row.map.get('at'))
  const by = text(row.map.get('by'))
  const side = text(row.map.get('side'))
  return (
    <>
      <div className="result-stamp">
        <time dateTime={at}>{at ? fmt.dateTime(at) : '—'}</time>
        <span className="muted">
          {[by, side ? labels.side(side) : ''].filter(Boolean).join(' · ')}
        </span>
      </div>
      {field('text', { kind: 'textarea', maxLength: 5000 })}
    </>
  )
}

export function CommsSection({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation()
  const { comms } = planRoots(doc)
  return (
    <fieldset className="form-section plan-section" data-testid="section-comms" id="plan-section-comms">
      <legend>{t('plans.sections.comms')}</legend>
      <div className="field-row">
        <BoundField map={comms} name="hotline" path="comms.hotline" presence="comms.hotline" label={t('plans.fields.hotline')} maxLength={100} className="grow" />
        <BoundField map={comms} name="radio" path="comms.radio" presence="comms.radio" label={t('plans.fields.radio')} maxLength={200} className="grow" />
        <BoundField
          map={comms}
          name="languages"
          path="comms.languages"
          presence="comms.languages"
          label={t('plans.fields.languages')}
          hint={t('plans.languagesHint')}
          kind="list"
          className="grow"
        />
      </div>
    </fieldset>
  )
}
