import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Account } from '../../../../preload/api'
import { useApi } from '../../api/ApiContext'
import { toApiError, type ApiError } from '../../api/api-error'
import { FailureNote } from '../../ui/ErrorDetail'
import { errorsFromApi, type FieldErrors } from '../../ui/field-error'
import { FormDialog } from '../../ui/FormDialog'
import { createInput, draftOf, emptyAccountDraft, updateInput, type AccountDraft } from './account-draft'
import { AccountFields } from './AccountFields'

interface Props {
  /** The account to edit; none to create one. */
  account?: Account
  onSaved: (account: Account) => void
  onClose: () => void
}

/** Adding an officer or supervisor, or changing one: name, agency, role, language (and a first password). */
export function AccountDialog({ account, onSaved, onClose }: Props) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const [draft, setDraft] = useState<AccountDraft>(() => (account ? draftOf(account) : emptyAccountDraft(i18n.resolvedLanguage ?? 'en')))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const change = <K extends keyof AccountDraft>(key: K, value: AccountDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    setErrors(({ [key]: _, ...rest }) => rest)
  }

  /** The call to make, or the errors that keep it from being made. */
  const request = (): Promise<Account> | FieldErrors => {
    if (account) {
      const checked = updateInput(draft)
      return checked.ok ? api.invoke('users.update', checked.input) : checked.errors
    }
    const checked = createInput(draft)
    return checked.ok ? api.invoke('users.create', checked.input) : checked.errors
  }

  const submit = async () => {
    setFailure(null)
    const pending = request()
    if (!(pending instanceof Promise)) {
      setErrors(pending)
      return
    }
    setBusy(true)
    try {
      onSaved(await pending)
    } catch (caught) {
      const error = toApiError(caught)
      if (error.issues.some((issue) => issue.path in draft)) setErrors(errorsFromApi(error.issues))
      else setFailure(error)
      setBusy(false)
    }
  }

  return (
    <FormDialog
      title={account ? t('admin.users.editTitle', { name: account.displayName }) : t('admin.users.createTitle')}
      testId="account-dialog"
      wide
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      submitTestId="account-save"
      submitLabel={account ? t('admin.users.save') : t('admin.users.create')}
    >
      {account && (
        <p className="muted">
          {t('account.username')}: <span className="mono">{account.username}</span>
        </p>
      )}
      <AccountFields mode={account ? 'edit' : 'create'} draft={draft} errors={errors} onChange={change} />
      <FailureNote error={failure} testId="account-failure" />
    </FormDialog>
  )
}
