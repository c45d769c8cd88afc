import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlanDetail, PlanVersionInfo } from '../../../../../preload/api'
import { useFormatters } from '../../../i18n/format'
import { shortHash } from '../signoff/short-hash'
import { usePlanLabels } from '../use-plan-labels'
import { DiffDialog } from './DiffDialog'
import { RestoreDialog } from './RestoreDialog'
import { SaveVersionDialog } from './SaveVersionDialog'
import { useVersionLabel } from './use-version-label'
import { VersionDialog } from './VersionDialog'

interface Props {
  detail: PlanDetail
  onChanged: (detail: PlanDetail) => void
  onSaved: () => void
}

type Open =
  | { kind: 'save' }
  | { kind: 'view'; version: PlanVersionInfo }
  | { kind: 'restore'; version: PlanVersionInfo }
  | { kind: 'diff'; from: string; to: string }
  | null

const CURRENT = 'current'

/** Named versions (each agreement, and any saved on purpose): view one, compare two, restore one as a new edit. */
export function HistoryPanel({ detail, onChanged, onSaved }: Props) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const labels = usePlanLabels()
  const versionLabel = useVersionLabel(detail.versions)
  const [open, setOpen] = useState<Open>(null)
  const versions = [...detail.versions].reverse()
  const [from, setFrom] = useState('')
  const [to, setTo] = useState(CURRENT)
  const fromValue = from || versions[0]?.id || ''
  const name = (ref: string) => {
    const version = detail.versions.find((v) => v.id === ref)
    return version ? versionLabel(version) : t('plans.history.current')
  }

  return (
    <section className="history-panel" data-testid="history-panel">
      <div className="history-actions">
        <button type="button" className="btn btn-small" data-testid="save-version" onClick={() => setOpen({ kind: 'save' })}>
          + {t('plans.history.save')}
        </button>
      </div>
      {versions.length === 0 ? (
        <p className="muted" data-testid="history-empty">
          {t('plans.history.empty')}
        </p>
      ) : (
        <>
          <div className="history-compare" role="group" aria-label={t('plans.history.compare')}>
            <label className="filter">
              <span>{t('plans.history.from')}</span>
              <select data-testid="diff-from" value={fromValue} onChange={(e) => setFrom(e.target.value)}>
                <VersionOptions versions={versions} label={versionLabel} />
              </select>
            </label>
            <label className="filter">
              <span>{t('plans.history.to')}</span>
              <select data-testid="diff-to" value={to} onChange={(e) => setTo(e.target.value)}>
                <option value={CURRENT}>{t('plans.history.current')}</option>
                <VersionOptions versions={versions} label={versionLabel} />
              </select>
            </label>
            <button type="button" className="btn btn-small" data-testid="diff-compare" disabled={!fromValue || fromValue === to} onClick={() => setOpen({ kind: 'diff', from: fromValue, to })}>
              {t('plans.history.compareButton')}
            </button>
          </div>
          <ol className="history plan-versions">
            {versions.map((version) => (
              <li key={version.id} className={`history-entry version-${version.kind}`} data-testid="plan-version" data-version-id={version.id} data-kind={version.kind}>
                <div className="history-head">
                  <strong className="version-name" data-testid="version-name">
                    {versionLabel(version)}
                  </strong>
                  <span className={`badge change-badge version-kind-${version.kind}`}>{t(`enums.versionKind.${version.kind}`)}</span>
                </div>
                <div className="history-head">
                  {version.by && <span className="history-who">{version.by}</span>}
                  <span className="muted">{labels.side(version.station)}</span>
                  <time className="history-when" dateTime={version.at}>
                    {fmt.dateTime(version.at)}
                  </time>
                  <code className="mono version-hash" title={version.contentHash}>
                    {shortHash(version.contentHash)}
                  </code>
                </div>
                <div className="version-actions">
                  <button type="button" className="btn btn-link" data-testid="version-view" onClick={() => setOpen({ kind: 'view', version })}>
                    {t('plans.history.view')}
                  </button>
                  <button type="button" className="btn btn-link" data-testid="version-compare" onClick={() => setOpen({ kind: 'diff', from: version.id, to: CURRENT })}>
                    {t('plans.history.compareWithCurrent')}
                  </button>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
      {open?.kind === 'save' && (
        <SaveVersionDialog
          planId={detail.id}
          onClose={() => setOpen(null)}
          onSaved={() => {
            setOpen(null)
            onSaved()
          }}
        />
      )}
      {open?.kind === 'view' && <VersionDialog planId={detail.id} version={open.version} versions={detail.versions} onClose={() => setOpen(null)} onRestore={() => setOpen({ kind: 'restore', version: open.version })} />}
      {open?.kind === 'restore' && (
        <RestoreDialog
          planId={detail.id}
          version={open.version}
          versions={detail.versions}
          onClose={() => setOpen(null)}
          onRestored={(next) => {
            setOpen(null)
            onChanged(next)
          }}
        />
      )}
      {open?.kind === 'diff' && <DiffDialog planId={detail.id} from={open.from} to={open.to} fromName={name(open.from)} toName={name(open.to)} onClose={() => setOpen(null)} />}
    </section>
  )
}

/** One option a version, named and dated. */
function VersionOptions({ versions, label }: { versions: readonly PlanVersionInfo[]; label: (version: PlanVersionInfo) => string }) {
  const fmt = useFormatters()
  return versions.map((v) => (
    <option key={v.id} value={v.id}>
      {label(v)} · {fmt.dateTime(v.at)}
    </option>
  ))
}
