import { useTranslation } from 'react-i18next'
import type { CaseVersion } from '../../../../../preload/api'
import { useFormatters } from '../../../i18n/format'
import { LoadFailed, StateMessage } from '../../../ui/StateMessage'
import { useCaseHistory } from '../use-case'
import { diffCases, type Change } from './case-diff'
import { useCaseLabels } from './use-case-labels'

/** Long texts (the narrative) would swamp the timeline: show the start, the full text on hover. */
const CLIP = 140
const clip = (s: string) => (s.length > CLIP ? `${s.slice(0, CLIP)}…` : s)

export function CaseHistory({ caseId }: { caseId: string }) {
  const { t } = useTranslation()
  const history = useCaseHistory(caseId)
  if (history.error) {
    return (
      <LoadFailed title={t('history.loadError')} error={history.error} onRetry={history.reload} small />
    )
  }
  if (!history.data) return <StateMessage tone="loading" title={t('history.loading')} />
  const versions = [...history.data].sort((a, b) => a.version - b.version)
  return (
    <ol className="history" data-testid="case-history">
      {versions
        .map((v, i) => <HistoryEntry key={v.version} version={v} previous={versions[i - 1]} />)
        .reverse()}
    </ol>
  )
}

function HistoryEntry({ version, previous }: { version: CaseVersion; previous?: CaseVersion }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const changes = previous ? diffCases(previous.snapshot, version.snapshot) : []
  const note = version.note || (version.change === 'void' ? (version.snapshot.voided?.reason ?? '') : '')
  return (
    <li className={`history-entry change-${version.change}`} data-testid="history-entry" data-version={version.version}>
      <div className="history-head">
        <span className="history-version">v{version.version}</span>
        <span className={`badge change-badge change-${version.change}`}>{t(`enums.change.${version.change}`)}</span>
        <span className="history-who">{version.by || t('history.unknownUser')}</span>
        <time className="history-when" dateTime={version.at}>
          {fmt.dateTime(version.at)}
        </time>
      </div>
      {note && <p className="history-note">“{note}”</p>}
      {changes.length > 0 && (
        <ul className="diff">
          {changes.map((change, i) => (
            <ChangeLine key={i} change={change} />
          ))}
        </ul>
      )}
      {previous && changes.length === 0 && version.change === 'edit' && <p className="muted">{t('history.noVisibleChange')}</p>}
    </li>
  )
}

function ChangeLine({ change }: { change: Change }) {
  const { t } = useTranslation()
  const labels = useCaseLabels()
  if (change.kind === 'field' || change.kind === 'entry') {
    const label =
      change.kind === 'field'
        ? labels.fieldLabel(change.field)
        : `${labels.entryLabel(change.list, change.index)} · ${labels.entryFieldLabel(change.list, change.field)}`
    const before = labels.value(change.field, change.before)
    const after = labels.value(change.field, change.after)
    return (
      <li className="diff-changed">
        <span className="diff-field">{label}</span>:{' '}
        <del className="diff-before" title={before}>
          {clip(before)}
        </del>{' '}
        <span aria-hidden="true">→</span>{' '}
        <ins className="diff-after" title={after}>
          {clip(after)}
        </ins>
      </li>
    )
  }
  return (
    <li className={`diff-${change.kind}`}>
      <span className="diff-field">{labels.entryLabel(change.list, change.index)}</span>{' '}
      <span className="diff-verb">{t(`history.${change.kind}`)}</span>:{' '}
      <span className="diff-value">{labels.entrySummary(change.list, change.entry)}</span>
    </li>
  )
}
