import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { EXPORT_FORMATS, EXPORT_KINDS, REPORT_LANGUAGES, type ExportRunInput } from '../../../../preload/api'
import { NATIVE_NAMES } from '../../i18n/languages'
import { EnumSelect } from '../../ui/EnumSelect'
import { Field } from '../../ui/Field'
import type { FieldErrors } from '../../ui/field-error'
import { currentMonth, monthRange } from '../../ui/month'
import { CounterpartSelect } from '../link/CounterpartSelect'
import { exportInput, FILTERS_OF, reportLanguageOf, type ExportChoice } from './export-choice'

/** File formats as everyone writes them; what each is for comes from the locale. */
const FORMAT_NAMES = { csv: 'CSV', xlsx: 'XLSX', json: 'JSON', pdf: 'PDF' } as const

interface Props {
  busy: boolean
  onRun: (input: ExportRunInput) => void
}

/** What to export, in which format, which rows: only the filters the chosen rows carry are offered. */
export function ExportForm({ busy, onRun }: Props) {
  const { t, i18n } = useTranslation()
  const [choice, setChoice] = useState<ExportChoice>(() => ({
    what: 'cases',
    format: 'csv',
    from: '',
    to: '',
    category: '',
    status: '',
    agency: '',
    includeVoided: false,
    counterpart: '',
    month: currentMonth(),
    language: reportLanguageOf(i18n.resolvedLanguage)
  }))
  const [rangeMonth, setRangeMonth] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const set = <K extends keyof ExportChoice>(key: K, value: ExportChoice[K]) => {
    setChoice((c) => ({ ...c, [key]: value }))
    setErrors({})
  }
  const report = choice.format === 'pdf'
  const applies = FILTERS_OF[choice.what]

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const checked = exportInput(choice)
    if (!checked.ok) return setErrors(checked.errors)
    onRun(checked.input)
  }

  const pickMonth = (month: string) => {
    setRangeMonth(month)
    if (!month) return
    const range = monthRange(month)
    setChoice((c) => ({ ...c, ...range }))
    setErrors({})
  }

  return (
    <form className="detail-section export-form" onSubmit={submit} noValidate data-testid="export-form">
      <h2>{t('exports.new')}</h2>
      <fieldset className="choice-group">
        <legend className="field-label">{t('exports.format')}</legend>
        <div className="segmented">
          {EXPORT_FORMATS.map((format) => (
            <label key={format} className={`segment${choice.format === format ? ' is-active' : ''}`}>
              <input type="radio" name="export-format" value={format} checked={choice.format === format} data-testid={`export-format-${format}`} onChange={() => set('format', format)} />
              <strong>{FORMAT_NAMES[format]}</strong>
              <span className="segment-note">{t(`exports.formats.${format}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      {report ? (
        <div className="field-row export-row">
          <Field path="month" label={t('exports.reportMonth')} required error={errors.month}>
            {(p) => <input {...p} type="month" value={choice.month} onChange={(e) => set('month', e.target.value)} />}
          </Field>
          <Field path="language" label={t('exports.reportLanguage')} error={errors.language}>
            {(p) => (
              <select {...p} value={choice.language} onChange={(e) => set('language', e.target.value as ExportChoice['language'])}>
                {REPORT_LANGUAGES.map((language) => (
                  <option key={language} value={language} lang={language}>
                    {NATIVE_NAMES[language]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <p className="muted export-note">{t('exports.reportNote')}</p>
        </div>
      ) : (
        <>
          <fieldset className="choice-group">
            <legend className="field-label">{t('exports.what')}</legend>
            <div className="segmented">
              {EXPORT_KINDS.map((kind) => (
                <label key={kind} className={`segment${choice.what === kind ? ' is-active' : ''}`}>
                  <input type="radio" name="export-what" value={kind} checked={choice.what === kind} data-testid={`export-what-${kind}`} onChange={() => set('what', kind)} />
                  <strong>{t(`enums.exportKind.${kind}`)}</strong>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="field-row export-row">
            <Field path="rangeMonth" label={t('exports.wholeMonth')} hint={t('exports.wholeMonthHint')}>
              {(p) => <input {...p} type="month" value={rangeMonth} onChange={(e) => pickMonth(e.target.value)} />}
            </Field>
            <Field path="filters.from" label={t(`exports.dateOf.${choice.what}`)} error={errors['filters.from']}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={choice.from}
                  onChange={(e) => {
                    setRangeMonth('')
                    set('from', e.target.value)
                  }}
                />
              )}
            </Field>
            <Field path="filters.to" label={t('list.to')} error={errors['filters.to']}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={choice.to}
                  onChange={(e) => {
                    setRangeMonth('')
                    set('to', e.target.value)
                  }}
                />
              )}
            </Field>
          </div>
          {applies.length > 0 && (
            <div className="field-row export-row">
              {applies.includes('category') && (
                <Field path="filters.category" label={t('list.columns.category')} error={errors['filters.category']}>
                  {(p) => <EnumSelect {...p} group="category" value={choice.category} emptyLabel={t('list.any')} onChange={(v) => set('category', v)} />}
                </Field>
              )}
              {applies.includes('status') && (
                <Field path="filters.status" label={t('list.columns.status')} error={errors['filters.status']}>
                  {(p) => <EnumSelect {...p} group="status" value={choice.status} emptyLabel={t('list.any')} onChange={(v) => set('status', v)} />}
                </Field>
              )}
              {applies.includes('agency') && (
                <Field path="filters.agency" label={t('list.columns.agency')} error={errors['filters.agency']}>
                  {(p) => <EnumSelect {...p} group="agency" value={choice.agency} emptyLabel={t('list.any')} onChange={(v) => set('agency', v)} />}
                </Field>
              )}
              {applies.includes('counterpart') && (
                <Field path="filters.counterpart" label={t('exchange.audience.filter')} error={errors['filters.counterpart']}>
                  {(p) => <CounterpartSelect {...p} value={choice.counterpart} onChange={(id) => set('counterpart', id)} />}
                </Field>
              )}
              {applies.includes('includeVoided') && (
                <label className="filter-check export-check">
                  <input type="checkbox" checked={choice.includeVoided} data-testid="export-include-voided" onChange={(e) => set('includeVoided', e.target.checked)} />
                  <span>{t('exports.includeVoided')}</span>
                </label>
              )}
            </div>
          )}
        </>
      )}
      <div className="form-actions">
        <span className="muted export-where">{t('exports.where')}</span>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="export-run">
          {t('exports.run')}
        </button>
      </div>
    </form>
  )
}
