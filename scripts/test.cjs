#!/usr/bin/env node
/**
 * `npm test`: build, vitest (unit + integration), then Playwright end-to-end in Debian's Chromium.
 * Every step runs even after a failure (except after a failed build, which the others need),
 * so one run shows everything that is broken; the exit code is non-zero if anything failed.
 */
'use strict'
const { spawnSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')
const { packageBin } = require('./package-bin.cjs')

const ROOT = path.resolve(__dirname, '..')
const DEFAULT_CHROMIUM = '/usr/bin/chromium'

function run(args, env = {}) {
  return spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } }).status === 0
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** CHROMIUM_PATH, else Debian's chromium, installing it with apt when we are root on Debian/Ubuntu. */
function findChromium() {
  const wanted = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM
  if (isExecutable(wanted)) return { path: wanted }
  if (process.env.CHROMIUM_PATH) return { problem: `CHROMIUM_PATH=${wanted} is not an executable file.` }
  const canApt = process.getuid?.() === 0 && isExecutable('/usr/bin/apt-get')
  if (canApt) {
    console.log('Chromium is missing: installing the Debian package (apt-get install -y chromium)…')
    const apt = (...args) =>
      spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
        .status === 0
    if (apt('install', '-y', 'chromium') || (apt('update') && apt('install', '-y', 'chromium'))) {
      if (isExecutable(DEFAULT_CHROMIUM)) return { path: DEFAULT_CHROMIUM }
    }
  }
  return {
    problem:
      `Chromium not found at ${DEFAULT_CHROMIUM}. Install it (Debian/Ubuntu: sudo apt-get install chromium) ` +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable.'
  }
}

function main() {
  const results = []
  /** fn returns true on success, or false / a one-line reason on failure. */
  const step = (name, fn) => {
    const started = Date.now()
    const outcome = fn()
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    results.push({ name, ok: outcome === true, note: typeof outcome === 'string' ? outcome : '', seconds })
    return outcome === true
  }

  const built = step('build (electron-vite)', () => run([packageBin('electron-vite'), 'build']))
  if (built) {
    step('unit + integration (vitest)', () => run([packageBin('vitest'), 'run']))
    step('end-to-end (playwright in Chromium)', () => {
      const chromium = findChromium()
      if (!chromium.path) return chromium.problem
      return run([packageBin('@playwright/test', 'playwright'), 'test'], { CHROMIUM_PATH: chromium.path })
    })
  }

  const failed = results.some((r) => !r.ok)
  console.log('\nnpm test summary')
  for (const r of results) {
    console.log(`  ${r.ok ? 'ok  ' : 'FAIL'}  ${r.name} (${r.seconds} s)${r.note ? `: ${r.note}` : ''}`)
  }
  if (!built) console.log('  skip  tests: they need a successful build')
  console.log(failed ? 'npm test: FAILED' : 'npm test: all passed')
  process.exit(failed ? 1 : 0)
}

main()
