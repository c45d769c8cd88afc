import { SettingsPanel } from './SettingsPanel'
import { UsersPanel } from './UsersPanel'

/** The administrator's part: who may sign in here, and the station's settings. */
export function AdminScreen() {
  return (
    <div className="admin-screen" data-testid="admin-screen">
      <UsersPanel />
      <SettingsPanel />
    </div>
  )
}
