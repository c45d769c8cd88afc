/**
 * electron-builder beforePack hook: stages better-sqlite3 built for the Electron being packaged and for the target
 * system into .native/package, where electron-builder.yml's extraResources takes it from. No binding, or one built
 * for another ABI, stops the build here with the fix, so an installer never carries a module that cannot load.
 */
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const { addonAbi, bindingPath, electronTarget } = require('../scripts/native-electron.cjs')

const STAGE = path.resolve(__dirname, '..', '.native', 'package')
const HOST = `${process.platform}-${process.arch}`

/** Returns the staged file; throws an Error whose message says what to do. */
function stageNativeBinding({ platform, arch, electronVersion }) {
  const { version, abi } = electronTarget()
  if (electronVersion && electronVersion !== version) {
    throw new Error(`Packaging Electron ${electronVersion}, but node_modules/electron is ${version}: the SQLite module is built against the latter. Use one version.`)
  }
  const source = bindingPath(abi, platform, arch)
  const target = `${platform}-${arch}`
  if (!fs.existsSync(source)) {
    throw new Error(
      target === HOST
        ? `No SQLite module for Electron ${version} (ABI ${abi}) at ${source}: run "npm run rebuild:electron" first (it needs Electron's headers from the internet once).`
        : `No SQLite module for ${target} at ${source}. It is native code, built on that system: build the installer there, or run "npm run rebuild:electron" there and copy ${path.dirname(source)} here.`
    )
  }
  const found = addonAbi(source)
  if (found !== abi) throw new Error(`${source} is built for ABI ${found ?? 'unknown'}, not Electron ${version}'s ${abi}: run "npm run rebuild:electron" again.`)
  fs.rmSync(STAGE, { recursive: true, force: true })
  fs.mkdirSync(STAGE, { recursive: true })
  const staged = path.join(STAGE, path.basename(source))
  fs.copyFileSync(source, staged)
  return staged
}

async function beforePack(context) {
  const { Arch } = require('electron-builder')
  stageNativeBinding({
    platform: context.electronPlatformName,
    arch: Arch[context.arch],
    electronVersion: context.packager.info.framework?.version
  })
}

module.exports = beforePack
module.exports.default = beforePack
module.exports.stageNativeBinding = stageNativeBinding
module.exports.STAGE = STAGE
