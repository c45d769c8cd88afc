/**
 * A SQLite module that cannot load in this runtime (built for Electron's ABI, not an addon at all, missing) makes
 * openDatabase and openStation fail with one sentence naming the runtime and the fix, never a crash, and leaves
 * nothing behind (no database file, no lock).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../main/core/db/open-database'
import { explainAddonError, runtimeName, SqliteAddonError } from '../../main/core/db/sqlite-addon'
import { openStation } from '../../main/core/station'
import { useTempDirs } from '../helpers/temp-dir'

const tempDir = useTempDirs()
const nodeRuntime = `Node\\.js v${process.versions.node.replace(/\./g, '\\.')} \\(NODE_MODULE_VERSION ${process.versions.modules}\\)`
const nodeFix = /Run "npm rebuild better-sqlite3" \(or reinstall the dependencies with "npm ci"\)\.$/

/**
 * A real addon that registers itself for NODE_MODULE_VERSION 140 (Electron 39's), the way a better-sqlite3 built
 * for Electron does: Node refuses it with its own ABI message. Built with the C compiler better-sqlite3 needs anyway.
 */
function electronAbiAddon(dir: string): string | null {
  const source = join(dir, 'electron-abi.c')
  const addon = join(dir, 'electron-abi.node')
  writeFileSync(
    source,
    `struct node_module { int nm_version; unsigned int nm_flags; void *nm_dso_handle; const char *nm_filename; void *nm_register_func;
       void *nm_context_register_func; const char *nm_modname; void *nm_priv; struct node_module *nm_link; };
     extern void node_module_register(void *);
     static struct node_module module = { 140, 0, 0, "electron-abi.c", 0, 0, "electron_abi", 0, 0 };
     __attribute__((constructor)) static void announce(void) { node_module_register(&module); }\n`
  )
  const cc = spawnSync('cc', ['-shared', '-fPIC', '-o', addon, source], { encoding: 'utf8' })
  return cc.status === 0 ? addon : null
}

describe('a SQLite module for the wrong runtime', () => {
  it.runIf(process.platform === 'linux')('is refused with the runtime it was built for, the one running and the fix', () => {
    const dir = tempDir()
    const addon = electronAbiAddon(dir)
    expect(addon, 'cc could not build the test addon (install build-essential)').not.toBeNull()
    const file = join(dir, 'station.db')
    let error: unknown
    try {
      openDatabase(file, { nativeBinding: addon! })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(SqliteAddonError)
    const message = (error as Error).message
    expect(message).toMatch(new RegExp(`^The SQLite module at ${addon!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} was built for another runtime \\(NODE_MODULE_VERSION 140\\) and cannot load in ${nodeRuntime}\\. `))
    expect(message).toMatch(nodeFix)
    expect(message).not.toContain('\n')
    expect(existsSync(file)).toBe(false)
  })

  it('is refused when the file is not a native module at all', () => {
    const dir = tempDir()
    const fake = join(dir, 'better_sqlite3.node')
    writeFileSync(fake, 'this is not a shared library\n')
    expect(() => openDatabase(join(dir, 'station.db'), { nativeBinding: fake })).toThrow(
      new RegExp(`^The SQLite module at .*better_sqlite3\\.node cannot be loaded in ${nodeRuntime} \\(.*(invalid ELF header|file too short|not a valid Win32).*\\)\\. Run "npm rebuild`)
    )
  })

  it('is refused when the file is missing, and the station lets go of its folder', () => {
    const dir = tempDir()
    const missing = join(dir, '.native', 'electron-140-linux-x64', 'better_sqlite3.node')
    expect(() => openStation({ dataDir: join(dir, 'station'), nativeBinding: missing, init: { name: 'Test BLO', country: 'TH' } })).toThrow(
      new RegExp(`^The SQLite module at .*better_sqlite3\\.node cannot be loaded in ${nodeRuntime} \\(Cannot find module`)
    )
    mkdirSync(join(dir, 'station'), { recursive: true })
    expect(readdirSync(join(dir, 'station'))).toEqual([])
  })

  it('names the Electron fix when it is Electron that cannot load the Node build', () => {
    // What Electron 39 reports for better-sqlite3 built for Node 20 (the message is Node's own, as above).
    const error = Object.assign(
      new Error(
        "The module '/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 140. Please try re-compiling or re-installing\nthe module (for instance, using `npm rebuild` or `npm install`)."
      ),
      { code: 'ERR_DLOPEN_FAILED' }
    )
    const electron = { ...process.versions, electron: '39.8.9', modules: '140' } as NodeJS.ProcessVersions
    expect(runtimeName(electron)).toBe('Electron 39.8.9 (NODE_MODULE_VERSION 140)')
    expect(explainAddonError(error, undefined, electron)?.message).toBe(
      'The SQLite module in node_modules/better-sqlite3 was built for another runtime (NODE_MODULE_VERSION 115) and cannot load in Electron 39.8.9 (NODE_MODULE_VERSION 140). In a checkout run "npm run rebuild:electron"; an installed BLO Station needs reinstalling.'
    )
  })

  it('leaves other errors alone', () => {
    expect(explainAddonError(Object.assign(new Error('unable to open database file'), { code: 'SQLITE_CANTOPEN' }), '/x.node')).toBeNull()
    expect(explainAddonError('not an error', undefined)).toBeNull()
  })
})
