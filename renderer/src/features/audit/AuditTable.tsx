import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditEntry } from '../../../../preload/api'
import { useFormatters } from '../../i18n/format'
import { entryLines, isMoment, valueGroup, type DetailLine } from './audit-detail'
import { TableHead } from '../../ui/TableHead'

const INLINE_LINES = 3

/** An action's label when we have one ("case.edit" → "Case edited"), else the action as recorded. */
export function useActionLabel(): (action: string) => string {
  const { t, i18n } = useTranslation()
  return (action) => (i18n.exists(`audit.actions.${action}`) ? t(`audit.actions.${action}`) : action)
}

/** A recorded key in the reader's language, segment by segment where the locale names it ("approvals.by" → "Approval › By"). */
function useKeyLabel(): (key: string) => string {
  const { t, i18n } = useTranslation()
  return (key) =>
    key
      .split('.')
      .map((part) => (i18n.exists(`audit.detailKeys.${part}`) ? t(`audit.detailKeys.${part}`) : part))
      .join(' › ')
}

function Line({ line, action }: { line: DetailLine; action: string }) {
  const { t, i18n } = useTranslation()
  const fmt = useFormatters()
  const keyLabel = useKeyLabel()
  const group = valueGroup(action, line.key)
  const value = (code: string) => {
    if (group && i18n.exists(`${group}.${code}`)) return t(`${group}.${code}`)
    return isMoment(line.key, code) ? fmt.dateTime(code) : code
  }
  return (
    <li title={line.full}>
      <span className="audit-key">{keyLabel(line.key)}</span>{' '}
      {'value' in line ? (
        <span className="audit-value">{value(line.value)}</span>
      ) : (
        <>
          <del>{value(line.before)}</del> → <ins>{value(line.after)}</ins>
        </>
      )}
    </li>
  )
}

/** Entries newest first; a row opens to show everything it recorded and the hashes that chain it. */
export function AuditTable({ rows, highlight }: { rows: AuditEntry[]; highlight: number | null }) {
  const { t, i18n } = useTranslation()
  const fmt = useFormatters()
  const actionLabel = useActionLabel()
  const [open, setOpen] = useState<number | null>(highlight)
  return (
    <table className="data-table audit-table" data-testid="audit-table">
      <TableHead
        columns={[
          '#',
          t('audit.columns.at'),
          t('audit.columns.actor'),
          t('audit.columns.action'),
          t('audit.columns.target'),
          t('audit.columns.detail')
        ]}
      />
      <tbody>
        {rows.map((entry) => {
          const lines = entryLines(entry)
          const expanded = open === entry.id
          const family = entry.action.split('.')[0]
          const toggle = () => setOpen(expanded ? null : entry.id)
          return (
            <Fragment key={entry.id}>
              <tr
                className={`audit-row${expanded ? ' is-open' : ''}${highlight === entry.id ? ' is-highlight' : ''}${family === 'access' || entry.action === 'auth.login_failed' ? ' is-refusal' : ''}`}
                data-testid="audit-row"
                data-id={entry.id}
                data-action={entry.action}
                aria-expanded={expanded}
                tabIndex={0}
                onClick={toggle}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter' && e.key !== ' ') return
                  e.preventDefault()
                  toggle()
                }}
              >
                <td className="num muted">{entry.id}</td>
                <td className="nowrap">{fmt.dateTime(entry.at)}</td>
                <td className="mono audit-actor">{entry.actor}</td>
                <td>
                  <span className={`badge audit-action family-${family}`} title={entry.action}>
                    {actionLabel(entry.action)}
                  </span>
                </td>
                <td>
                  {entry.target ? (
                    <span title={`${entry.target.type} ${entry.target.id}`}>
                      <span className="muted">{i18n.exists(`audit.targets.${entry.target.type}`) ? t(`audit.targets.${entry.target.type}`) : entry.target.type}</span>{' '}
                      {entry.target.label || entry.target.id}
                    </span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  <ul className="audit-detail">
                    {lines.slice(0, INLINE_LINES).map((line) => (
                      <Line key={line.key} line={line} action={entry.action} />
                    ))}
                    {lines.length > INLINE_LINES && !expanded && <li className="muted">{t('audit.moreDetail', { count: lines.length - INLINE_LINES })}</li>}
                  </ul>
                </td>
              </tr>
              {expanded && (
                <tr className="audit-expanded" data-testid="audit-entry-detail">
                  <td />
                  <td colSpan={5}>
                    {lines.length > INLINE_LINES && (
                      <ul className="audit-detail">
                        {lines.slice(INLINE_LINES).map((line) => (
                          <Line key={line.key} line={line} action={entry.action} />
                        ))}
                      </ul>
                    )}
                    <dl className="audit-hashes">
                      <dt>{t('audit.action')}</dt>
                      <dd className="mono">{entry.action}</dd>
                      {entry.target && (
                        <>
                          <dt>{t('audit.targetId')}</dt>
                          <dd className="mono">
                            {entry.target.type}: {entry.target.id}
                          </dd>
                        </>
                      )}
                      <dt>{t('audit.hash')}</dt>
                      <dd className="mono">{entry.hash}</dd>
                      <dt>{t('audit.prevHash')}</dt>
                      <dd className="mono">{entry.prevHash}</dd>
                    </dl>
                  </td>
                </tr>
              )}
            </Fragment>
          )
        })}
      </tbody>
    </table>
  )
}
