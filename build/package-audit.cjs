/**
 * What a packed BLO Station must and must not hold, checked on the unpacked app folder after packing
 * (build/after-pack.cjs; scripts/check-packaging.cjs with a local Electron). Returns the problems, [] when none.
 */
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const { addonAbi } = require('../scripts/native-electron.cjs')

const REQUIRED = ['/package.json', '/out/main/index.js', '/out/preload/index.js', '/out/renderer/index.html']
const FORBIDDEN = [
  { pattern: /\.node$/, why: 'a native module inside app.asar (the only one belongs in resources/native)' },
  { pattern: /^\/node_modules\/better-sqlite3\/(build|deps|src)\//, why: "better-sqlite3's Node build or sources" },
  { pattern: /^\/(tests|main|preload|renderer|scripts|build|\.native)\//, why: 'sources, tests or build files' },
  { pattern: /^\/out\/.*\.map$/, why: 'a source map' }
]

function asarModule() {
  const builderDir = path.dirname(require.resolve('app-builder-lib/package.json'))
  return require(require.resolve('@electron/asar', { paths: [builderDir] }))
}

function filesUnder(dir) {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { recursive: true }).map((entry) => `/${String(entry).split(path.sep).join('/')}`)
}

/** resourcesDir: <app>/resources (Linux, Windows); abi: Electron's NODE_MODULE_VERSION. */
function auditPackedApp(resourcesDir, abi) {
  const problems = []
  const binding = path.join(resourcesDir, 'native', 'better_sqlite3.node')
  if (!fs.existsSync(binding)) problems.push(`missing ${binding}`)
  else if (addonAbi(binding) !== abi) problems.push(`${binding} is built for ABI ${addonAbi(binding)}, not Electron's ${abi}`)

  const archive = path.join(resourcesDir, 'app.asar')
  if (!fs.existsSync(archive)) return [...problems, `missing ${archive} (asar must be on)`]
  const entries = asarModule()
    .listPackage(archive, { isPack: false })
    .map((entry) => entry.split(path.sep).join('/'))
  const unpacked = filesUnder(path.join(resourcesDir, 'app.asar.unpacked'))
  const present = new Set(entries)
  for (const file of REQUIRED) if (!present.has(file)) problems.push(`app.asar lacks ${file}`)
  for (const entry of [...entries, ...unpacked]) {
    const rule = FORBIDDEN.find(({ pattern }) => pattern.test(entry))
    if (rule) problems.push(`${entry}: ${rule.why}`)
  }
  return problems
}

module.exports = { auditPackedApp, REQUIRED, FORBIDDEN }
