/**
 * How a checked update gets installed on the computer the desktop app runs on, decided from plain facts so every
 * case is tested without Electron; main/electron only carries the plan out.
 *  - Windows, NSIS setup (.exe): start the installer on its own and quit, so it can replace the app's files.
 *  - Linux, started from an AppImage: put the new AppImage in place of the running one (the running copy stays
 *    mounted until it exits) and start it.
 *  - Linux, installed from a .deb: apt-get installs it as root through pkexec's password prompt, then restart.
 * Anything else gets the command to run by hand.
 */
import { basename } from 'node:path'
import type { ManualReason } from '../../../preload/api'
import { installerPlatform } from './update-signature'

export interface InstallFacts {
  platform: NodeJS.Platform
  /** The app's environment: APPIMAGE is set by the AppImage runtime to the AppImage's own path. */
  env: Readonly<Record<string, string | undefined>>
  /** An installed app (false when run from a source checkout: there is nothing to replace). */
  packaged: boolean
  /** Full path of pkexec, or null when it is not installed. */
  pkexec: string | null
}

export type InstallPlan =
  | { method: 'run-installer'; command: string; args: string[]; then: 'quit' }
  | { method: 'replace-appimage'; source: string; target: string; then: 'relaunch' }
  | { method: 'apt-install'; command: string; args: string[]; then: 'relaunch' }
  | { method: 'manual'; reason: ManualReason; command: string }

export type RunnablePlan = Exclude<InstallPlan, { method: 'manual' }>

/** A word for a POSIX shell, quoted so spaces and quotes in a path survive copy and paste into a terminal. */
export const shellQuote = (word: string): string => (/^[\w./:=+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)

const windowsQuote = (path: string): string => `"${path}"`

/** What an administrator would type to install the file by hand. */
function byHand(file: string, kind: 'exe' | 'deb' | 'appimage'): string {
  if (kind === 'exe') return windowsQuote(file)
  if (kind === 'deb') return `sudo apt-get install -y ${shellQuote(file)}`
  return `chmod +x ${shellQuote(file)} && ${shellQuote(file)}`
}

function kindOf(file: string): 'exe' | 'deb' | 'appimage' {
  const lower = basename(file).toLowerCase()
  if (lower.endsWith('.exe')) return 'exe'
  if (lower.endsWith('.deb')) return 'deb'
  return 'appimage'
}

/** file: the staged, checked installer. Throws for a file that is not an installer for this platform (staging refuses those). */
export function installPlan(file: string, facts: InstallFacts): InstallPlan {
  const platform = installerPlatform(file)
  if (!platform || platform !== facts.platform) throw new Error(`${basename(file)} is not an installer for ${facts.platform}`)
  const kind = kindOf(file)
  if (!facts.packaged) return { method: 'manual', reason: 'not-packaged', command: byHand(file, kind) }
  if (kind === 'exe') return { method: 'run-installer', command: file, args: [], then: 'quit' }
  if (kind === 'deb') {
    if (!facts.pkexec) return { method: 'manual', reason: 'no-pkexec', command: byHand(file, kind) }
    return { method: 'apt-install', command: facts.pkexec, args: ['apt-get', 'install', '-y', file], then: 'relaunch' }
  }
  const running = facts.env.APPIMAGE
  if (!running) return { method: 'manual', reason: 'not-appimage', command: byHand(file, kind) }
  return { method: 'replace-appimage', source: file, target: running, then: 'relaunch' }
}

/**
 * What to start when the app restarts itself: inside an AppImage the executable lives in a mount that goes away
 * when the app exits, so the AppImage itself (its new version, after an update) is started instead.
 */
export const relaunchExecutable = (env: Readonly<Record<string, string | undefined>>): string | undefined => env.APPIMAGE || undefined

/** Why pkexec apt-get did not install, in a sentence (pkexec's own codes: 126 dismissed, 127 not authorised). */
export function installerExitMessage(code: number | null, signal: string | null): string {
  if (code === 126) return 'the administrator password was not given (the password window was closed): nothing was installed'
  if (code === 127) return 'pkexec could not authorise the installation (this account may not install software, or no password prompt is available): nothing was installed'
  if (code === null) return `the installer was stopped (${signal ?? 'signal'})`
  return `apt-get stopped with exit code ${code}; run the command by hand to see why`
}
