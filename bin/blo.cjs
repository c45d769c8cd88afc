#!/usr/bin/env node
'use strict'
// `blo` / `npx blo`: the built CLI lives in out/main/cli.js; say how to get it rather than a stack trace.
const path = require('node:path')
const fs = require('node:fs')

const cli = path.join(__dirname, '..', 'out', 'main', 'cli.js')
if (!fs.existsSync(cli)) {
  process.stderr.write(`blo: the CLI is not built yet (${cli} is missing): run "npm run build" in ${path.dirname(__dirname)}\n`)
  process.exit(1)
}
require(cli)
