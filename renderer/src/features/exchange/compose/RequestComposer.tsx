import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SendRequestInput, type MessageThread } from '../../../../../preload/api'
import { useApi } from '../../../api/ApiContext'
import { EnumSelect } from '../../../ui/EnumSelect'
import { Field } from '../../../ui/Field'
import { FormDialog } from '../../../ui/FormDialog'
import type { EnumValue } from '../../../i18n/enum-groups'
import { useLink } from '../../link/LinkContext'
import { AudiencePicker } from '../audience/AudiencePicker'
import { useAudience } from '../audience/use-audience'
import { useSend } from './use-send'

/** The counterpart's record a request asks about. */
export interface RequestAbout {
  origin: string
  recordId: string
  caseRef: string
}

interface Props {
  about?: RequestAbout
  onClose: () => void
  onSent: (thread: MessageThread) => void
}

/** A request for information, about one of the counterpart's records or on its own. */
export function RequestComposer({ about, onClose, onSent }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const { stationName } = useLink()
  const [title, setTitle] = useState(about ? t('exchange.request.defaultTitle', { ref: about.caseRef }) : '')
  const [text, setText] = useState('')
  const [priority, setPriority] = useState<EnumValue<'priority'>>('normal')
  const { audience, setAudience, remember } = useAudience()
  const { errors, failure, busy, submit } = useSend(SendRequestInput, (input) => api.invoke('exchange.sendRequest', input), (thread) => {
    if (!about) remember()
    onSent(thread)
  })

  // A request about a record goes to the station that shared it; the picker is for one on its own.
  const send = () => void submit({ title, text, priority, ...(about ? { about: { origin: about.origin, recordId: about.recordId } } : { to: audience }) })

  return (
    <FormDialog
      wide
      title={t('exchange.request.composeTitle')}
      testId="request-composer"
      onClose={onClose}
      onSubmit={send}
      failure={failure}
      failureTestId="request-failure"
      busy={busy}
      submitTestId="request-send"
      submitLabel={t('exchange.request.send')}
    >
      {about && (
        <p className="provenance provenance-theirs" data-testid="request-about">
          {t('exchange.request.about', { ref: about.caseRef, name: stationName(about.origin) })}
        </p>
      )}
      {errors['about.origin'] && <p className="field-error">{errors['about.origin'].raw}</p>}
      {!about && <AudiencePicker value={audience} onChange={setAudience} error={errors.to} />}
      <div className="field-row">
        <Field path="title" label={t('exchange.request.title')} required error={errors.title} className="grow">
          {(p) => <input {...p} value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field path="priority" label={t('exchange.priority')} required error={errors.priority} className="w-select">
          {(p) => <EnumSelect {...p} group="priority" value={priority} onChange={(v) => v && setPriority(v)} />}
        </Field>
      </div>
      <Field path="text" label={t('exchange.request.text')} required error={errors.text} hint={t('exchange.request.textHint')}>
        {(p) => <textarea {...p} rows={5} maxLength={5000} value={text} onChange={(e) => setText(e.target.value)} autoFocus />}
      </Field>
    </FormDialog>
  )
}
