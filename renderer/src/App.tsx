import { useState } from 'react'
import type { Case } from '../../preload/api'
import { CaseDetail } from './features/cases/detail/CaseDetail'
import { CaseFormScreen } from './features/cases/form/CaseFormScreen'
import { CaseLog } from './features/cases/list/CaseLog'
import { ExchangeScreen } from './features/exchange/ExchangeScreen'
import { useUnreadCounts } from './features/exchange/use-unread-counts'
import { LinkProvider } from './features/link/LinkContext'
import { LinkScreen } from './features/link/LinkScreen'
import { ManagementScreen } from './features/management/ManagementScreen'
import { LazyPlanEditorScreen } from './features/plans/editor/LazyPlanEditorScreen'
import { PlanListScreen } from './features/plans/list/PlanListScreen'
import { AppHeader, type Section } from './features/station/AppHeader'
import { ConnectionBanner } from './features/station/ConnectionBanner'

type View =
  | { name: 'log' | 'new' | 'exchange' | 'link' | 'plans' | 'management' }
  | { name: 'detail'; id: string }
  | { name: 'edit'; id: string }
  | { name: 'plan'; id: string }

const SECTION_OF: Record<View['name'], Section> = {
  log: 'cases',
  new: 'cases',
  detail: 'cases',
  edit: 'cases',
  exchange: 'exchange',
  link: 'link',
  plans: 'plans',
  plan: 'plans',
  management: 'management'
}

/** Screens that lay out their own scrolling panes over the whole main area. */
const FILLS: View['name'][] = ['exchange', 'plans', 'plan']

/**
 * The case log stays mounted under every other screen, so going back keeps its scroll position,
 * filters and loaded pages; the other screens open over it.
 */
export function App() {
  return (
    <LinkProvider>
      <Screens />
    </LinkProvider>
  )
}

function Screens() {
  const [view, setView] = useState<View>({ name: 'log' })
  const unread = useUnreadCounts()
  const toLog = () => setView({ name: 'log' })
  const toDetail = (id: string) => setView({ name: 'detail', id })
  const toEdit = (id: string) => setView({ name: 'edit', id })
  const saved = (c: Case) => toDetail(c.id)
  const navigate = (section: Section) => setView({ name: section === 'cases' ? 'log' : section })
  const covered = view.name !== 'log'

  return (
    <div className="app">
      <AppHeader section={SECTION_OF[view.name]} onNavigate={navigate} unread={unread.counts} />
      <ConnectionBanner />
      <main className="app-main">
        <div className="log-layer" inert={covered} aria-hidden={covered}>
          <CaseLog onOpen={toDetail} onNewCase={() => setView({ name: 'new' })} />
        </div>
        {covered && (
          <div className={`page-layer${FILLS.includes(view.name) ? ' page-layer-fill' : ''}`}>
            {view.name === 'new' && <CaseFormScreen onSaved={saved} onCancel={toLog} />}
            {view.name === 'edit' && <CaseFormScreen key={view.id} caseId={view.id} onSaved={saved} onCancel={() => toDetail(view.id)} />}
            {view.name === 'detail' && <CaseDetail key={view.id} caseId={view.id} onBack={toLog} onEdit={toEdit} />}
            {view.name === 'exchange' && <ExchangeScreen unread={unread} onOpenCase={toDetail} />}
            {view.name === 'link' && <LinkScreen />}
            {view.name === 'plans' && <PlanListScreen onOpen={(id) => setView({ name: 'plan', id })} />}
            {view.name === 'management' && <ManagementScreen />}
            {view.name === 'plan' && <LazyPlanEditorScreen key={view.id} planId={view.id} onBack={() => setView({ name: 'plans' })} />}
          </div>
        )}
      </main>
    </div>
  )
}
