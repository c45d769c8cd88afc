import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PlanSaveVersionInput } from '../../../../../preload/api'
import { useApi } from '../../../api/ApiContext'
import { Field } from '../../../ui/Field'
import { FormDialog } from '../../../ui/FormDialog'
import { useSend } from '../../exchange/compose/use-send'

interface Props {
  planId: string
  onClose: () => void
  onSaved: () => void
}

/** Names the plan as it stands now, to come back to or compare with later. */
export function SaveVersionDialog({ planId, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const [name, setName] = useState('')
  const { errors, failure, busy, submit } = useSend(PlanSaveVersionInput, (input) => api.invoke('plans.saveVersion', input), onSaved)
  return (
    <FormDialog
      title={t('plans.history.saveTitle')}
      testId="save-version-dialog"
      onClose={onClose}
      onSubmit={() => void submit({ id: planId, name })}
      failure={failure}
      busy={busy}
      submitTestId="save-version-confirm"
      submitLabel={t('plans.history.save')}
    >
      <p className="muted">{t('plans.history.saveIntro')}</p>
      <Field path="name" label={t('plans.history.name')} required error={errors.name}>
        {(p) => <input {...p} value={name} maxLength={200} placeholder={t('plans.history.namePlaceholder')} onChange={(e) => setName(e.target.value)} autoFocus />}
      </Field>
    </FormDialog>
  )
}
