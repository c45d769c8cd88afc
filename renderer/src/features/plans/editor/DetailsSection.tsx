import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { PLAN_PHASES, type PlanPhase } from '../../../../../preload/api'
import { EnumSelect } from '../../../ui/EnumSelect'
import { Field } from '../../../ui/Field'
import { useFieldPresence } from '../presence/PresenceContext'
import { addCrossing, planRoots, removeCrossing, setField, strings, text } from '../replica/plan-model'
import { useObserved } from '../replica/use-y'
import { BoundField } from './BoundField'

/** Title, code name, period, area and crossings, and the workflow phase. */
export function DetailsSection({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation()
  const { meta } = planRoots(doc)
  return (
    <fieldset className="form-section plan-section" data-testid="section-details" id="plan-section-details">
      <legend>{t('plans.sections.details')}</legend>
      <div className="field-row">
        <BoundField map={meta} name="title" path="title" presence="meta.title" label={t('plans.fields.title')} required maxLength={300} className="grow" />
        <BoundField map={meta} name="codeName" path="codeName" presence="meta.codeName" label={t('plans.fields.codeName')} maxLength={100} className="w-code" />
        <PhaseSelect meta={meta} />
      </div>
      <div className="field-row">
        <BoundField map={meta} name="periodFrom" path="periodFrom" presence="meta.periodFrom" label={t('plans.fields.periodFrom')} kind="date" className="w-date" />
        <BoundField map={meta} name="periodTo" path="periodTo" presence="meta.periodTo" label={t('plans.fields.periodTo')} kind="date" className="w-date" />
        <Crossings doc={doc} />
      </div>
      <BoundField map={meta} name="area" path="area" presence="meta.area" label={t('plans.fields.area')} kind="textarea" maxLength={2000} />
    </fieldset>
  )
}

/** The phase is set on purpose; "agreed" is not among the choices: only both supervisors' approvals make it. */
function PhaseSelect({ meta }: { meta: Y.Map<unknown> }) {
  const { t } = useTranslation()
  const peers = useFieldPresence('meta.status')
  useObserved(meta)
  const stored = text(meta.get('status'))
  const value: PlanPhase = (PLAN_PHASES as readonly string[]).includes(stored) ? (stored as PlanPhase) : 'draft'
  return (
    <Field path="status" label={t('plans.fields.phase')} hint={t('plans.phaseHint')} className="w-select">
      {(p) => (
        <EnumSelect
          {...p}
          group="planStatus"
          only={PLAN_PHASES}
          value={value}
          onFocus={peers.onFocus}
          onBlur={peers.onBlur}
          onChange={(v) => v && setField(meta, 'status', v)}
        />
      )}
    </Field>
  )
}

function Crossings({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation()
  const { crossings } = planRoots(doc)
  const [draft, setDraft] = useState('')
  const peers = useFieldPresence('crossings')
  useObserved(crossings)
  const values = strings(crossings.toArray())
  const add = () => {
    const value = draft.trim()
    if (!value) return
    addCrossing(doc, value.slice(0, 200))
    setDraft('')
  }
  return (
    <Field path="crossings" label={t('plans.fields.crossings')} className="grow crossings">
      {(p) => (
        <div className="chip-input">
          {values.map((crossing) => (
            <span key={crossing} className="chip" data-testid="crossing-chip">
              {crossing}
              <button
                type="button"
                className="chip-remove"
                data-testid="crossing-remove"
                aria-label={t('plans.removeCrossing', { name: crossing })}
                title={t('plans.removeCrossing', { name: crossing })}
                onClick={() => removeCrossing(doc, crossing)}
              >
                ×
              </button>
            </span>
          ))}
          <input
            {...p}
            value={draft}
            maxLength={200}
            placeholder={t('plans.addCrossing')}
            onFocus={peers.onFocus}
            onBlur={() => {
              add()
              peers.onBlur()
            }}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                add()
              }
            }}
          />
        </div>
      )}
    </Field>
  )
}
