#!/usr/bin/env node
/**
 * `npm run bench [-- flags]`: runs the TypeScript case log benchmark (tests/bench/case-log-benchmark.ts) with tsx,
 * straight from source, passing flags through. See tests/bench/README.md for what it measures.
 */
'use strict'
const { spawnSync } = require('node:child_process')
const path = require('node:path')

const ROOT = path.resolve(__dirname, '..')
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', path.join(ROOT, 'tests', 'bench', 'case-log-benchmark.ts'), ...process.argv.slice(2)],
  { cwd: ROOT, stdio: 'inherit' }
)
if (result.error) {
  console.error(`bench: could not start Node: ${result.error.message}`)
  process.exit(1)
}
process.exit(result.status ?? 1)
