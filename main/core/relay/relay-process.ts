/** Mosquitto in the foreground on a relay folder: its log passed on, one ready line once it listens. */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { join, resolve } from 'node:path'
import { CONFIG, RelayFolderError, relaySettings } from './relay-folder'

export const MOSQUITTO_MISSING =
  'Mosquitto is not installed: on Debian or Ubuntu run "sudo apt-get install mosquitto" (2.0 or later), then start the relay again.'

export interface RelayRun {
  /** Resolves with Mosquitto's exit code. */
  exited: Promise<number>
  stop(): void
}

export function runRelay(folder: string, events: { ready(line: string): void; log(line: string): void }): RelayRun {
  const dir = resolve(folder)
  const { host, port } = relaySettings(dir)
  const child = spawn('mosquitto', ['-c', join(dir, CONFIG)], { stdio: ['ignore', 'ignore', 'pipe'] })
  let ready = false
  createInterface({ input: child.stderr }).on('line', (line) => {
    events.log(line)
    // Mosquitto says it listens before it has loaded the TLS files; "running" comes once everything is up.
    if (!ready && / running$/.test(line)) {
      ready = true
      events.ready(`BLO relay listening on ${host}:${port}`)
    }
  })
  const exited = new Promise<number>((done, fail) => {
    child.once('error', (error: NodeJS.ErrnoException) => fail(error.code === 'ENOENT' ? new RelayFolderError(MOSQUITTO_MISSING) : error))
    child.once('exit', (code, signal) => done(code ?? (signal ? 1 : 0)))
  })
  return { exited, stop: () => child.kill('SIGTERM') }
}
