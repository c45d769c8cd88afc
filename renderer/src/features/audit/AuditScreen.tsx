import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditQuery } from '../../../../preload/api'
import { FailureNote } from '../../ui/ErrorDetail'
import { LoadFailed, StateMessage } from '../../ui/StateMessage'
import { useDebounced } from '../../ui/use-debounced'
import { AuditFilters, hasAuditFilters, NO_AUDIT_FILTERS, type AuditFilterValues } from './AuditFilters'
import { AuditTable } from './AuditTable'
import { useAuditPages } from './use-audit-pages'
import { VerifyTrail } from './VerifyTrail'

const TYPING_DEBOUNCE_MS = 300

function toQuery(f: AuditFilterValues): Omit<AuditQuery, 'before' | 'limit'> {
  const q: Omit<AuditQuery, 'before' | 'limit'> = {}
  if (f.actor.trim()) q.actor = f.actor.trim()
  if (f.family) q.action = f.family
  if (f.targetType) q.targetType = f.targetType
  if (f.targetId.trim()) q.targetId = f.targetId.trim()
  if (f.from) q.from = f.from
  if (f.to) q.to = f.to
  return q
}

/** Who did what, when: the station's hash-chained audit trail, filtered and paged, and its integrity check. */
export function AuditScreen() {
  const { t } = useTranslation()
  const [filters, setFilters] = useState<AuditFilterValues>(NO_AUDIT_FILTERS)
  /** Set by "show this entry": the list starts at it, whatever the filters said. */
  const [anchor, setAnchor] = useState<number | null>(null)
  const settled = useDebounced(filters, TYPING_DEBOUNCE_MS)
  const query = useMemo(() => (anchor === null ? toQuery(settled) : {}), [settled, anchor])
  const pages = useAuditPages(query, anchor === null ? undefined : anchor + 1)

  const changeFilters = (next: AuditFilterValues) => {
    setAnchor(null)
    setFilters(next)
  }
  const showEntry = (id: number) => {
    setFilters(NO_AUDIT_FILTERS)
    setAnchor(id)
  }

  const list = () => {
    if (pages.error && !pages.rows) {
      return (
        <LoadFailed title={t('audit.loadError')} error={pages.error} onRetry={pages.reload} />
      )
    }
    if (!pages.rows) return <StateMessage tone="loading" title={t('audit.loading')} />
    if (pages.rows.length === 0) {
      return <StateMessage tone="empty" testId="audit-empty" title={t(hasAuditFilters(filters) ? 'audit.noMatches' : 'audit.empty')} />
    }
    return (
      <>
        <AuditTable key={anchor ?? 'all'} rows={pages.rows} highlight={anchor} />
        <div className="audit-more">
          {pages.nextBefore !== null ? (
            <button type="button" className="btn" disabled={pages.loadingMore} data-testid="audit-more" onClick={pages.more}>
              {t('audit.more')}
            </button>
          ) : (
            <span className="muted" data-testid="audit-end">
              {t('audit.end')}
            </span>
          )}
        </div>
      </>
    )
  }

  return (
    <div className="audit-screen" data-testid="audit-screen">
      <VerifyTrail onShowEntry={showEntry} />
      <section className="detail-section">
        <div className="section-head">
          <h2>{t('audit.title')}</h2>
          {anchor !== null && (
            <button type="button" className="btn btn-small btn-quiet" data-testid="audit-show-all" onClick={() => setAnchor(null)}>
              {t('audit.showAll')}
            </button>
          )}
        </div>
        <AuditFilters value={filters} onChange={changeFilters} />
        {pages.rows && <FailureNote error={pages.error} />}
        {list()}
      </section>
    </div>
  )
}
