import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditVerification } from '../../../../preload/api'
import { useApi } from '../../api/ApiContext'
import { toApiError, type ApiError } from '../../api/api-error'
import { useFormatters } from '../../i18n/format'
import { FailureNote } from '../../ui/ErrorDetail'

/**
 * Walks the whole hash chain at the station and says "intact", or names the first entry that does not verify
 * and why, in plain words (the station's own sentence beside it), with a way to look at that entry.
 */
export function VerifyTrail({ onShowEntry }: { onShowEntry: (id: number) => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const fmt = useFormatters()
  const [result, setResult] = useState<AuditVerification | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [checkedAt, setCheckedAt] = useState('')

  const verify = async () => {
    setBusy(true)
    setError(null)
    try {
      setResult(await api.invoke('audit.verify', {}))
      setCheckedAt(new Date().toISOString())
    } catch (caught) {
      setError(toApiError(caught))
    } finally {
      setBusy(false)
    }
  }

  const failure = result?.failure
  return (
    <section className="detail-section audit-verify" data-testid="audit-verify-panel">
      <div className="section-head">
        <h2>{t('audit.verify.title')}</h2>
        <button type="button" className="btn btn-primary btn-small" disabled={busy} data-testid="audit-verify" onClick={() => void verify()}>
          {busy ? t('audit.verify.busy') : t('audit.verify.run')}
        </button>
      </div>
      {!result && !error && <p className="muted">{t('audit.verify.intro')}</p>}
      <FailureNote error={error} />
      {result && result.intact && (
        <p className="verify-result verify-ok" role="status" data-testid="audit-verify-result" data-intact="true">
          <strong>{t('audit.verify.intact', { count: result.verified })}</strong>{' '}
          {result.head && <span className="muted">{t('audit.verify.head', { id: result.head.id, hash: result.head.hash.slice(0, 16) })}</span>}
        </p>
      )}
      {result && failure && (
        <div className="inline-alert verify-result" role="alert" data-testid="audit-verify-result" data-intact="false" data-entry={failure.entryId} data-reason={failure.reason}>
          <strong>{t('audit.verify.broken', { id: failure.entryId })}</strong>
          <p>{t(`audit.verify.reasons.${failure.reason}`, { id: failure.entryId })}</p>
          <p className="muted">{t('audit.verify.verifiedBefore', { count: result.verified })}</p>
          <p className="error-raw">{failure.message}</p>
          {failure.reason !== 'entry_missing' && (
            <div className="alert-actions">
              <button type="button" className="btn btn-small" data-testid="audit-show-entry" onClick={() => onShowEntry(failure.entryId)}>
                {t('audit.verify.showEntry', { id: failure.entryId })}
              </button>
            </div>
          )}
        </div>
      )}
      {result && <p className="muted verify-when">{t('audit.verify.checkedAt', { at: fmt.dateTime(checkedAt) })}</p>}
    </section>
  )
}
