import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SendAlertInput, type MessageThread } from '../../../../../preload/api'
import { useApi } from '../../../api/ApiContext'
import { EnumSelect } from '../../../ui/EnumSelect'
import { Field } from '../../../ui/Field'
import { FormDialog } from '../../../ui/FormDialog'
import type { EnumValue } from '../../../i18n/enum-groups'
import { localInputToIso } from '../../cases/form/local-datetime'
import { AudiencePicker } from '../audience/AudiencePicker'
import { useAudience } from '../audience/use-audience'
import { useSend } from './use-send'

interface Props {
  onClose: () => void
  onSent: (thread: MessageThread) => void
}

interface AlertDraft {
  subject: EnumValue<'alertSubject'>
  priority: EnumValue<'priority'>
  text: string
  plate: string
  name: string
  route: string
  expiresAt: string
}

const optional = (value: string) => (value.trim() ? value : undefined)

/** An urgent word to the counterpart: a suspect vehicle, a person, a route, with when it stops mattering. */
export function AlertComposer({ onClose, onSent }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const [draft, setDraft] = useState<AlertDraft>({ subject: 'vehicle', priority: 'urgent', text: '', plate: '', name: '', route: '', expiresAt: '' })
  const { audience, setAudience, remember } = useAudience()
  const { errors, failure, busy, submit } = useSend(SendAlertInput, (input) => api.invoke('exchange.sendAlert', input), (thread) => {
    remember()
    onSent(thread)
  })
  const set = <K extends keyof AlertDraft>(key: K, value: AlertDraft[K]) => setDraft((d) => ({ ...d, [key]: value }))

  const send = () => {
    const expiresAt = draft.expiresAt ? (localInputToIso(draft.expiresAt) ?? draft.expiresAt) : undefined
    void submit({
      subject: draft.subject,
      priority: draft.priority,
      text: draft.text,
      plate: optional(draft.plate),
      name: optional(draft.name),
      route: optional(draft.route),
      expiresAt,
      to: audience
    })
  }

  return (
    <FormDialog
      wide
      title={t('exchange.alert.composeTitle')}
      testId="alert-composer"
      onClose={onClose}
      onSubmit={send}
      failure={failure}
      failureTestId="alert-failure"
      busy={busy}
      submitTestId="alert-send"
      submitLabel={t('exchange.alert.send')}
    >
      <AudiencePicker value={audience} onChange={setAudience} error={errors.to} />
      <div className="field-row">
        <Field path="subject" label={t('exchange.alert.subject')} required error={errors.subject} className="grow">
          {(p) => <EnumSelect {...p} group="alertSubject" value={draft.subject} onChange={(v) => v && set('subject', v)} />}
        </Field>
        <Field path="priority" label={t('exchange.priority')} required error={errors.priority} className="grow">
          {(p) => <EnumSelect {...p} group="priority" value={draft.priority} onChange={(v) => v && set('priority', v)} />}
        </Field>
        <Field path="expiresAt" label={t('exchange.alert.expires')} error={errors.expiresAt} hint={t('exchange.alert.expiresHint')} className="w-datetime">
          {(p) => <input {...p} type="datetime-local" value={draft.expiresAt} onChange={(e) => set('expiresAt', e.target.value)} />}
        </Field>
      </div>
      <div className="field-row">
        <Field path="plate" label={t('exchange.alert.plate')} error={errors.plate} className="grow">
          {(p) => <input {...p} value={draft.plate} maxLength={50} placeholder="云A·12345" onChange={(e) => set('plate', e.target.value)} />}
        </Field>
        <Field path="name" label={t('exchange.alert.name')} error={errors.name} className="grow">
          {(p) => <input {...p} value={draft.name} maxLength={300} onChange={(e) => set('name', e.target.value)} />}
        </Field>
        <Field path="route" label={t('exchange.alert.route')} error={errors.route} className="grow">
          {(p) => <input {...p} value={draft.route} maxLength={500} onChange={(e) => set('route', e.target.value)} />}
        </Field>
      </div>
      <Field path="text" label={t('exchange.alert.text')} required error={errors.text} hint={t('exchange.alert.textHint')}>
        {(p) => <textarea {...p} rows={4} maxLength={5000} value={draft.text} onChange={(e) => set('text', e.target.value)} autoFocus />}
      </Field>
    </FormDialog>
  )
}
