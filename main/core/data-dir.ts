/**
 * Where a station keeps its data when nobody says otherwise: the per-user folder that Electron's
 * app.getPath('userData') gives for productName "BLO Station", so the desktop app, the station host
 * and the CLI all find the same station without Electron being loaded.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'

export const PRODUCT_NAME = 'BLO Station'

export interface PlatformFacts {
  platform: NodeJS.Platform
  env: NodeJS.ProcessEnv
  home: string
}

const here = (): PlatformFacts => ({ platform: process.platform, env: process.env, home: homedir() })

/** Electron's appData folder for the platform, with the same environment overrides it honours. */
function appDataDir({ platform, env, home }: PlatformFacts): string {
  if (platform === 'win32') return env.APPDATA || join(home, 'AppData', 'Roaming')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support')
  return env.XDG_CONFIG_HOME || join(home, '.config')
}

export function defaultDataDir(facts: PlatformFacts = here()): string {
  return join(appDataDir(facts), PRODUCT_NAME)
}
