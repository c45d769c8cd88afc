import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportVerification } from '../../../../preload/api'
import { useApi } from '../../api/ApiContext'
import { toApiError, type ApiError } from '../../api/api-error'
import { useFormatters } from '../../i18n/format'
import { FailureNote } from '../../ui/ErrorDetail'
import { Field } from '../../ui/Field'
import { useKindLabel } from './use-kind-label'

interface Props {
  path: string
  onPath: (path: string) => void
}

/** Is this file exactly what a station exported? Every check that failed is named, with the station's detail. */
export function VerifyFile({ path, onPath }: Props) {
  const { t } = useTranslation()
  const kindLabel = useKindLabel()
  const api = useApi()
  const fmt = useFormatters()
  const [result, setResult] = useState<ExportVerification | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!path.trim()) return setError(null)
    setBusy(true)
    setError(null)
    setResult(null)
    try {
      setResult(await api.invoke('export.verify', { path: path.trim() }))
    } catch (caught) {
      setError(toApiError(caught))
    } finally {
      setBusy(false)
    }
  }

  const claimed = result?.claimed
  const what = claimed ? kindLabel(claimed.what) : ''
  return (
    <form className="detail-section verify-file" onSubmit={submit} noValidate data-testid="verify-file">
      <h2>{t('exports.verify.title')}</h2>
      <p className="muted">{t('exports.verify.intro')}</p>
      <div className="field-row verify-row">
        <Field path="verifyPath" label={t('exports.verify.path')} className="grow">
          {(p) => (
            <input
              {...p}
              className="mono"
              value={path}
              maxLength={4096}
              spellCheck={false}
              placeholder="/…/exports/cases-….csv"
              onChange={(e) => {
                onPath(e.target.value)
                setResult(null)
              }}
            />
          )}
        </Field>
        <button type="submit" className="btn btn-primary" disabled={busy || !path.trim()} data-testid="verify-submit">
          {t('exports.verify.run')}
        </button>
      </div>
      <FailureNote error={error} />
      {result?.ok && claimed && (
        <div className="verify-result verify-ok" role="status" data-testid="verify-result" data-ok="true">
          <strong>{t('exports.verify.ok')}</strong>
          <p>
            {t('exports.verify.okBody', {
              what,
              rows: fmt.number(claimed.rows),
              station: claimed.station.name,
              stationId: claimed.station.stationId,
              at: fmt.dateTime(claimed.exportedAt),
              by: claimed.exportedBy
            })}
          </p>
        </div>
      )}
      {result && !result.ok && (
        <div className="inline-alert verify-result" role="alert" data-testid="verify-result" data-ok="false">
          <strong>{t('exports.verify.failed')}</strong>
          <ul className="verify-problems">
            {result.problems.map((problem, i) => (
              <li key={i} data-testid="verify-problem" data-check={problem.check}>
                <strong>{t(`exports.verify.checks.${problem.check}`)}</strong> <span className="error-raw">{problem.message}</span>
              </li>
            ))}
          </ul>
          {claimed && <p className="muted">{t('exports.verify.claimed', { what, station: claimed.station.name, stationId: claimed.station.stationId, at: fmt.dateTime(claimed.exportedAt) })}</p>}
        </div>
      )}
    </form>
  )
}
