import { useState } from 'react'
import type { Case } from '../../preload/api'
import { CaseDetail } from './features/cases/detail/CaseDetail'
import { CaseFormScreen } from './features/cases/form/CaseFormScreen'
import { CaseLog } from './features/cases/list/CaseLog'
import { AppHeader } from './features/station/AppHeader'
import { ConnectionBanner } from './features/station/ConnectionBanner'

type View = { name: 'log' } | { name: 'new' } | { name: 'detail'; id: string } | { name: 'edit'; id: string }

/**
 * The case log stays mounted under every other screen, so going back keeps its scroll position,
 * filters and loaded pages; the other screens open over it.
 */
export function App() {
  const [view, setView] = useState<View>({ name: 'log' })
  const toLog = () => setView({ name: 'log' })
  const toDetail = (id: string) => setView({ name: 'detail', id })
  const toEdit = (id: string) => setView({ name: 'edit', id })
  const saved = (c: Case) => toDetail(c.id)
  const covered = view.name !== 'log'

  return (
    <div className="app">
      <AppHeader onHome={toLog} />
      <ConnectionBanner />
      <main className="app-main">
        <div className="log-layer" inert={covered} aria-hidden={covered}>
          <CaseLog onOpen={toDetail} onNewCase={() => setView({ name: 'new' })} />
        </div>
        {covered && (
          <div className="page-layer">
            {view.name === 'new' && <CaseFormScreen onSaved={saved} onCancel={toLog} />}
            {view.name === 'edit' && <CaseFormScreen key={view.id} caseId={view.id} onSaved={saved} onCancel={() => toDetail(view.id)} />}
            {view.name === 'detail' && <CaseDetail key={view.id} caseId={view.id} onBack={toLog} onEdit={toEdit} />}
          </div>
        )}
      </main>
    </div>
  )
}
