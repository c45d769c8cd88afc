'use strict'
const fs = require('node:fs')
const path = require('node:path')

const ROOT = path.resolve(__dirname, '..')

/** A dependency's command-line entry, to run with this Node: no shell, no PATH lookup, no package exports rules. */
function packageBin(pkg, name = pkg) {
  const manifest = path.join(ROOT, 'node_modules', pkg, 'package.json')
  const { bin } = JSON.parse(fs.readFileSync(manifest, 'utf8'))
  return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin[name])
}

module.exports = { packageBin }
