import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { CounterpartInput, type PairedStation } from '../../../../preload/api'
import { useApi } from '../../api/ApiContext'
import { toApiError, type ApiError } from '../../api/api-error'
import { FailureNote } from '../../ui/ErrorDetail'
import { Field, type ControlProps } from '../../ui/Field'
import { errorsFromApi, type FieldErrors } from '../../ui/field-error'
import { errorsFromZod } from '../cases/form/field-errors'

const EMPTY = { stationId: '', address: '', name: '' }

/** Pairing a counterpart: its ID and address, both checked with its officers by phone or on its printed card. */
export function PairForm({ onPaired }: { onPaired: (peer: PairedStation) => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [draft, setDraft] = useState(EMPTY)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<PairedStation | null>(null)

  const set = (key: keyof typeof EMPTY, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }))
    setErrors((e) => {
      const next = { ...e }
      delete next[key]
      return next
    })
    setDone(null)
  }

  /** An ID or an address, typed exactly as the counterpart read it out: no spelling help, no suggestions. */
  const codeInput = (key: 'stationId' | 'address', maxLength: number, placeholder: string) => (p: ControlProps) => (
    <input
      {...p}
      className="mono"
      value={draft[key]}
      maxLength={maxLength}
      autoComplete="off"
      spellCheck={false}
      placeholder={placeholder}
      onChange={(e) => set(key, e.target.value)}
    />
  )

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setFailure(null)
    const input = { stationId: draft.stationId, address: draft.address, ...(draft.name.trim() ? { name: draft.name } : {}) }
    const parsed = CounterpartInput.safeParse(input)
    if (!parsed.success) {
      setErrors(errorsFromZod(parsed.error.issues, input))
      return
    }
    setBusy(true)
    try {
      const peer = await api.invoke('counterparts.add', input)
      setDraft(EMPTY)
      setErrors({})
      setDone(peer)
      onPaired(peer)
    } catch (caught) {
      const error = toApiError(caught)
      if (error.code === 'invalid_input' && error.issues.length > 0) setErrors(errorsFromApi(error.issues))
      else setFailure(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="detail-section pair-form" onSubmit={submit} noValidate data-testid="pair-form">
      <h2>{t('link.pair.title')}</h2>
      <p className="muted">{t('link.pair.intro')}</p>
      <Field path="stationId" label={t('link.pair.stationId')} required error={errors.stationId} hint={t('link.pair.stationIdHint')}>
        {codeInput('stationId', 100, 'ABCD-EFGH-…')}
      </Field>
      <div className="field-row">
        <Field path="address" label={t('link.pair.address')} required error={errors.address} hint={t('link.pair.addressHint')} className="grow">
          {codeInput('address', 300, '192.0.2.10:47470')}
        </Field>
        <Field path="name" label={t('link.pair.name')} error={errors.name} hint={t('link.pair.nameHint')} className="grow">
          {(p) => <input {...p} value={draft.name} maxLength={200} onChange={(e) => set('name', e.target.value)} />}
        </Field>
      </div>
      <div className="form-actions">
        <FailureNote inline error={failure} testId="pair-failure" />
        {done && (
          <span className="ok-note" role="status" data-testid="pair-done">
            {t('link.pair.done', { name: done.name || done.stationId })}
          </span>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="pair-submit">
          {t('link.pair.submit')}
        </button>
      </div>
    </form>
  )
}
