import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PlanCreateInput } from '../../../../../preload/api'
import { useApi } from '../../../api/ApiContext'
import { Field } from '../../../ui/Field'
import { FormDialog } from '../../../ui/FormDialog'
import { AudiencePicker } from '../../exchange/audience/AudiencePicker'
import { useSend } from '../../exchange/compose/use-send'
import { useLink } from '../../link/LinkContext'

interface Props {
  onClose: () => void
  onCreated: (id: string) => void
}

const optional = (value: string) => (value.trim() ? value : undefined)

/** A new plan: what is needed to find it again; everything else is written together in the editor. */
export function CreatePlanDialog({ onClose, onCreated }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const { status } = useLink()
  const peers = status?.peers ?? []
  const [draft, setDraft] = useState({ title: '', codeName: '', periodFrom: '', periodTo: '', area: '', counterpart: peers.length === 1 ? peers[0].stationId : '' })
  // Among several counterparts a plan may be with more than one of them: every one chosen must approve it.
  const several = peers.length > 1
  const [planWith, setPlanWith] = useState<string[]>([])
  const { errors, failure, busy, submit } = useSend(PlanCreateInput, (input) => api.invoke('plans.create', input), (plan) => onCreated(plan.id))
  const set = (key: keyof typeof draft, value: string) => setDraft((d) => ({ ...d, [key]: value }))

  const create = () =>
    void submit({
      title: draft.title,
      codeName: optional(draft.codeName),
      periodFrom: optional(draft.periodFrom),
      periodTo: optional(draft.periodTo),
      area: optional(draft.area),
      ...(several ? { counterparts: planWith } : { counterpart: optional(draft.counterpart) })
    })

  return (
    <FormDialog
      wide
      title={t('plans.create.title')}
      testId="plan-create-dialog"
      onClose={onClose}
      onSubmit={create}
      failure={failure}
      failureTestId="plan-create-failure"
      busy={busy}
      submitTestId="plan-create-submit"
      submitLabel={t('plans.create.submit')}
    >
      <p className="muted">{t('plans.create.intro')}</p>
      <div className="field-row">
        <Field path="title" label={t('plans.fields.title')} required error={errors.title} className="grow">
          {(p) => <input {...p} value={draft.title} maxLength={300} onChange={(e) => set('title', e.target.value)} autoFocus />}
        </Field>
        <Field path="codeName" label={t('plans.fields.codeName')} error={errors.codeName} className="w-select">
          {(p) => <input {...p} value={draft.codeName} maxLength={100} onChange={(e) => set('codeName', e.target.value)} />}
        </Field>
      </div>
      <div className="field-row">
        <Field path="periodFrom" label={t('plans.fields.periodFrom')} error={errors.periodFrom} className="w-select">
          {(p) => <input {...p} type="date" value={draft.periodFrom} max={draft.periodTo || undefined} onChange={(e) => set('periodFrom', e.target.value)} />}
        </Field>
        <Field path="periodTo" label={t('plans.fields.periodTo')} error={errors.periodTo} className="w-select">
          {(p) => <input {...p} type="date" value={draft.periodTo} min={draft.periodFrom || undefined} onChange={(e) => set('periodTo', e.target.value)} />}
        </Field>
        {!several && (
        <Field path="counterpart" label={t('plans.create.counterpart')} error={errors.counterpart} hint={t('plans.create.counterpartHint')} className="grow">
          {(p) => (
            <select {...p} value={draft.counterpart} onChange={(e) => set('counterpart', e.target.value)}>
              <option value="">{t('plans.create.noCounterpart')}</option>
              {peers.map((peer) => (
                <option key={peer.stationId} value={peer.stationId}>
                  {peer.name || peer.stationId}
                </option>
              ))}
            </select>
          )}
        </Field>
        )}
      </div>
      {several && (
        <AudiencePicker label={t('plans.create.counterpart')} value={planWith} onChange={setPlanWith} error={errors.counterparts ?? errors.counterpart} />
      )}
      <Field path="area" label={t('plans.fields.area')} error={errors.area}>
        {(p) => <textarea {...p} rows={2} maxLength={2000} value={draft.area} onChange={(e) => set('area', e.target.value)} />}
      </Field>
    </FormDialog>
  )
}
