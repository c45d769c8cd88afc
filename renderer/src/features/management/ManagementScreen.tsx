import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Tabs } from '../../ui/Tabs'
import { AdminScreen } from '../admin/AdminScreen'
import { AuditScreen } from '../audit/AuditScreen'
import { useCan } from '../auth/auth-context'
import { LazyDashboardScreen } from '../dashboard/LazyDashboardScreen'
import { ExportsScreen } from '../exports/ExportsScreen'
import { MaintenanceScreen } from '../maintenance/MaintenanceScreen'
import { allowedTabs, type ManagementTab } from './management-tabs'

/** The supervisor's and administrator's screens, as tabs: the month's figures, exports, the audit trail, accounts. */
export function ManagementScreen() {
  const { t } = useTranslation()
  const tabs = allowedTabs(useCan())
  const [chosen, setTab] = useState<ManagementTab | null>(null)
  const tab = chosen && tabs.includes(chosen) ? chosen : tabs[0]
  return (
    <section className="management-screen" data-testid="management-screen" data-tab={tab}>
      <div className="page-head">
        <h1 className="page-title">{t('management.title')}</h1>
        <Tabs tabs={tabs} selected={tab} onSelect={setTab} testIdPrefix="management-tab" label={t('management.title')}>
          {(name) => t(`management.tabs.${name}`)}
        </Tabs>
      </div>
      {tab === 'dashboard' && <LazyDashboardScreen />}
      {tab === 'exports' && <ExportsScreen />}
      {tab === 'audit' && <AuditScreen />}
      {tab === 'admin' && <AdminScreen />}
      {tab === 'maintenance' && <MaintenanceScreen />}
    </section>
  )
}
