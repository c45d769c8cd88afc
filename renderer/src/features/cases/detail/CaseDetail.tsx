import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { NEXT_STATUS, type Case, type CaseStatus } from '../../../../../preload/api'
import { useFormatters } from '../../../i18n/format'
import { CategoryLabel, StatusBadge, VoidBadge } from '../../../ui/Badges'
import { LoadFailed, StateMessage } from '../../../ui/StateMessage'
import { ShareDialog } from '../../exchange/share/ShareDialog'
import { ShareNote } from '../../exchange/share/ShareNote'
import { useSharedRecord } from '../../exchange/share/use-shared-record'
import { WithdrawDialog } from '../../exchange/share/WithdrawDialog'
import { useCase } from '../use-case'
import { CaseHistory } from './CaseHistory'
import { CaseLists } from './CaseLists'
import { StatusDialog } from './StatusDialog'
import { useCaseLabels } from './use-case-labels'
import { VoidDialog } from './VoidDialog'

interface Props {
  caseId: string
  onBack: () => void
  onEdit: (id: string) => void
}

type Pending = { kind: 'status'; status: CaseStatus } | { kind: 'void' } | { kind: 'share' } | { kind: 'withdraw' } | null

export function CaseDetail({ caseId, onBack, onEdit }: Props) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const loaded = useCase(caseId, { live: true })
  const [pending, setPending] = useState<Pending>(null)
  const shared = useSharedRecord(caseId)

  const back = (
    <button type="button" className="btn btn-quiet" onClick={onBack} data-testid="detail-back">
      ← {t('detail.backToLog')}
    </button>
  )
  if (loaded.error) {
    return (
      <div className="case-detail">
        <div className="page-head">{back}</div>
        <LoadFailed testId="detail-error" title={loaded.error.code === 'not_found' ? t('detail.notFound') : t('detail.loadError')} error={loaded.error} onRetry={loaded.reload} />
      </div>
    )
  }
  const c = loaded.data
  if (!c) return <StateMessage tone="loading" title={t('detail.loading')} />

  const done = () => {
    setPending(null)
    loaded.reload()
  }
  const sharedDone = () => {
    setPending(null)
    shared.reload()
  }
  const canWithdraw = Boolean(shared.record && !shared.record.record.withdrawn)

  return (
    <article className="case-detail" data-testid="case-detail" data-case-id={c.id} data-version={c.version}>
      <div className="page-head">
        {back}
        <h1 className="page-title" data-testid="detail-ref">
          {c.ref}
        </h1>
        <span data-testid="detail-status" data-status={c.status}>
          <StatusBadge status={c.status} />
        </span>
        {c.voided && <VoidBadge />}
        <span className="muted" data-testid="detail-version">
          {t('detail.version', { version: c.version })}
        </span>
        <div className="page-actions">
          {!c.voided && (
            <>
              <div className="status-actions" role="group" aria-label={t('detail.status.group')}>
                {NEXT_STATUS[c.status].map((status) => (
                  <button
                    key={status}
                    type="button"
                    className="btn btn-small"
                    data-testid={`status-to-${status}`}
                    onClick={() => setPending({ kind: 'status', status })}
                  >
                    → {t(`enums.status.${status}`)}
                  </button>
                ))}
              </div>
              <button type="button" className="btn btn-small" data-testid="case-edit" onClick={() => onEdit(c.id)}>
                {t('detail.edit')}
              </button>
              <button
                type="button"
                className="btn btn-small"
                data-testid="case-share"
                disabled={shared.record === undefined && !shared.error}
                onClick={() => setPending({ kind: 'share' })}
              >
                ⇢ {t('exchange.share.button')}
              </button>
              <button type="button" className="btn btn-small btn-danger-quiet" data-testid="case-void" onClick={() => setPending({ kind: 'void' })}>
                {t('detail.void.button')}
              </button>
            </>
          )}
          {canWithdraw && (
            <button type="button" className="btn btn-small btn-danger-quiet" data-testid="case-withdraw-share" onClick={() => setPending({ kind: 'withdraw' })}>
              {t('exchange.withdraw.button')}
            </button>
          )}
        </div>
      </div>

      <ShareNote shared={shared.record} />
      {c.voided && (
        <div className="inline-alert alert-void" role="note" data-testid="detail-voided">
          <strong>{t('detail.voidedTitle')}</strong>{' '}
          {t('detail.voidedBody', { by: c.voided.by || '—', at: fmt.dateTime(c.voided.at), reason: c.voided.reason })}
        </div>
      )}

      <div className="detail-grid">
        <div className="detail-main">
          <p className="detail-summary" data-testid="detail-summary">
            {c.summary}
          </p>
          <Facts c={c} />
          <CaseLists c={c} />
          <section className="detail-section">
            <h2>{t('case.narrative')}</h2>
            {c.narrative ? (
              <p className="narrative" data-testid="detail-narrative">
                {c.narrative}
              </p>
            ) : (
              <p className="muted">{t('detail.noNarrative')}</p>
            )}
          </section>
        </div>
        <aside className="detail-aside">
          <section className="detail-section">
            <h2>{t('history.title')}</h2>
            <CaseHistory caseId={c.id} />
          </section>
        </aside>
      </div>

      {pending?.kind === 'status' && (
        <StatusDialog target={c} status={pending.status} onDone={done} onClose={() => setPending(null)} />
      )}
      {pending?.kind === 'void' && <VoidDialog target={c} onDone={done} onClose={() => setPending(null)} />}
      {pending?.kind === 'share' && (
        <ShareDialog target={c} shared={shared.record ?? null} onDone={sharedDone} onClose={() => setPending(null)} />
      )}
      {pending?.kind === 'withdraw' && shared.record && <WithdrawDialog target={c} shared={shared.record} onDone={sharedDone} onClose={() => setPending(null)} />}
    </article>
  )
}

function Facts({ c }: { c: Case }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const labels = useCaseLabels()
  const fact = (key: string, label: string, value: ReactNode) => (
    <div className="fact">
      <dt>{label}</dt>
      <dd data-testid={`detail-${key}`}>{value}</dd>
    </div>
  )
  const coordinates =
    c.lat !== undefined && c.lon !== undefined ? `${c.lat.toFixed(5)}, ${c.lon.toFixed(5)}` : '—'
  return (
    <dl className="facts">
      {fact('occurredAt', t('case.occurredAt'), fmt.dateTime(c.occurredAt))}
      {fact('category', t('case.category'), <CategoryLabel category={c.category} />)}
      {fact('agency', t('case.agency'), labels.value('agency', c.agency))}
      {fact('officer', t('case.officer'), labels.value('officer', c.officer))}
      {fact(
        'location',
        t('case.location'),
        <>
          {c.location} <span className="muted">({labels.value('locationKind', c.locationKind)})</span>
        </>
      )}
      {fact('coordinates', t('detail.coordinates'), coordinates)}
      {fact('created', t('detail.created'), t('detail.byAt', { by: c.createdBy || '—', at: fmt.dateTime(c.createdAt) }))}
      {fact('updated', t('detail.updated'), t('detail.byAt', { by: c.updatedBy || '—', at: fmt.dateTime(c.updatedAt) }))}
    </dl>
  )
}
