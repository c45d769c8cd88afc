import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Case } from '../../../../../preload/api'
import { useApi, useApiEvent } from '../../../api/ApiContext'
import { toApiError, type ApiError } from '../../../api/api-error'
import { EnumSelect } from '../../../ui/EnumSelect'
import { ErrorDetail } from '../../../ui/ErrorDetail'
import { Field } from '../../../ui/Field'
import { caseToDraft, newDraft, type CaseDraft } from './case-draft'
import { ConveyancesEditor } from './ConveyancesEditor'
import { CountryCodeList } from './CountryInput'
import { errorsFromApi, type FieldErrors } from './field-errors'
import { ItemsEditor } from './ItemsEditor'
import { loadOfficerDefaults, saveOfficerDefaults } from './officer-defaults'
import { PersonsEditor } from './PersonsEditor'
import { validateDraft } from './validate-draft'

interface Props {
  /** The case being edited, or null for a new one. */
  original: Case | null
  onSaved: (saved: Case) => void
  onCancel: () => void
  /** Replace the form with the case as stored now (after a conflict, when the officer gives up their edits). */
  onReloadLatest: () => void
}

/** A newer version of this case exists than the one the form started from. */
interface Newer {
  version: number
  /** The officer chose to keep their edits: the next save replaces that version. */
  overwrite: boolean
}

export function CaseForm({ original, onSaved, onCancel, onReloadLatest }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const [draft, setDraft] = useState<CaseDraft>(() => (original ? caseToDraft(original) : newDraft(loadOfficerDefaults())))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<ApiError | null>(null)
  const [saving, setSaving] = useState(false)
  const [dirty, setDirty] = useState(false)
  const [newer, setNewer] = useState<Newer | null>(null)
  const [tried, setTried] = useState(false)

  useApiEvent('cases:changed', ({ id, version }) => {
    if (original && id === original.id && version > (newer?.version ?? original.version) && !saving) {
      setNewer({ version, overwrite: false })
    }
  })

  // Once the officer has tried to save, errors follow their typing so they see each fix land.
  useEffect(() => {
    if (tried) setErrors(validateDraft(draft).errors)
  }, [draft, tried])

  const update = <K extends keyof CaseDraft>(key: K, value: CaseDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    setDirty(true)
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setTried(true)
    setFailure(null)
    const { input, errors: found } = validateDraft(draft)
    setErrors(found)
    if (Object.keys(found).length > 0) {
      focusFirstInvalid()
      return
    }
    setSaving(true)
    try {
      const saved = original
        ? await api.invoke('cases.update', {
            id: original.id,
            expectedVersion: newer?.overwrite ? newer.version : original.version,
            input
          })
        : await api.invoke('cases.create', input)
      // Editing someone else's case must not make their name the default for the next new one.
      if (!original) saveOfficerDefaults(draft.officer, draft.agency)
      setDirty(false)
      onSaved(saved)
    } catch (caught) {
      const error = toApiError(caught)
      if (error.code === 'conflict' && original) {
        const latest = await api.invoke('cases.get', { id: original.id }).catch(() => null)
        setNewer({ version: latest?.version ?? (newer?.version ?? original.version) + 1, overwrite: false })
      } else if (error.code === 'invalid_input' && error.issues.length > 0) {
        setErrors(errorsFromApi(error.issues))
        focusFirstInvalid()
      } else {
        setFailure(error)
      }
    } finally {
      setSaving(false)
    }
  }

  const cancel = () => {
    if (!dirty || window.confirm(t('form.discardConfirm'))) onCancel()
  }

  const errorCount = Object.keys(errors).length
  const f = (path: keyof CaseDraft) => errors[path]

  return (
    <form className="case-form" onSubmit={submit} noValidate data-testid="case-form">
      <CountryCodeList />
      <div className="page-head">
        <button type="button" className="btn btn-quiet" onClick={cancel} data-testid="form-back">
          ← {t('common.back')}
        </button>
        <h1 className="page-title">{original ? t('form.titleEdit', { ref: original.ref }) : t('form.titleNew')}</h1>
        {original && <span className="muted">{t('form.editingVersion', { version: original.version })}</span>}
      </div>

      {newer && (
        <div className="inline-alert alert-warning" role="alert" data-testid="form-conflict">
          <strong>{t('form.conflict.title', { version: newer.version })}</strong>
          <p>{newer.overwrite ? t('form.conflict.willOverwrite', { version: newer.version }) : t('form.conflict.body')}</p>
          {!newer.overwrite && (
            <div className="alert-actions">
              <button type="button" className="btn" data-testid="conflict-reload" onClick={onReloadLatest}>
                {t('form.conflict.reload')}
              </button>
              <button
                type="button"
                className="btn btn-quiet"
                data-testid="conflict-keep"
                onClick={() => setNewer({ ...newer, overwrite: true })}
              >
                {t('form.conflict.keep')}
              </button>
            </div>
          )}
        </div>
      )}

      <div className="form-grid">
        <fieldset className="form-section">
          <legend>{t('form.sections.incident')}</legend>
          <div className="field-row">
            <Field path="occurredAt" label={t('case.occurredAt')} required error={f('occurredAt')} className="w-datetime">
              {(p) => <input {...p} type="datetime-local" value={draft.occurredAt} onChange={(e) => update('occurredAt', e.target.value)} />}
            </Field>
            <Field path="category" label={t('case.category')} required error={f('category')} className="grow">
              {(p) => (
                <EnumSelect {...p} group="category" value={draft.category} emptyLabel={t('form.choose')} onChange={(v) => update('category', v)} />
              )}
            </Field>
            <Field path="agency" label={t('case.agency')} error={f('agency')} className="grow">
              {(p) => <EnumSelect {...p} group="agency" value={draft.agency} onChange={(v) => v && update('agency', v)} />}
            </Field>
          </div>
          <Field path="officer" label={t('case.officer')} error={f('officer')} className="w-officer">
            {(p) => <input {...p} value={draft.officer} maxLength={200} onChange={(e) => update('officer', e.target.value)} />}
          </Field>
          <Field path="summary" label={t('case.summary')} required error={f('summary')} hint={t('form.summaryHint')}>
            {(p) => <input {...p} value={draft.summary} maxLength={500} onChange={(e) => update('summary', e.target.value)} />}
          </Field>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('form.sections.location')}</legend>
          <div className="field-row">
            <Field path="location" label={t('case.location')} required error={f('location')} className="grow">
              {(p) => <input {...p} value={draft.location} maxLength={300} onChange={(e) => update('location', e.target.value)} />}
            </Field>
            <Field path="locationKind" label={t('case.locationKind')} error={f('locationKind')} className="w-select">
              {(p) => <EnumSelect {...p} group="locationKind" value={draft.locationKind} onChange={(v) => v && update('locationKind', v)} />}
            </Field>
          </div>
          <div className="field-row">
            <Field path="lat" label={t('case.lat')} error={f('lat')} className="w-coord" hint={t('form.latHint')}>
              {(p) => <input {...p} inputMode="decimal" className="num" value={draft.lat} onChange={(e) => update('lat', e.target.value)} />}
            </Field>
            <Field path="lon" label={t('case.lon')} error={f('lon')} className="w-coord" hint={t('form.lonHint')}>
              {(p) => <input {...p} inputMode="decimal" className="num" value={draft.lon} onChange={(e) => update('lon', e.target.value)} />}
            </Field>
          </div>
        </fieldset>
      </div>

      <ItemsEditor rows={draft.items} onChange={(rows) => update('items', rows)} errors={errors} />
      <PersonsEditor rows={draft.persons} onChange={(rows) => update('persons', rows)} errors={errors} />
      <ConveyancesEditor rows={draft.conveyances} onChange={(rows) => update('conveyances', rows)} errors={errors} />

      <fieldset className="form-section">
        <legend>{t('form.sections.narrative')}</legend>
        <Field path="narrative" label={t('case.narrative')} labelHidden error={f('narrative')}>
          {(p) => <textarea {...p} rows={5} value={draft.narrative} maxLength={20000} onChange={(e) => update('narrative', e.target.value)} />}
        </Field>
      </fieldset>

      <div className="form-footer">
        <div className="form-status" aria-live="polite">
          {errorCount > 0 && (
            <span className="field-error" data-testid="form-error-summary">
              {t('form.fixErrors', { count: errorCount })}
            </span>
          )}
          {failure && (
            <span className="field-error" data-testid="form-failure" role="alert">
              {t('form.saveFailed')} <ErrorDetail error={failure} />
            </span>
          )}
        </div>
        <button type="button" className="btn" onClick={cancel} data-testid="case-cancel">
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={saving} data-testid="case-save">
          {saving ? t('form.saving') : original ? t('form.saveChanges') : t('form.saveNew')}
        </button>
      </div>
    </form>
  )
}

function focusFirstInvalid(): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('.case-form [aria-invalid="true"]')?.focus())
}
