import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_SHARE_FIELDS, SHARE_FIELDS, type Case, type RecordDetail, type ShareField } from '../../../../../preload/api'
import { useApi } from '../../../api/ApiContext'
import { toApiError, type ApiError } from '../../../api/api-error'
import { useFormatters } from '../../../i18n/format'
import { FormDialog } from '../../../ui/FormDialog'
import { errorsFromApi, type FieldError } from '../../../ui/field-error'
import { AudiencePicker } from '../audience/AudiencePicker'
import { useAudience } from '../audience/use-audience'
import { ALWAYS_SHARED, isPersonal, SHARE_SECTIONS } from './share-groups'
import { SharePreview } from './SharePreview'

interface Props {
  target: Case
  /** What was shared of this case before, if anything. */
  shared: RecordDetail | null
  onDone: (detail: RecordDetail) => void
  onClose: () => void
}

/**
 * Sharing a case with the counterpart: the officer picks the field groups (personal data stays home unless
 * ticked), sees what will go across, and knows whether this shares anew or corrects an earlier share.
 */
export function ShareDialog({ target, shared, onDone, onClose }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const fmt = useFormatters()
  const previous = shared && !shared.record.withdrawn ? shared.record.fields : DEFAULT_SHARE_FIELDS
  const [fields, setFields] = useState<ReadonlySet<ShareField>>(() => new Set<ShareField>([ALWAYS_SHARED, ...previous]))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [audienceError, setAudienceError] = useState<FieldError | undefined>()
  const { audience, setAudience, remember } = useAudience()
  const sharedWith = shared?.audience ?? []
  const personalTicked = [...fields].filter(isPersonal)

  const toggle = (field: ShareField, on: boolean) =>
    setFields((current) => {
      const next = new Set(current)
      if (on) next.add(field)
      else next.delete(field)
      return next
    })

  const confirm = async () => {
    const to = [...new Set([...sharedWith, ...audience])]
    if (!to.length) {
      setAudienceError({ key: 'exchange.audience.required' })
      return
    }
    setBusy(true)
    setError(null)
    setAudienceError(undefined)
    try {
      const detail = await api.invoke('exchange.share', { caseId: target.id, fields: SHARE_FIELDS.filter((f) => fields.has(f)), to })
      remember()
      onDone(detail)
    } catch (e) {
      const failure = toApiError(e)
      const onAudience = failure.code === 'invalid_input' ? errorsFromApi(failure.issues).to : undefined
      if (onAudience) setAudienceError(onAudience)
      else setError(failure)
      setBusy(false)
    }
  }

  const record = shared?.record
  const correcting = Boolean(record && !record.withdrawn)
  return (
    <FormDialog
      wide
      title={t('exchange.share.title', { ref: target.ref })}
      testId="share-dialog"
      onClose={onClose}
      onSubmit={confirm}
      failure={error}
      failureTestId="share-error"
      busy={busy}
      submitTestId="share-confirm"
      submitLabel={correcting ? t('exchange.share.confirmCorrection') : t('exchange.share.confirm')}
    >
      <p className={record ? 'inline-alert alert-info' : 'muted'} data-testid="share-state">
        {!record && t('exchange.share.notShared')}
        {record &&
          !record.withdrawn &&
          t('exchange.share.alreadyShared', { at: fmt.dateTime(record.updatedAt), by: record.updatedBy || '—', revision: record.revision })}
        {record?.withdrawn && t('exchange.share.wasWithdrawn', { at: fmt.dateTime(record.withdrawn.at), revision: record.revision })}
      </p>
      <AudiencePicker value={audience} onChange={setAudience} fixed={sharedWith} error={audienceError} />
      <div className="share-layout">
        <fieldset className="share-picker" data-testid="share-picker">
          <legend className="field-label">{t('exchange.share.pick')}</legend>
          {SHARE_SECTIONS.map((section) => (
            <div key={section.key} className="share-section">
              <p className="share-section-title">{t(`exchange.share.sections.${section.key}`)}</p>
              {section.fields.map((field) => (
                <label key={field} className={`share-option${isPersonal(field) ? ' is-personal' : ''}`}>
                  <input
                    type="checkbox"
                    data-testid={`share-field-${field}`}
                    checked={fields.has(field)}
                    disabled={field === ALWAYS_SHARED}
                    onChange={(e) => toggle(field, e.target.checked)}
                  />
                  <span className="share-option-text">
                    <span className="share-option-label">
                      {t(`enums.shareField.${field}`)}
                      {isPersonal(field) && <span className="badge badge-personal">{t('exchange.share.personal')}</span>}
                    </span>
                    <span className="field-hint">{t(`exchange.share.hints.${field}`)}</span>
                  </span>
                </label>
              ))}
            </div>
          ))}
        </fieldset>
        <div className="share-preview-pane">
          <p className="field-label">{t('exchange.share.preview')}</p>
          {personalTicked.length > 0 && (
            <p className="inline-alert alert-warning" role="alert" data-testid="share-personal-warning">
              <strong>{t('exchange.share.personalWarningTitle')}</strong>{' '}
              {t('exchange.share.personalWarning', { fields: personalTicked.map((f) => t(`enums.shareField.${f}`)).join(', ') })}
            </p>
          )}
          <SharePreview c={target} fields={fields} />
        </div>
      </div>
      {correcting && <p className="muted">{t('exchange.share.correctionNote')}</p>}
    </FormDialog>
  )
}
