import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_LOCK_MINUTES, MIN_LOCK_MINUTES, SettingsUpdate } from '../../../../preload/api'
import { useApi } from '../../api/ApiContext'
import { toApiError, type ApiError } from '../../api/api-error'
import { FailureNote } from '../../ui/ErrorDetail'
import { Field } from '../../ui/Field'
import { errorsFromApi, type FieldErrors } from '../../ui/field-error'
import { errorsFromZod } from '../cases/form/field-errors'

/** Station-wide settings: for now, how long an untouched screen stays signed in. */
export function SettingsPanel() {
  const { t } = useTranslation()
  const api = useApi()
  const [minutes, setMinutes] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<ApiError | null>(null)
  const [saved, setSaved] = useState(false)
  const [busy, setBusy] = useState(true)

  useEffect(() => {
    let live = true
    api
      .invoke('settings.get', {})
      .then((s) => live && setMinutes(String(s.lockAfterMinutes)))
      .catch((e: unknown) => live && setFailure(toApiError(e)))
      .finally(() => live && setBusy(false))
    return () => {
      live = false
    }
  }, [api])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setSaved(false)
    setFailure(null)
    const input = { lockAfterMinutes: minutes.trim() === '' ? undefined : Number(minutes) }
    const parsed = SettingsUpdate.safeParse(input)
    if (!parsed.success || input.lockAfterMinutes === undefined) {
      setErrors(parsed.success ? { lockAfterMinutes: { key: 'validation.required' } } : errorsFromZod(parsed.error.issues, input))
      return
    }
    setBusy(true)
    try {
      const settings = await api.invoke('settings.update', input)
      setMinutes(String(settings.lockAfterMinutes))
      setErrors({})
      setSaved(true)
    } catch (caught) {
      const error = toApiError(caught)
      if (error.code === 'invalid_input' && error.issues.length) setErrors(errorsFromApi(error.issues))
      else setFailure(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="detail-section settings-panel" onSubmit={submit} noValidate data-testid="settings-panel">
      <h2>{t('admin.settings.title')}</h2>
      <Field
        path="lockAfterMinutes"
        label={t('admin.settings.lockAfter')}
        error={errors.lockAfterMinutes}
        hint={t('admin.settings.lockAfterHint', { min: MIN_LOCK_MINUTES, max: MAX_LOCK_MINUTES })}
      >
        {(p) => (
          <span className="input-with-unit">
            <input
              {...p}
              type="number"
              inputMode="numeric"
              min={MIN_LOCK_MINUTES}
              max={MAX_LOCK_MINUTES}
              step={1}
              value={minutes}
              onChange={(e) => {
                setMinutes(e.target.value)
                setSaved(false)
                setErrors({})
              }}
            />
            <span className="muted">{t('admin.settings.minutes')}</span>
          </span>
        )}
      </Field>
      <div className="form-actions">
        <FailureNote inline error={failure} />
        {saved && (
          <span className="ok-note" role="status" data-testid="settings-saved">
            {t('admin.settings.saved')}
          </span>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="settings-save">
          {t('admin.settings.save')}
        </button>
      </div>
    </form>
  )
}
