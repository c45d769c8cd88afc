'use strict'
// `node --require this-file program…`: on exit, writes the files the program loaded (require's cache) as a JSON
// array to the file named by LOADED_MODULES_OUT, so a test can tell what a command pulled in at start-up.
const { writeFileSync } = require('node:fs')

const out = process.env.LOADED_MODULES_OUT
if (out) process.on('exit', () => writeFileSync(out, JSON.stringify(Object.keys(require.cache))))
