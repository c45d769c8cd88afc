#!/usr/bin/env node
/**
 * `npm run bench [-- SUITE] [flags]`: runs a TypeScript benchmark straight from source with tsx, passing flags
 * through. Suites: case-log (the default; tests/bench/README.md), sync (SYNC.md), plans and plans-latency
 * (PLANS.md), export (EXPORT.md), cli (CLI.md), bundle (BUNDLE.md), or all of them in turn. Benchmarks measure; they are never part of `npm test`.
 */
'use strict'
const { spawnSync } = require('node:child_process')
const path = require('node:path')

const ROOT = path.resolve(__dirname, '..')
const SUITES = ['case-log', 'sync', 'bundle', 'plans', 'plans-latency', 'export', 'cli']

const [first, ...rest] = process.argv.slice(2)
const named = first && !first.startsWith('-')
const suite = named ? first : 'case-log'
const flags = named ? rest : process.argv.slice(2)
if (suite !== 'all' && !SUITES.includes(suite)) {
  console.error(`bench: unknown suite "${suite}". Choose one of: ${SUITES.join(', ')}, all.`)
  process.exit(2)
}

let failed = false
for (const name of suite === 'all' ? SUITES : [suite]) {
  // --expose-gc lets the memory benchmarks measure after a collection rather than guess.
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', path.join(ROOT, 'tests', 'bench', `${name}-benchmark.ts`), ...flags],
    { cwd: ROOT, stdio: 'inherit' }
  )
  if (result.error) {
    console.error(`bench: could not start Node: ${result.error.message}`)
    process.exit(1)
  }
  failed ||= result.status !== 0
}
process.exit(failed ? 1 : 0)
