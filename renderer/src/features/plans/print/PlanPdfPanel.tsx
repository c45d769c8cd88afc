import { useTranslation } from 'react-i18next'
import { PLAN_ORDER } from '../../../../../preload/api'
import { reportLanguageOf } from '../../exports/export-choice'
import { ExportStatus } from '../../exports/ExportStatus'
import { useExportRun } from '../../exports/use-export-run'

interface Props {
  planId: string
}

/**
 * The plan as a printable operation order, in the screen's language: the station writes the PDF with its
 * signed manifest into its exports folder and this panel shows where (a browser on the station host has no
 * download), as the exports screen does.
 */
export function PlanPdfPanel({ planId }: Props) {
  const { t, i18n } = useTranslation()
  const { running, results, error, run, cancel } = useExportRun()
  const language = reportLanguageOf(i18n.resolvedLanguage)
  return (
    <section className="plan-print" data-testid="plan-print">
      <p className="muted">{t('planPdf.intro')}</p>
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="plan-export-pdf"
          disabled={running !== null}
          onClick={() => void run({ format: 'pdf', what: PLAN_ORDER, plan: planId, language })}
        >
          {t('planPdf.export')}
        </button>
      </div>
      {(running || error || results[0]) && <ExportStatus running={running} latest={results[0]} error={error} onCancel={cancel} />}
    </section>
  )
}
