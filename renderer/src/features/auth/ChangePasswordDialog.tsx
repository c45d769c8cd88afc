import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/ApiContext'
import { toApiError, type ApiError } from '../../api/api-error'
import { Dialog } from '../../ui/Dialog'
import { FailureNote } from '../../ui/ErrorDetail'
import { Field } from '../../ui/Field'
import type { FieldErrors } from '../../ui/field-error'
import { DialogButtons } from '../../ui/FormDialog'
import { passwordErrors } from '../admin/account-draft'
import { authFailureOf } from './auth-gate'

/** One's own password: the current one first, so a passer-by at an unlocked screen cannot take the account. */
export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [current, setCurrent] = useState('')
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState(false)

  const submit = async () => {
    const found: FieldErrors = { ...(current ? {} : { currentPassword: { key: 'validation.required' } }), ...passwordErrors(password, confirm) }
    setErrors(found)
    setFailure(null)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      await api.invoke('auth.changePassword', { currentPassword: current, newPassword: password })
      setDone(true)
    } catch (caught) {
      const error = toApiError(caught)
      if (authFailureOf(error) === 'wrong_credentials') setErrors({ currentPassword: { key: 'auth.password.wrongCurrent' } })
      else setFailure(error)
    } finally {
      setBusy(false)
    }
  }

  const field = (path: 'currentPassword' | 'password' | 'confirm', label: string, value: string, set: (v: string) => void, autoComplete: string) => (
    <Field path={path} label={label} error={errors[path]}>
      {(p) => (
        <input
          {...p}
          type="password"
          value={value}
          autoComplete={autoComplete}
          onChange={(e) => {
            set(e.target.value)
            setErrors(({ [path]: _, ...rest }) => rest)
          }}
        />
      )}
    </Field>
  )

  return (
    <Dialog
      title={t('auth.password.title')}
      testId="change-password-dialog"
      onClose={onClose}
      onSubmit={done ? onClose : submit}
      actions={
        done ? (
          <button type="submit" className="btn btn-primary" autoFocus>
            {t('auth.password.close')}
          </button>
        ) : (
          <DialogButtons onCancel={onClose} busy={busy} submitTestId="change-password-save" submitLabel={t('auth.password.save')} />
        )
      }
    >
      {done ? (
        <p className="ok-note" role="status" data-testid="change-password-done">
          {t('auth.password.done')}
        </p>
      ) : (
        <div className="account-fields">
          {field('currentPassword', t('auth.password.current'), current, setCurrent, 'current-password')}
          {field('password', t('auth.password.new'), password, setPassword, 'new-password')}
          {field('confirm', t('account.confirm'), confirm, setConfirm, 'new-password')}
          <FailureNote error={failure} />
        </div>
      )}
    </Dialog>
  )
}
