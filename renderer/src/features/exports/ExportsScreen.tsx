import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportResult } from '../../../../preload/api'
import { useFormatters } from '../../i18n/format'
import { TableHead } from '../../ui/TableHead'
import { ExportForm } from './ExportForm'
import { ExportStatus } from './ExportStatus'
import { useExportRun } from './use-export-run'
import { useKindLabel } from './use-kind-label'
import { VerifyFile } from './VerifyFile'

/** Signed exports for the national coordinator or UNODC, and the check that a file is exactly as exported. */
export function ExportsScreen() {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const kindLabel = useKindLabel()
  const { running, results, error, run, cancel } = useExportRun()
  const [verifyPath, setVerifyPath] = useState('')
  const done = results.filter((r): r is Extract<ExportResult, { status: 'done' }> => r.status === 'done')
  return (
    <div className="exports-screen" data-testid="exports-screen">
      <div className="exports-grid">
        <ExportForm busy={running !== null} onRun={(input) => void run(input)} />
        <ExportStatus running={running} latest={results[0]} error={error} onCancel={cancel} onVerify={setVerifyPath} />
      </div>
      <VerifyFile path={verifyPath} onPath={setVerifyPath} />
      {done.length > 0 && (
        <section className="detail-section" data-testid="export-history">
          <h2>{t('exports.history')}</h2>
          <table className="data-table">
            <TableHead columns={[t('exports.what'), t('exports.format'), { label: t('exports.rows'), num: true }, t('exports.file'), 'SHA-256', null]} />
            <tbody>
              {done.map((r) => (
                <tr key={r.id} data-testid="export-history-row" data-format={r.format}>
                  <td>{kindLabel(r.what)}</td>
                  <td className="mono">{r.format.toUpperCase()}</td>
                  <td className="num">{fmt.number(r.rows)}</td>
                  <td className="mono selectable export-path-cell">{r.path}</td>
                  <td className="mono" title={r.sha256}>
                    {r.sha256.slice(0, 12)}…
                  </td>
                  <td>
                    <button type="button" className="btn btn-small btn-quiet" onClick={() => setVerifyPath(r.path)}>
                      {t('exports.verifyThis')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  )
}
