/**
 * Where the desktop app finds better-sqlite3 built for Electron's ABI (node_modules holds Node's build, for the
 * tests, the CLI and the station host). Keep the two places in step with their makers:
 *  - an installed app: resources/native/better_sqlite3.node, the only SQLite module an installer carries
 *    (electron-builder.yml extraResources, staged by build/before-pack.cjs);
 *  - a checkout: .native/electron-<abi>-<platform>-<arch>/better_sqlite3.node, built by scripts/native-electron.cjs.
 * A missing or wrong file is explained by openDatabase (main/core/db/sqlite-addon.ts), naming the fix.
 */
import { join } from 'node:path'

export const PACKAGED_BINDING_DIR = 'native'
export const BINDING_FILE = 'better_sqlite3.node'

export interface BindingPlace {
  packaged: boolean
  /** app.getAppPath(): the checkout when run from source. */
  appPath: string
  /** process.resourcesPath: the installed app's resources folder. */
  resourcesPath: string
  abi?: string
  platform?: NodeJS.Platform
  arch?: string
}

export function electronSqliteBinding(place: BindingPlace): string {
  if (place.packaged) return join(place.resourcesPath, PACKAGED_BINDING_DIR, BINDING_FILE)
  const { abi = process.versions.modules, platform = process.platform, arch = process.arch } = place
  return join(place.appPath, '.native', `electron-${abi}-${platform}-${arch}`, BINDING_FILE)
}
