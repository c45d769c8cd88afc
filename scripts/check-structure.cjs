#!/usr/bin/env node
/**
 * `npm run check:structure`: the tree's shape, checked by well-kept tools. dependency-cruiser: no import cycles
 * (type-only imports count) and the layer rules (.dependency-cruiser.cjs); knip: no unused files, exports or
 * dependencies (knip.json); jscpd: duplicated code under a ceiling per folder. Every check runs; the exit code
 * says whether all passed.
 */
'use strict'
const { spawnSync } = require('node:child_process')
const path = require('node:path')
const { packageBin } = require('./package-bin.cjs')

const ROOT = path.resolve(__dirname, '..')
/** Percent of a folder's lines that may stand in a copy of 6 or more lines elsewhere in it. */
const DUPLICATION_CEILING = { main: 0.25, preload: 0.5, 'renderer/src': 0.5 }

const run = (bin, args) => spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, stdio: 'inherit' }).status === 0

const checks = [
  ['import cycles and layers (dependency-cruiser)', () => run(packageBin('dependency-cruiser', 'depcruise'), ['main', 'preload', 'renderer/src', '--config', '.dependency-cruiser.cjs'])],
  ['unused files, exports and dependencies (knip)', () => run(packageBin('knip'), ['--no-progress'])],
  ...Object.entries(DUPLICATION_CEILING).map(([folder, ceiling]) => [
    `duplicated code in ${folder} at most ${ceiling}% (jscpd)`,
    () => run(packageBin('jscpd'), ['--silent', '--min-lines', '6', '--format', 'typescript,tsx', '--threshold', String(ceiling), '--reporters', 'console', folder])
  ])
]

const failed = checks.filter(([name, check]) => {
  console.log(`\n=== ${name}`)
  return !check()
})
console.log(failed.length ? `\ncheck:structure: FAILED (${failed.map(([name]) => name).join('; ')})` : '\ncheck:structure: all passed')
process.exit(failed.length ? 1 : 0)
