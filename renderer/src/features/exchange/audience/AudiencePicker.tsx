import { useTranslation } from 'react-i18next'
import type { FieldError } from '../../../ui/field-error'
import { useLink } from '../../link/LinkContext'

interface Props {
  value: readonly string[]
  onChange: (audience: string[]) => void
  /** Counterparts it already goes to: shown ticked, not removable here (a withdrawal removes them). */
  fixed?: readonly string[]
  error?: FieldError
  /** The legend; "Send to" unless the choice is another one (who plans together). */
  label?: string
}

/**
 * "Send to": one tick per paired counterpart, so an office with several never sends a record to the wrong
 * side of the wrong border by default. The station enforces the same rule; this only makes the choice visible.
 */
export function AudiencePicker({ value, onChange, fixed = [], error, label }: Props) {
  const { t } = useTranslation()
  const { status } = useLink()
  const peers = status?.peers ?? []
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id))
  return (
    <fieldset className={`audience-picker${error ? ' has-error' : ''}`} data-testid="audience-picker">
      <legend className="field-label">
        {label ?? t('exchange.audience.label')}
        <span className="required-mark" aria-hidden="true"> *</span>
      </legend>
      {peers.length === 0 && <p className="muted">{t('exchange.audience.none')}</p>}
      <div className="audience-options">
        {peers.map((p) => {
          const already = fixed.includes(p.stationId)
          return (
            <label key={p.stationId} className="audience-option" title={p.stationId}>
              <input
                type="checkbox"
                data-testid={`audience-${p.stationId}`}
                checked={already || value.includes(p.stationId)}
                disabled={already}
                onChange={(e) => toggle(p.stationId, e.target.checked)}
              />
              <span>{p.name || p.stationId}</span>
              {already && <span className="badge">{t('exchange.audience.already')}</span>}
            </label>
          )
        })}
      </div>
      {error && (
        <span className="field-error" data-testid="error-to" role="alert">
          {error.raw ?? t(error.key ?? 'validation.format', error.params)}
        </span>
      )}
    </fieldset>
  )
}
