#!/usr/bin/env node
/**
 * `npm run check:packaging`: everything about the installers that can be checked without the Electron runtime —
 * electron-builder's own schema, targets, icons, the files that go in, native module handling, hooks and fuses —
 * and, when BLO_ELECTRON_DIST names an unpacked Electron for this system, an unpacked build checked by the
 * afterPack audit. Prints one line per check; exit code 1 if any failed. tests/unit/packaging.test.ts runs the same checks.
 */
'use strict'
const { spawnSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')
const { LINUX_SIZES, ICO_SIZES } = require('./dist-icons.cjs')
const { electronTarget } = require('./native-electron.cjs')
const { packageBin } = require('./package-bin.cjs')

const ROOT = path.resolve(__dirname, '..')
const at = (...parts) => path.join(ROOT, ...parts)
const BUILDER_DIR = path.dirname(require.resolve('app-builder-lib/package.json'))
const fromBuilder = (id) => require(require.resolve(id, { paths: [BUILDER_DIR] }))

/** The fuses the issue requires; build/fuses.cjs may set more. */
const REQUIRED_FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true
}

/** Project files that must (and must not) end up in app.asar, as `files` decides it. */
const MUST_INCLUDE = ['package.json', 'out/main/index.js', 'out/main/station.js', 'out/main/cli.js', 'out/preload/index.js', 'out/renderer/index.html']
const MUST_EXCLUDE = [
  'main/index.ts',
  'main/core/station.ts',
  'preload/api.ts',
  'renderer/src/main.tsx',
  'tests/unit/packaging.test.ts',
  'scripts/dist.cjs',
  'build/icon.svg',
  '.native/package/better_sqlite3.node',
  'out/main/index.js.map',
  'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
  'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c',
  'node_modules/better-sqlite3/src/better_sqlite3.cpp',
  'electron-builder.yml',
  'README.md'
]
const MUST_KEEP_DEPENDENCY = ['node_modules/better-sqlite3/lib/index.js', 'node_modules/better-sqlite3/package.json']

function pngSize(file) {
  const bytes = fs.readFileSync(file)
  if (bytes.toString('latin1', 1, 4) !== 'PNG') throw new Error(`${file} is not a PNG`)
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/** The square sizes held by an .ico file (0 in the directory means 256). */
function icoSizes(file) {
  const bytes = fs.readFileSync(file)
  if (bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) throw new Error(`${file} is not an .ico file`)
  const sizes = []
  for (let i = 0; i < bytes.readUInt16LE(4); i++) {
    const width = bytes[6 + i * 16] || 256
    const height = bytes[7 + i * 16] || 256
    if (width !== height) throw new Error(`${file}: entry ${i} is ${width}x${height}, not square`)
    sizes.push(width)
  }
  return sizes.sort((a, b) => a - b)
}

/** Whether electron-builder's `files` patterns take a project path: any pattern includes it and no `!` pattern drops it. */
function filesMatcher(patterns) {
  const { minimatch } = fromBuilder('minimatch')
  const include = patterns.filter((p) => !p.startsWith('!'))
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1))
  const test = (file, pattern) => minimatch(file, pattern, { dot: true })
  return (file) => include.some((p) => test(file, p)) && !exclude.some((p) => test(file, p))
}

/** The root `files` patterns, whether written as strings or normalised by electron-builder into {filter: [...]}. */
const filePatterns = (config) =>
  [].concat(config.files ?? []).flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.from || entry.to ? [] : [].concat(entry.filter ?? [])))

async function loadConfig() {
  const { getConfig, validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config')
  const { DebugLogger } = fromBuilder('builder-util')
  const config = await getConfig(ROOT, null, null)
  await validateConfiguration(config, new DebugLogger(false))
  return config
}

const targetsOf = (platformConfig) =>
  (platformConfig?.target ?? []).map((t) => (typeof t === 'string' ? { target: t, arch: [] } : t)).map((t) => `${t.target}:${[].concat(t.arch).join('+')}`)

/** Each check: name, and a function that returns a detail line or throws with what is wrong. */
function checks(config) {
  const pkg = JSON.parse(fs.readFileSync(at('package.json'), 'utf8'))
  const expect = (ok, message) => {
    if (!ok) throw new Error(message)
  }
  return [
    ['electron-builder.yml is the only configuration', () => {
      expect(!('build' in pkg), 'package.json also has a "build" key: keep the configuration in electron-builder.yml only')
      return 'electron-builder.yml'
    }],
    ['identity: app ID and product name', () => {
      expect(config.appId === 'org.blo-station.app', `appId is ${config.appId}`)
      expect(config.productName === 'BLO Station' && pkg.productName === 'BLO Station', 'productName must be "BLO Station" (it names the data folder too)')
      return `${config.appId}, "${config.productName}"`
    }],
    ['targets: Linux AppImage + deb x64, Windows NSIS x64', () => {
      const linux = targetsOf(config.linux).sort()
      const win = targetsOf(config.win)
      expect(JSON.stringify(linux) === JSON.stringify(['AppImage:x64', 'deb:x64']), `linux targets are ${linux.join(', ')}`)
      expect(JSON.stringify(win) === JSON.stringify(['nsis:x64']), `win targets are ${win.join(', ')}`)
      return [...linux, ...win].join(', ')
    }],
    ['icons: every Linux size and a multi-size .ico', () => {
      expect(config.linux.icon === 'build/icons' && config.win.icon === 'build/icon.ico', 'linux.icon must be build/icons and win.icon build/icon.ico')
      for (const size of LINUX_SIZES) {
        const file = at('build', 'icons', `${size}x${size}.png`)
        expect(fs.existsSync(file), `missing ${path.relative(ROOT, file)} (node scripts/dist-icons.cjs)`)
        const found = pngSize(file)
        expect(found.width === size && found.height === size, `${path.relative(ROOT, file)} is ${found.width}x${found.height}`)
      }
      const ico = icoSizes(at('build', 'icon.ico'))
      expect(JSON.stringify(ico) === JSON.stringify(ICO_SIZES), `build/icon.ico holds ${ico.join(', ')}, not ${ICO_SIZES.join(', ')}`)
      for (const key of ['installerIcon', 'uninstallerIcon']) expect(config.nsis[key] === 'build/icon.ico', `nsis.${key} must be build/icon.ico`)
      return `PNG ${LINUX_SIZES.join('/')}; ICO ${ico.join('/')}`
    }],
    ['Linux desktop entry', () => {
      const entry = config.linux.desktop?.entry ?? {}
      expect(!('Exec' in entry), 'the entry must not set Exec (electron-builder writes it from executableName)')
      expect(config.linux.executableName === 'blo-station', 'linux.executableName must be blo-station')
      expect(/^Office/.test(config.linux.category ?? ''), 'linux.category must be Office')
      expect(pkg.desktopName === 'blo-station.desktop' && config.linux.syncDesktopName === true, 'package.json desktopName blo-station.desktop with linux.syncDesktopName')
      expect(Boolean(config.linux.description) && Boolean(config.linux.synopsis) && /<.+@.+>/.test(config.linux.maintainer ?? ''), 'description, synopsis and maintainer "Name <email>" are required for the deb')
      return `blo-station.desktop: ${Object.keys(entry).join(', ')} + Name, Exec, Icon, Comment, Categories`
    }],
    ['Windows installer keeps the data and offers per-user install', () => {
      const nsis = config.nsis
      expect(nsis.deleteAppDataOnUninstall === false, 'nsis.deleteAppDataOnUninstall must be false: the station data outlives uninstalling')
      expect(nsis.oneClick === false && nsis.perMachine === false && nsis.allowToChangeInstallationDirectory === true, 'assisted installer, per-user by default, folder choosable')
      return 'deleteAppDataOnUninstall: false, oneClick: false, perMachine: false'
    }],
    ['files: the built app only, asar on', () => {
      expect(config.asar === true, 'asar must be true')
      const patterns = filePatterns(config)
      const taken = filesMatcher(patterns)
      const missing = MUST_INCLUDE.filter((file) => !taken(file))
      const leaked = MUST_EXCLUDE.filter((file) => taken(file))
      expect(missing.length === 0, `files does not take ${missing.join(', ')}`)
      expect(leaked.length === 0, `files would ship ${leaked.join(', ')}`)
      const excludesDropDependency = MUST_KEEP_DEPENDENCY.filter((file) => !filesMatcher(['**/*', ...patterns.filter((p) => p.startsWith('!'))])(file))
      expect(excludesDropDependency.length === 0, `the exclusions drop ${excludesDropDependency.join(', ')}`)
      return `${MUST_INCLUDE.length} required files in, ${MUST_EXCLUDE.length} sources/tests/Node builds out`
    }],
    ['native module: the Electron build only, never rebuilt in place', () => {
      expect(config.npmRebuild === false && config.nodeGypRebuild === false, 'npmRebuild and nodeGypRebuild must be false (they would rebuild node_modules for Electron)')
      const resource = (config.extraResources ?? []).find((r) => typeof r === 'object' && r.to === 'native')
      expect(resource && resource.from === '.native/package' && [].concat(resource.filter).includes('better_sqlite3.node'), 'extraResources must carry .native/package/better_sqlite3.node to resources/native')
      const shell = fs.readFileSync(at('main', 'electron', 'native-binding.ts'), 'utf8')
      expect(/PACKAGED_BINDING_DIR = 'native'/.test(shell) && /BINDING_FILE = 'better_sqlite3\.node'/.test(shell), 'main/electron/native-binding.ts must load resources/native/better_sqlite3.node')
      expect(config.beforePack === 'build/before-pack.cjs' && typeof require(at('build', 'before-pack.cjs')) === 'function', 'beforePack must be build/before-pack.cjs (stages and checks the module)')
      const { abi, version } = electronTarget()
      return `Electron ${version}, ABI ${abi}: resources/native/better_sqlite3.node`
    }],
    ['fuses: set in afterPack with a pinned @electron/fuses', () => {
      expect(config.afterPack === 'build/after-pack.cjs' && typeof require(at('build', 'after-pack.cjs')) === 'function', 'afterPack must be build/after-pack.cjs')
      expect(/^\d+\.\d+\.\d+$/.test(pkg.devDependencies?.['@electron/fuses'] ?? ''), '@electron/fuses must be an exactly pinned devDependency')
      expect(config.electronFuses == null, 'set fuses in one place: build/fuses.cjs, not electronFuses')
      const { PRODUCTION_FUSES, fuseConfig } = require(at('build', 'fuses.cjs'))
      for (const [name, value] of Object.entries(REQUIRED_FUSES)) expect(PRODUCTION_FUSES[name] === value, `fuse ${name} must be ${value}`)
      fuseConfig(require('@electron/fuses'))
      return Object.entries(PRODUCTION_FUSES).map(([name, on]) => `${name} ${on ? 'on' : 'off'}`).join(', ')
    }]
  ]
}

/** The unpacked build with a local Electron: run only when BLO_ELECTRON_DIST is set; otherwise says why not. */
function unpackedBuild() {
  const dist = process.env.BLO_ELECTRON_DIST
  if (!dist) {
    return { skipped: `not run: set BLO_ELECTRON_DIST to an unpacked Electron ${electronTarget().version} for ${process.platform}-${process.arch} (e.g. the electron-v${electronTarget().version}-${process.platform}-${process.arch}.zip from GitHub, unzipped) to build and audit the unpacked app here` }
  }
  const flag = { linux: '--linux', win32: '--win' }[process.platform]
  const result = spawnSync(process.execPath, [packageBin('electron-builder'), flag, '--dir', '--publish', 'never', `-c.electronDist=${path.resolve(dist)}`], {
    cwd: ROOT,
    encoding: 'utf8'
  })
  if (result.status !== 0) throw new Error(`electron-builder --dir failed:\n${`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n')}`)
  return { detail: 'built dist/*-unpacked; afterPack audited it and set the fuses' }
}

async function runChecks({ unpacked = true } = {}) {
  const results = []
  let config
  try {
    config = await loadConfig()
    results.push({ name: "electron-builder's schema", ok: true, detail: 'valid' })
  } catch (error) {
    return [{ name: "electron-builder's schema", ok: false, detail: error.message }]
  }
  for (const [name, check] of checks(config)) {
    try {
      results.push({ name, ok: true, detail: check() })
    } catch (error) {
      results.push({ name, ok: false, detail: error.message })
    }
  }
  if (unpacked) {
    try {
      const outcome = unpackedBuild()
      results.push({ name: 'unpacked build with a local Electron', ok: true, skipped: Boolean(outcome.skipped), detail: outcome.skipped ?? outcome.detail })
    } catch (error) {
      results.push({ name: 'unpacked build with a local Electron', ok: false, detail: error.message })
    }
  }
  return results
}

module.exports = { runChecks, filesMatcher, pngSize, icoSizes, REQUIRED_FUSES }

if (require.main === module) {
  runChecks().then((results) => {
    for (const r of results) console.log(`${r.skipped ? 'SKIP' : r.ok ? 'ok  ' : 'FAIL'}  ${r.name}: ${r.detail}`)
    const failed = results.filter((r) => !r.ok).length
    console.log(failed ? `check:packaging: ${failed} FAILED` : 'check:packaging: all passed')
    process.exitCode = failed ? 1 : 0
  })
}
