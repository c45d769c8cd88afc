/** Restarting the desktop app: after a staged restore, or into the version an update has just put in place. */
import { app } from 'electron'
import { relaunchExecutable } from '../core/update/install-plan'

export function restartApp(): void {
  const execPath = relaunchExecutable(process.env)
  app.relaunch(execPath ? { execPath } : undefined)
  // Quitting closes the station (will-quit), releasing the data folder before the new process opens it.
  app.quit()
}
