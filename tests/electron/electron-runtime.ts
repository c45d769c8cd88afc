/**
 * The Electron runtime for the desktop tests, or why they cannot run here. npm install may skip Electron's binary
 * (offline machines, CI: package.json allowScripts); `node node_modules/electron/install.js` fetches it.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

export const ROOT = resolve(__dirname, '../..')

export function electronRuntime(): { executable: string; problem?: undefined } | { executable?: undefined; problem: string } {
  let executable: string
  try {
    executable = createRequire(join(ROOT, 'package.json'))('electron') as unknown as string
  } catch {
    return { problem: 'the Electron runtime is not installed (node_modules/electron has no binary; run node node_modules/electron/install.js with internet)' }
  }
  if (!existsSync(executable)) return { problem: `the Electron runtime is missing at ${executable}` }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { problem: 'no display for the desktop window (DISPLAY and WAYLAND_DISPLAY are unset; run under xvfb-run)' }
  }
  if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) return { problem: 'the app is not built (npm run build)' }
  return { executable }
}
