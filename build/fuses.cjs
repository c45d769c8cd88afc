/**
 * The Electron fuses of every packaged BLO Station: switches compiled into the Electron binary that its own code
 * cannot turn back at run time. Flipped by build/after-pack.cjs, checked by scripts/check-packaging.cjs.
 */
'use strict'

/** By @electron/fuses FuseV1Options name. */
const PRODUCTION_FUSES = Object.freeze({
  // The installed executable is never a plain Node.js (ELECTRON_RUN_AS_NODE would bypass every guard of the shell).
  RunAsNode: false,
  // Cookies and other Chromium secrets are encrypted with the OS keystore.
  EnableCookieEncryption: true,
  // NODE_OPTIONS and --inspect cannot inject code or a debugger into the station's main process.
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  // app.asar is checked against the hash electron-builder embeds (Windows and macOS; Electron has no check on Linux yet),
  // and the app loads only from app.asar, so the check cannot be sidestepped with a loose resources/app folder.
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  // Our pages come from blo://, never file://: file pages get no privileges beyond a browser's.
  GrantFileProtocolExtraPrivileges: false
})

/** The configuration @electron/fuses' flipFuses takes. */
function fuseConfig(fuses) {
  const { FuseV1Options, FuseVersion } = fuses
  const config = { version: FuseVersion.V1 }
  for (const [name, enabled] of Object.entries(PRODUCTION_FUSES)) {
    if (!(name in FuseV1Options)) throw new Error(`@electron/fuses has no fuse named ${name}`)
    config[FuseV1Options[name]] = enabled
  }
  return config
}

/** How a fuse wire stores a fuse: the ASCII digits '1' (on) and '0' (off). */
const FUSE_ON = 0x31
const FUSE_OFF = 0x30

/** Names of the fuses whose state in wire (from getCurrentFuseWire) is not the one we set; [] when all are. */
function fusesNotSet(fuses, wire) {
  const { FuseV1Options } = fuses
  return Object.entries(PRODUCTION_FUSES)
    .filter(([name, enabled]) => wire[FuseV1Options[name]] !== (enabled ? FUSE_ON : FUSE_OFF))
    .map(([name]) => name)
}

module.exports = { PRODUCTION_FUSES, fuseConfig, fusesNotSet }
