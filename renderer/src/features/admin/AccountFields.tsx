import { useTranslation } from 'react-i18next'
import { LANGUAGES, NATIVE_NAMES, type Language } from '../../i18n/languages'
import { EnumSelect } from '../../ui/EnumSelect'
import { Field } from '../../ui/Field'
import type { FieldErrors } from '../../ui/field-error'
import type { AccountDraft, AccountFormMode } from './account-draft'

interface Props {
  mode: AccountFormMode
  draft: AccountDraft
  errors: FieldErrors
  onChange: <K extends keyof AccountDraft>(key: K, value: AccountDraft[K]) => void
}

/** Who an account is, for the first-run setup and the administrator's dialogs: one form, three uses. */
export function AccountFields({ mode, draft, errors, onChange }: Props) {
  const { t } = useTranslation()
  // An account may prefer a language the screens do not have yet (set from the CLI): keep it selectable.
  const languages: string[] = LANGUAGES.includes(draft.language as Language) ? [...LANGUAGES] : [...LANGUAGES, draft.language]
  return (
    <div className="account-fields">
      <div className="field-row">
        {mode !== 'edit' && (
          <Field path="username" label={t('account.username')} required error={errors.username} hint={t('account.usernameHint')} className="grow">
            {(p) => (
              <input
                {...p}
                value={draft.username}
                maxLength={40}
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                onChange={(e) => onChange('username', e.target.value)}
              />
            )}
          </Field>
        )}
        <Field path="displayName" label={t('account.displayName')} required error={errors.displayName} hint={t('account.displayNameHint')} className="grow">
          {(p) => <input {...p} value={draft.displayName} maxLength={100} autoComplete="off" onChange={(e) => onChange('displayName', e.target.value)} />}
        </Field>
      </div>
      <div className="field-row">
        <Field path="agency" label={t('account.agency')} required error={errors.agency} className="grow">
          {(p) => <EnumSelect {...p} group="agency" value={draft.agency} emptyLabel={t('account.choose')} onChange={(v) => onChange('agency', v)} />}
        </Field>
        {mode !== 'setup' && (
          <Field path="role" label={t('account.role')} required error={errors.role} className="grow">
            {(p) => <EnumSelect {...p} group="accountRole" value={draft.role} emptyLabel={t('account.choose')} onChange={(v) => onChange('role', v)} />}
          </Field>
        )}
        <Field path="language" label={t('account.language')} error={errors.language} className="grow">
          {(p) => (
            <select {...p} value={draft.language} onChange={(e) => onChange('language', e.target.value)}>
              {languages.map((language) => (
                <option key={language} value={language} lang={language}>
                  {NATIVE_NAMES[language as Language] ?? language}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {mode !== 'edit' && (
        <div className="field-row">
          <Field path="password" label={t('account.password')} required error={errors.password} hint={t('account.passwordHint')} className="grow">
            {(p) => <input {...p} type="password" value={draft.password} autoComplete="new-password" onChange={(e) => onChange('password', e.target.value)} />}
          </Field>
          <Field path="confirm" label={t('account.confirm')} required error={errors.confirm} className="grow">
            {(p) => <input {...p} type="password" value={draft.confirm} autoComplete="new-password" onChange={(e) => onChange('confirm', e.target.value)} />}
          </Field>
        </div>
      )}
    </div>
  )
}
