import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Account } from '../../../../preload/api'
import { useApi } from '../../api/ApiContext'
import { toApiError, type ApiError } from '../../api/api-error'
import { FailureNote } from '../../ui/ErrorDetail'
import { Field } from '../../ui/Field'
import type { FieldErrors } from '../../ui/field-error'
import { FormDialog } from '../../ui/FormDialog'
import { passwordErrors } from './account-draft'

interface Props {
  account: Account
  onDone: (account: Account) => void
  onClose: () => void
}

/** A forgotten password or a lockout: the administrator sets a new one and tells the officer in person. */
export function ResetPasswordDialog({ account, onDone, onClose }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const found = passwordErrors(password, confirm)
    setErrors(found)
    setFailure(null)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      onDone(await api.invoke('users.resetPassword', { username: account.username, password }))
    } catch (caught) {
      setFailure(toApiError(caught))
      setBusy(false)
    }
  }

  return (
    <FormDialog
      title={t('admin.reset.title', { name: account.displayName })}
      testId="reset-password-dialog"
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      submitTestId="reset-password-confirm"
      submitLabel={t('admin.reset.confirm')}
    >
      <p>{t('admin.reset.body')}</p>
      <div className="account-fields">
        <Field path="password" label={t('auth.password.new')} error={errors.password} hint={t('account.passwordHint')}>
          {(p) => <input {...p} type="password" value={password} autoComplete="new-password" autoFocus onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <Field path="confirm" label={t('account.confirm')} error={errors.confirm}>
          {(p) => <input {...p} type="password" value={confirm} autoComplete="new-password" onChange={(e) => setConfirm(e.target.value)} />}
        </Field>
      </div>
      <FailureNote error={failure} testId="reset-password-failure" />
    </FormDialog>
  )
}
