import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LoadFailed, StateMessage } from '../../../ui/StateMessage'
import { Tabs } from '../../../ui/Tabs'
import { HistoryPanel } from '../history/HistoryPanel'
import { PlanStatusBadge } from '../PlanBadges'
import { PresenceBar } from '../presence/PresenceBar'
import { PlanPdfPanel } from '../print/PlanPdfPanel'
import type { PlanReplica } from '../replica/plan-replica'
import { planRoots, text } from '../replica/plan-model'
import { useReplicaState } from '../replica/use-plan-replica'
import { useObserved } from '../replica/use-y'
import { SignoffPanel } from '../signoff/SignoffPanel'
import { usePlanDetail } from '../use-plan-detail'
import { DetailsSection } from './DetailsSection'
import { NotesEditor } from './NotesEditor'
import { planSides } from './plan-sides'
import { PlanLinkState } from './PlanLinkState'
import { AgenciesSection, CommsSection, ContactsSection, ObjectivesSection, ResultsSection, TasksSection } from './PlanListSections'
import { ReplicaAlert } from './ReplicaAlert'
import { useLink } from '../../link/LinkContext'

interface Props {
  replica: PlanReplica
  ourStation: string
  userName: string
  onBack: () => void
  onReload: () => void
}

type Tab = 'signoff' | 'history' | 'print'
const TABS: Tab[] = ['signoff', 'history', 'print']

/**
 * One plan, written by both offices at once: the plan itself on the left, bound field by field to the
 * shared document; its sign-off and history on the right, as the station reports them.
 */
export function PlanEditor({ replica, ourStation, userName, onBack, onReload }: Props) {
  const { t } = useTranslation()
  const { doc } = replica
  const { meta } = planRoots(doc)
  useObserved(meta)
  const plan = usePlanDetail(replica.id)
  const state = useReplicaState(replica)
  const [tab, setTab] = useState<Tab>('signoff')
  const sides = planSides(doc, ourStation)
  const { status: link } = useLink()
  const paired = new Set((link?.peers ?? []).map((p) => p.stationId))
  // Among several offices: the link to each counterpart this station is paired with; it reaches the others through them.
  const linked = sides.others.filter((id) => paired.has(id))
  const title = text(meta.get('title'))
  const codeName = text(meta.get('codeName'))

  return (
    <section className="plan-editor" data-testid="plan-editor" data-plan-id={replica.id}>
      <div className="plan-head">
        <button type="button" className="btn btn-quiet" onClick={onBack} data-testid="plan-back">
          ←<span className="visually-hidden">{t('plans.backToList')}</span>
        </button>
        <h1 className="page-title plan-title" data-testid="plan-title" title={title}>
          {title || t('plans.untitled')}
        </h1>
        {codeName && <span className="code-name">{codeName}</span>}
        {plan.detail && (
          <span data-testid="plan-status" data-status={plan.detail.status}>
            <PlanStatusBadge status={plan.detail.status} />
          </span>
        )}
        <PresenceBar />
        <PlanLinkState counterparts={linked.length ? linked : [sides.theirs]} />
      </div>
      <div className="plan-body">
        <div className="plan-main" data-testid="plan-main">
          <ReplicaAlert state={state} onRetry={() => replica.retry()} onReload={onReload} />
          <DetailsSection doc={doc} />
          <AgenciesSection doc={doc} sides={sides} />
          <ObjectivesSection doc={doc} />
          <TasksSection doc={doc} sides={sides} />
          <CommsSection doc={doc} />
          <ContactsSection doc={doc} sides={sides} />
          <NotesEditor doc={doc} />
          <ResultsSection doc={doc} sides={sides} by={userName} />
        </div>
        <aside className="plan-aside" aria-label={t('plans.aside')}>
          <Tabs tabs={TABS} selected={tab} onSelect={setTab} testIdPrefix="plan-tab" className="plan-tabs">
            {(name) => (
              <>
                {t(`plans.tabs.${name}`)}
                {name === 'history' && plan.detail && plan.detail.versions.length > 0 && <span className="count-pill">{plan.detail.versions.length}</span>}
              </>
            )}
          </Tabs>
          <div className="plan-aside-body">
            {tab === 'print' ? (
              <PlanPdfPanel planId={replica.id} />
            ) : plan.error && !plan.detail ? (
              <LoadFailed title={t('plans.detailError')} error={plan.error} onRetry={plan.reload} small />
            ) : !plan.detail ? (
              <StateMessage tone="loading" title={t('plans.loading')} />
            ) : tab === 'signoff' ? (
              <SignoffPanel detail={plan.detail} sides={sides} onChanged={plan.show} />
            ) : (
              <HistoryPanel detail={plan.detail} onChanged={plan.show} onSaved={plan.reload} />
            )}
          </div>
        </aside>
      </div>
    </section>
  )
}
