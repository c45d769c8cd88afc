import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../../../preload/api'
import { useApi } from '../../api/ApiContext'
import { toApiError, type ApiError } from '../../api/api-error'
import { FailureNote } from '../../ui/ErrorDetail'
import { errorsFromApi, type FieldErrors } from '../../ui/field-error'
import { emptyAccountDraft, setupInput, type AccountDraft } from '../admin/account-draft'
import { AccountFields } from '../admin/AccountFields'
import { AuthPage } from './AuthPage'

/** A new station: whoever installs it creates the administrator, who then adds the officers and supervisors. */
export function SetupScreen({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const [draft, setDraft] = useState<AccountDraft>(() => emptyAccountDraft(i18n.resolvedLanguage ?? 'en'))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const change = <K extends keyof AccountDraft>(key: K, value: AccountDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    setErrors(({ [key]: _, ...rest }) => rest)
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setFailure(null)
    const checked = setupInput(draft)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    setBusy(true)
    try {
      onSignedIn(await api.invoke('auth.setup', checked.input))
    } catch (caught) {
      const error = toApiError(caught)
      if (error.issues.some((issue) => issue.path in draft)) setErrors(errorsFromApi(error.issues))
      else setFailure(error)
      setBusy(false)
    }
  }

  return (
    <AuthPage testId="setup" title={t('auth.setup.title')} intro={<p>{t('auth.setup.intro')}</p>} wide>
      <form className="auth-form" onSubmit={submit} noValidate>
        <AccountFields mode="setup" draft={draft} errors={errors} onChange={change} />
        <FailureNote error={failure} testId="setup-failure" />
        <button type="submit" className="btn btn-primary auth-submit" disabled={busy} data-testid="setup-submit">
          {t('auth.setup.submit')}
        </button>
      </form>
    </AuthPage>
  )
}
