import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlanApproval, PlanDetail } from '../../../../../preload/api'
import { useApi } from '../../../api/ApiContext'
import { toApiError, type ApiError } from '../../../api/api-error'
import { useFormatters } from '../../../i18n/format'
import { ErrorDetail } from '../../../ui/ErrorDetail'
import { FormDialog } from '../../../ui/FormDialog'
import type { PlanSides } from '../editor/plan-sides'
import { SignoffBadge } from '../PlanBadges'
import { usePlanLabels } from '../use-plan-labels'
import { ChangesSinceAgreed } from './ChangesSinceAgreed'
import { shortHash } from './short-hash'

interface Props {
  detail: PlanDetail
  sides: PlanSides
  onChanged: (detail: PlanDetail) => void
}

/**
 * Joint sign-off: the content both supervisors approve is named by its hash. The plan is agreed only while
 * each side's valid approval names the current hash; any later edit needs a new approval from both.
 */
export function SignoffPanel({ detail, sides, onChanged }: Props) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const { signoff } = detail
  const [confirming, setConfirming] = useState(false)
  // A refusal is about the version it was made on: once the content moves on, it no longer applies
  // (except "it changed while you reviewed it", which is exactly about the content moving on).
  const [refusal, setRefusal] = useState<{ error: ApiError; hash: string } | null>(null)
  const error = refusal && (refusal.hash === signoff.contentHash || refusal.error.code === 'conflict') ? refusal.error : null
  const ours = signoff.approvals.find((a) => a.station === sides.ours)
  const approvedByUs = Boolean(ours?.valid && ours.current)
  const stations = [sides.ours, ...sides.others]

  return (
    <section className="signoff-panel" data-testid="signoff-panel" data-state={signoff.state} data-agreed={signoff.agreed}>
      <div className="signoff-summary">
        <span data-testid="signoff-state" data-state={signoff.state}>
          <SignoffBadge state={signoff.state} />
        </span>
        <span className="signoff-hash" title={signoff.contentHash}>
          {t('plans.signoff.version')}{' '}
          <code className="mono" data-testid="signoff-hash" data-hash={signoff.contentHash}>
            {shortHash(signoff.contentHash)}
          </code>
        </span>
      </div>
      <p className="muted signoff-explain">{t(`plans.signoff.${stations.length > 2 ? 'explainMany' : 'explain'}.${signoff.state}`)}</p>
      <ul className="signoff-approvals plain-list">
        {stations.map((station) => (
          <ApprovalRow key={station} station={station} ours={station === sides.ours} approval={signoff.approvals.find((a) => a.station === station)} />
        ))}
      </ul>
      {signoff.agreed && signoff.agreedVersion && (
        <p className="ok-note" data-testid="signoff-agreed">
          {t('plans.signoff.agreedAt', { at: fmt.dateTime(signoff.agreedVersion.at) })}
        </p>
      )}
      <div className="signoff-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="signoff-approve"
          disabled={approvedByUs}
          onClick={() => {
            setRefusal(null)
            setConfirming(true)
          }}
        >
          ✓ {t('plans.signoff.approve')}
        </button>
        {approvedByUs && <span className="muted">{t('plans.signoff.alreadyApproved')}</span>}
      </div>
      {error && (
        <p className="inline-alert" role="alert" data-testid="signoff-error" data-code={error.code}>
          <ErrorDetail error={error} />
        </p>
      )}
      {signoff.agreedVersion && signoff.changesSinceAgreed && <ChangesSinceAgreed planId={detail.id} agreed={signoff.agreedVersion} contentHash={signoff.contentHash} />}
      {confirming && (
        <ApproveDialog
          detail={detail}
          onClose={() => setConfirming(false)}
          onDone={(next) => {
            setConfirming(false)
            onChanged(next)
          }}
          onFailed={(e) => {
            setConfirming(false)
            setRefusal({ error: e, hash: signoff.contentHash })
          }}
        />
      )}
    </section>
  )
}

function ApprovalRow({ station, ours, approval }: { station: string; ours: boolean; approval?: PlanApproval }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const labels = usePlanLabels()
  const state = !approval ? 'missing' : !approval.valid ? 'invalid' : approval.current ? 'current' : 'earlier'
  return (
    <li className={`signoff-approval approval-${state} ${ours ? 'is-ours' : 'is-theirs'}`} data-testid="signoff-approval" data-station={ours ? 'ours' : 'theirs'} data-approval={state}>
      <span className="approval-mark" aria-hidden="true">
        {state === 'current' ? '✓' : state === 'invalid' ? '⚠' : '○'}
      </span>
      <div className="approval-body">
        <strong className="approval-station">{labels.side(station)}</strong>
        <span className="approval-words">
          {approval
            ? t(`plans.signoff.approval.${state}`, { by: approval.by || '—', at: fmt.dateTime(approval.at), hash: shortHash(approval.hash) })
            : t('plans.signoff.approval.missing')}
        </span>
      </div>
    </li>
  )
}

function ApproveDialog({ detail, onClose, onDone, onFailed }: { detail: PlanDetail; onClose: () => void; onDone: (d: PlanDetail) => void; onFailed: (e: ApiError) => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const approve = async () => {
    setBusy(true)
    try {
      onDone(await api.invoke('plans.approve', { id: detail.id, stateHash: detail.signoff.contentHash }))
    } catch (e) {
      onFailed(toApiError(e))
    }
  }
  return (
    <FormDialog
      title={t('plans.signoff.confirmTitle')}
      testId="approve-dialog"
      onClose={onClose}
      onSubmit={approve}
      busy={busy}
      submitTestId="approve-confirm"
      submitLabel={t('plans.signoff.approve')}
    >
      <p>{t('plans.signoff.confirmBody', { title: detail.title || t('plans.untitled'), hash: shortHash(detail.signoff.contentHash) })}</p>
      <p className="muted">{t('plans.signoff.confirmNote')}</p>
    </FormDialog>
  )
}
