/**
 * Carries out an install plan (main/core/update/install-plan.ts decides it): the only place that starts an installer.
 * Runs in the desktop app only; the plan, the file replacement and the messages are tested in plain Node.
 */
import { app } from 'electron'
import { spawn, type ChildProcess } from 'node:child_process'
import { findProgram } from '../core/update/find-program'
import { installerExitMessage, type RunnablePlan } from '../core/update/install-plan'
import { replaceExecutable } from '../core/update/replace-executable'
import type { UpdateInstaller } from '../core/maintenance/maintenance-service'
import { restartApp } from './restart'

/** Time for the screen to receive "the installer is running" before the app quits or restarts. */
const ANSWER_MS = 1500
const STDERR_TAIL = 2000

function started(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('spawn', () => resolve())
  })
}

/** Resolves when the command exits with 0; rejects with a sentence (and the command's last words) otherwise. */
function finished(child: ChildProcess): Promise<void> {
  let tail = ''
  child.stderr?.on('data', (chunk: Buffer) => (tail = (tail + chunk.toString('utf8')).slice(-STDERR_TAIL)))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code, signal) => {
      if (code === 0) return resolve()
      const said = tail.trim().split('\n').pop()
      reject(new Error(`${installerExitMessage(code, signal)}${said ? ` (${said})` : ''}`))
    })
  })
}

const leave = (then: 'quit' | 'relaunch'): void => void setTimeout(() => (then === 'quit' ? app.quit() : restartApp()), ANSWER_MS)

export function desktopInstaller(): UpdateInstaller {
  return {
    facts: () => ({
      platform: process.platform,
      env: process.env,
      packaged: app.isPackaged,
      pkexec: process.platform === 'linux' ? findProgram('pkexec', process.env.PATH) : null
    }),
    async run(plan: RunnablePlan) {
      if (plan.method === 'run-installer') {
        // Detached: the installer outlives the app it replaces.
        const child = spawn(plan.command, plan.args, { detached: true, stdio: 'ignore' })
        await started(child)
        child.unref()
      } else if (plan.method === 'replace-appimage') {
        replaceExecutable(plan.source, plan.target)
      } else {
        await finished(spawn(plan.command, plan.args, { stdio: ['ignore', 'ignore', 'pipe'] }))
      }
      leave(plan.then)
    }
  }
}
