import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { StateMessage } from '../../ui/StateMessage'

/** Chart.js comes only with the dashboard: officers, who never open it, never load it. */
const DashboardScreen = lazy(() => import('./DashboardScreen').then((module) => ({ default: module.DashboardScreen })))

export function LazyDashboardScreen() {
  const { t } = useTranslation()
  return (
    <Suspense fallback={<StateMessage tone="loading" title={t('dashboard.loading')} />}>
      <DashboardScreen />
    </Suspense>
  )
}
