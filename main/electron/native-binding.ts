/**
 * better-sqlite3 in node_modules is compiled for Node's ABI, which Electron cannot load.
 * scripts/native-electron.cjs builds a second copy per Electron ABI into .native/; keep the two paths in step.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export function electronSqliteBinding(appPath: string, abi: string = process.versions.modules): string | undefined {
  const file = join(appPath, '.native', `electron-${abi}`, 'better_sqlite3.node')
  // Missing: let better-sqlite3 find its default build (what a packaged app ships, rebuilt for Electron).
  return existsSync(file) ? file : undefined
}
