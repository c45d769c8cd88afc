#!/usr/bin/env node
/**
 * `npm run dist`: the installers for the system it runs on — Linux: AppImage + deb (x64); Windows: NSIS setup (x64).
 *   1. builds the app (electron-vite build);
 *   2. builds better-sqlite3 for Electron if missing (scripts/native-electron.cjs; Electron's headers, once);
 *   3. runs electron-builder (electron-builder.yml; downloads the Electron zip once, or uses BLO_ELECTRON_DIST);
 *   4. signs each installer for offline updates when BLO_UPDATE_SIGNING_KEY names the publisher's private key.
 * Options: --dir  only the unpacked app (dist/<platform>-unpacked), no installer. Arguments after `--` go to electron-builder.
 * Needs internet the first time (Electron's headers and zip, the NSIS/AppImage tools); see README.
 */
'use strict'
const { spawnSync } = require('node:child_process')
const { createHash } = require('node:crypto')
const fs = require('node:fs')
const path = require('node:path')
const { ensureElectronBinding } = require('./native-electron.cjs')
const { packageBin } = require('./package-bin.cjs')

const ROOT = path.resolve(__dirname, '..')
const OUTPUT = path.join(ROOT, 'dist')
const PLATFORM_FLAGS = { linux: '--linux', win32: '--win' }
const INSTALLER = /\.(exe|deb|AppImage)$/

function run(args, what) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`${what} failed (see above).`)
}

function builderArgs(argv) {
  const split = argv.indexOf('--')
  const own = split < 0 ? argv : argv.slice(0, split)
  const passed = split < 0 ? [] : argv.slice(split + 1)
  const unknown = own.filter((arg) => arg !== '--dir')
  if (unknown.length) throw new Error(`npm run dist: unknown option ${unknown[0]} (use --dir, or put electron-builder options after --)`)
  const flag = PLATFORM_FLAGS[process.platform]
  if (!flag) throw new Error(`npm run dist: installers are configured for Linux and Windows, not ${process.platform}.`)
  const args = [flag, ...(own.includes('--dir') ? ['--dir'] : []), '--publish', 'never']
  const electronDist = process.env.BLO_ELECTRON_DIST
  if (electronDist) args.push(`-c.electronDist=${path.resolve(electronDist)}`)
  return [...args, ...passed]
}

const sha256 = (file) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')

function installers(version) {
  if (!fs.existsSync(OUTPUT)) return []
  return fs
    .readdirSync(OUTPUT)
    .filter((name) => INSTALLER.test(name) && name.includes(version))
    .map((name) => path.join(OUTPUT, name))
}

function signAll(files) {
  const key = process.env.BLO_UPDATE_SIGNING_KEY
  if (!key) {
    console.log('Not signed: set BLO_UPDATE_SIGNING_KEY to the publisher key to make FILE.sig for offline updates.')
    return
  }
  for (const file of files) run([path.join(ROOT, 'out', 'main', 'cli.js'), 'update', 'sign', file, '--key', key], `signing ${path.basename(file)}`)
}

function main(argv) {
  const args = builderArgs(argv)
  run([packageBin('electron-vite'), 'build'], 'electron-vite build')
  ensureElectronBinding()
  run([packageBin('electron-builder'), ...args], 'electron-builder')
  if (argv.includes('--dir')) return console.log(`Unpacked app in ${path.relative(ROOT, OUTPUT)}/`)
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
  const made = installers(version)
  signAll(made)
  console.log('\nInstallers:')
  for (const file of made) {
    const signed = fs.existsSync(`${file}.sig`) ? ' (+ .sig)' : ''
    console.log(`  ${path.relative(ROOT, file)}  ${(fs.statSync(file).size / 1e6).toFixed(1)} MB  sha256 ${sha256(file)}${signed}`)
  }
}

try {
  main(process.argv.slice(2))
} catch (error) {
  console.error(error.message)
  process.exit(1)
}
