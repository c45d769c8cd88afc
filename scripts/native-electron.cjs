#!/usr/bin/env node
/**
 * Builds better-sqlite3 a second time, for Electron's ABI, into .native/electron-<abi>-<platform>-<arch>/better_sqlite3.node,
 * leaving node_modules' copy (built for Node: tests, CLI, station host) untouched. The desktop shell passes
 * the result to better-sqlite3 as nativeBinding (see main/electron/native-binding.ts: keep the paths in step), and
 * the installers carry it as their only SQLite module (build/before-pack.cjs stages it).
 * Needs Electron's headers from electronjs.org once. A native module cannot be cross-compiled: each system builds its own.
 *
 *   node scripts/native-electron.cjs          build if missing   (npm run rebuild:electron: --force)
 *   node scripts/native-electron.cjs --force  rebuild
 */
'use strict'
const { spawnSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')
const { packageBin } = require('./package-bin.cjs')

const ROOT = path.resolve(__dirname, '..')
const HEADERS_URL = 'https://electronjs.org/headers'

function electronTarget() {
  const dir = path.join(ROOT, 'node_modules', 'electron')
  const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))
  const abi = fs.readFileSync(path.join(dir, 'abi_version'), 'utf8').trim()
  return { version, abi }
}

function bindingPath(abi, platform = process.platform, arch = process.arch) {
  return path.join(ROOT, '.native', `electron-${abi}-${platform}-${arch}`, 'better_sqlite3.node')
}

/**
 * The NODE_MODULE_VERSION a built addon registers for, read from its exported node_register_module_v<N> symbol
 * (present in ELF and PE files alike), or null when the file has none. Catches a build against the wrong headers
 * without loading it.
 */
function addonAbi(file) {
  const match = /node_register_module_v(\d+)/.exec(fs.readFileSync(file).toString('latin1'))
  return match ? match[1] : null
}

function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return ''
  }
}

/** Returns the binding's path, building it when missing; throws an Error whose message says what to do. */
function ensureElectronBinding({ force = false, log = console.log } = {}) {
  const { version, abi } = electronTarget()
  const target = bindingPath(abi)
  if (!force && fs.existsSync(target)) return target

  const source = path.join(ROOT, 'node_modules', 'better-sqlite3')
  const work = path.join(ROOT, '.native', `build-electron-${abi}`)
  const logFile = `${work}.log`
  fs.rmSync(work, { recursive: true, force: true })
  fs.mkdirSync(work, { recursive: true })
  for (const entry of ['package.json', 'binding.gyp', 'src', 'deps']) {
    fs.cpSync(path.join(source, entry), path.join(work, entry), { recursive: true })
  }
  log(`Building better-sqlite3 for Electron ${version} (ABI ${abi}); this takes a few minutes the first time…`)
  const out = fs.openSync(logFile, 'w')
  const result = spawnSync(
    process.execPath,
    [packageBin('node-gyp'), 'rebuild', '--release', `--target=${version}`, `--arch=${process.arch}`, `--dist-url=${HEADERS_URL}`],
    { cwd: work, stdio: ['ignore', out, out] }
  )
  fs.closeSync(out)
  if (result.status !== 0) {
    fs.rmSync(work, { recursive: true, force: true })
    const headersMissing = /getaddrinfo|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|network|download/i.test(tail(logFile, 40))
    throw new Error(
      [
        `Could not build better-sqlite3 for Electron ${version} (ABI ${abi}).`,
        headersMissing
          ? `node-gyp could not download Electron's headers from ${HEADERS_URL} (offline?).`
          : `The compiler failed; the last lines of ${path.relative(ROOT, logFile)}:\n${tail(logFile, 15)}`
      ].join(' ')
    )
  }
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node')
  const builtAbi = addonAbi(built)
  if (builtAbi !== abi) {
    fs.rmSync(work, { recursive: true, force: true })
    throw new Error(`node-gyp built better-sqlite3 for ABI ${builtAbi ?? 'unknown'}, not Electron's ${abi}: its headers are wrong (delete the cached headers, e.g. ~/.cache/node-gyp/${version}, and run again with --force).`)
  }
  fs.mkdirSync(path.dirname(target), { recursive: true })
  fs.copyFileSync(built, target)
  fs.rmSync(work, { recursive: true, force: true })
  log(`Built ${path.relative(ROOT, target)}`)
  return target
}

module.exports = { electronTarget, bindingPath, addonAbi, ensureElectronBinding }

if (require.main === module) {
  try {
    ensureElectronBinding({ force: process.argv.includes('--force') })
  } catch (error) {
    console.error(error.message)
    process.exit(1)
  }
}
