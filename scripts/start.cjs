#!/usr/bin/env node
/**
 * `npm start`: the desktop app where the Electron runtime can run; otherwise the station host,
 * opened in the browser, on the same per-user data folder. Arguments after `--` go to whichever starts.
 * Exit code: the app's own, or 1 when the build fails.
 */
'use strict'
const { spawn, spawnSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')
const readline = require('node:readline')
const { ensureElectronBinding } = require('./native-electron.cjs')
const { packageBin } = require('./package-bin.cjs')

const ROOT = path.resolve(__dirname, '..')
const at = (...parts) => path.join(ROOT, ...parts)
const userArgs = process.argv.slice(2)

const SOURCES = ['main', 'preload', 'renderer', 'electron.vite.config.ts', 'package.json'].map((p) => at(p))
const OUTPUTS = ['main/index.js', 'main/station.js', 'main/cli.js', 'preload/index.js', 'renderer/index.html'].map((p) =>
  at('out', p)
)

function newestMtime(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false })
  if (!stat) return 0
  if (!stat.isDirectory()) return stat.mtimeMs
  return fs.readdirSync(file).reduce((newest, name) => Math.max(newest, newestMtime(path.join(file, name))), stat.mtimeMs)
}

function isBuildStale() {
  const outputTimes = OUTPUTS.map((file) => fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0)
  return Math.min(...outputTimes) < Math.max(...SOURCES.map(newestMtime))
}

function build() {
  console.log('Building BLO Station (electron-vite build)…')
  return spawnSync(process.execPath, [packageBin('electron-vite'), 'build'], { cwd: ROOT, stdio: 'inherit' }).status === 0
}

/** The Electron executable if its runtime is unpacked here; the electron package itself resolves it. */
function electronExecutable() {
  try {
    const file = require(at('node_modules', 'electron'))
    return fs.existsSync(file) ? file : null
  } catch {
    return null
  }
}

/** Runs the electron package's own downloader (skipped at install time, see allowScripts); returns why it failed. */
function fetchElectron() {
  console.log('Electron runtime not found: trying to download it…')
  const result = spawnSync(process.execPath, [at('node_modules', 'electron', 'install.js')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 10 * 60 * 1000
  })
  if (result.status === 0) return null
  const output = `${result.stderr}\n${result.stdout}`
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|socket hang up/i.test(output)) {
    return 'download failed: offline?'
  }
  const firstLine = output.split('\n').find((line) => line.trim()) ?? `exit code ${result.status}`
  return `download failed: ${firstLine.trim()}`
}

function hasDisplay() {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
}

function exitLike(child) {
  const forward = (signal) => child.kill(signal)
  process.on('SIGINT', forward)
  process.on('SIGTERM', forward)
  child.on('error', (error) => {
    console.error(error.message)
    process.exit(1)
  })
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)))
}

function startDesktop(electron) {
  exitLike(spawn(electron, [ROOT, ...userArgs], { cwd: ROOT, stdio: 'inherit' }))
}

/** The host prints one JSON "ready" line; we turn it into a sentence and pass everything else through. */
function startStationHost() {
  const child = spawn(process.execPath, [at('out', 'main', 'station.js'), ...userArgs], {
    cwd: ROOT,
    stdio: ['inherit', 'pipe', 'inherit']
  })
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    let ready = null
    try {
      const message = JSON.parse(line)
      if (message && message.event === 'ready') ready = message
    } catch {
      // not the ready line
    }
    if (!ready) return console.log(line)
    console.log(`\nBLO Station is running. Open this address in your browser:\n\n  ${ready.url}\n`)
    console.log(`Data folder: ${ready.data}\nPress Ctrl+C to stop.`)
  })
  exitLike(child)
}

/** Why the desktop app cannot start here, as one sentence, or null when it can (then `electron` is set). */
function desktopProblem() {
  let electron = electronExecutable()
  if (!electron) {
    const failure = fetchElectron()
    electron = electronExecutable()
    if (!electron) return { problem: `Electron runtime not available (${failure ?? 'download did not produce a runtime'})` }
  }
  if (!hasDisplay()) return { problem: 'No display for the desktop window (DISPLAY and WAYLAND_DISPLAY are unset)' }
  try {
    ensureElectronBinding()
  } catch (error) {
    return { problem: `The desktop app cannot open its database yet (${error.message})` }
  }
  return { electron }
}

function main() {
  if (isBuildStale() && !build()) {
    console.error('npm start: the build failed (see above).')
    process.exit(1)
  }
  const { electron, problem } = desktopProblem()
  if (electron) return startDesktop(electron)
  console.log(`${problem} — starting the station host in your browser instead.`)
  startStationHost()
}

main()
