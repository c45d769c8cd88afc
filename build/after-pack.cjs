/**
 * electron-builder afterPack hook, run on the unpacked app before any signing: checks what was packed
 * (build/package-audit.cjs), then flips the production fuses (build/fuses.cjs) with @electron/fuses and reads
 * them back. Any problem fails the build: an installer is made only from an app that passed.
 */
'use strict'
const path = require('node:path')
const { electronTarget } = require('../scripts/native-electron.cjs')
const { fuseConfig, fusesNotSet } = require('./fuses.cjs')
const { auditPackedApp } = require('./package-audit.cjs')

/** The Electron executable electron-builder wrote, per platform, as it names it. */
function executablePath(context) {
  const { appOutDir, electronPlatformName, packager } = context
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`)
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${packager.appInfo.productFilename}.app`)
  return path.join(appOutDir, packager.executableName)
}

function resourcesDir(context) {
  const { appOutDir, electronPlatformName, packager } = context
  return electronPlatformName === 'darwin' || electronPlatformName === 'mas'
    ? path.join(appOutDir, `${packager.appInfo.productFilename}.app`, 'Contents', 'Resources')
    : path.join(appOutDir, 'resources')
}

async function setFuses(executable) {
  const fuses = require('@electron/fuses')
  await fuses.flipFuses(executable, fuseConfig(fuses))
  const wrong = fusesNotSet(fuses, await fuses.getCurrentFuseWire(executable))
  if (wrong.length) throw new Error(`${executable}: fuses not set after flipping: ${wrong.join(', ')}`)
}

async function afterPack(context) {
  const problems = auditPackedApp(resourcesDir(context), electronTarget().abi)
  if (problems.length) {
    const more = problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''
    throw new Error(`The packed app is not fit to ship:\n  ${problems.slice(0, 20).join('\n  ')}${more}`)
  }
  await setFuses(executablePath(context))
}

module.exports = afterPack
module.exports.default = afterPack
module.exports.executablePath = executablePath
