/**
 * The installer configuration, checked as far as this machine allows without the Electron runtime: electron-builder's
 * own schema and our rules (scripts/check-packaging.cjs, one test each), the audit that fails a build carrying the
 * wrong files, the fuses against @electron/fuses' wire format, and the native module staging.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { electronSqliteBinding, PACKAGED_BINDING_DIR } from '../../main/electron/native-binding'
import { useTempDirs } from '../helpers/temp-dir'

const require = createRequire(__filename)
const ROOT = join(__dirname, '..', '..')

interface CheckResult {
  name: string
  ok: boolean
  skipped?: boolean
  detail: string
}
const { runChecks, filesMatcher } = require('../../scripts/check-packaging.cjs') as {
  runChecks(options: { unpacked: boolean }): Promise<CheckResult[]>
  filesMatcher(patterns: string[]): (file: string) => boolean
}
const { auditPackedApp } = require('../../build/package-audit.cjs') as { auditPackedApp(resources: string, abi: string): string[] }
const { PRODUCTION_FUSES, fuseConfig, fusesNotSet } = require('../../build/fuses.cjs') as {
  PRODUCTION_FUSES: Record<string, boolean>
  fuseConfig(fuses: unknown): Record<string, unknown>
  fusesNotSet(fuses: unknown, wire: Record<number, number>): string[]
}
const { stageNativeBinding } = require('../../build/before-pack.cjs') as {
  stageNativeBinding(target: { platform: string; arch: string; electronVersion?: string }): string
}
const { addonAbi, bindingPath, electronTarget } = require('../../scripts/native-electron.cjs') as {
  addonAbi(file: string): string | null
  bindingPath(abi: string, platform?: string, arch?: string): string
  electronTarget(): { version: string; abi: string }
}
const fuses = require('@electron/fuses') as {
  flipFuses(path: string, config: unknown): Promise<number>
  getCurrentFuseWire(path: string): Promise<Record<number, number>>
  FuseV1Options: Record<string, number>
}
const asar = require(require.resolve('@electron/asar', { paths: [join(ROOT, 'node_modules', 'app-builder-lib')] })) as {
  createPackage(src: string, dest: string): Promise<void>
}

const tempDir = useTempDirs()

describe('electron-builder configuration (check:packaging)', () => {
  let results: CheckResult[] = []
  beforeAll(async () => {
    results = await runChecks({ unpacked: false })
  }, 60_000)

  for (const name of [
    "electron-builder's schema",
    'electron-builder.yml is the only configuration',
    'identity: app ID and product name',
    'targets: Linux AppImage + deb x64, Windows NSIS x64',
    'icons: every Linux size and a multi-size .ico',
    'Linux desktop entry',
    'Windows installer keeps the data and offers per-user install',
    'files: the built app only, asar on',
    'native module: the Electron build only, never rebuilt in place',
    'fuses: set in afterPack with a pinned @electron/fuses'
  ]) {
    it(name, () => {
      const result = results.find((r) => r.name === name)
      expect(result, `no check named ${name}`).toBeDefined()
      expect(result!.ok, result!.detail).toBe(true)
    })
  }

  const dist = process.env.BLO_ELECTRON_DIST
  it.runIf(dist)('unpacked build with the local Electron in BLO_ELECTRON_DIST, audited and fused', async () => {
    const unpacked = (await runChecks({ unpacked: true })).find((r) => r.name === 'unpacked build with a local Electron')!
    expect(unpacked.ok, unpacked.detail).toBe(true)
  }, 600_000)
  it.skipIf(dist)(`unpacked build: NOT RUN here (no Electron ${electronTarget().version} runtime; set BLO_ELECTRON_DIST to an unpacked one to run it)`, () => {})
})

describe('files patterns', () => {
  it('are read the way electron-builder reads them: any include, no exclude', () => {
    const taken = filesMatcher(['out/**', '!out/**/*.map', '!**/node_modules/x/{build,src}/**'])
    expect(taken('out/main/index.js')).toBe(true)
    expect(taken('out/main/index.js.map')).toBe(false)
    expect(taken('main/index.ts')).toBe(false)
    expect(filesMatcher(['**/*', '!**/node_modules/x/{build,src}/**'])('node_modules/x/build/Release/x.node')).toBe(false)
    expect(filesMatcher(['**/*', '!**/node_modules/x/{build,src}/**'])('node_modules/x/lib/index.js')).toBe(true)
  })
})

describe('the audit of a packed app (afterPack)', () => {
  const abi = electronTarget().abi

  /** A resources folder as electron-builder lays it out, with app.asar packed by @electron/asar from `files`. */
  async function packed(files: Record<string, string>, binding: 'electron' | 'node' | 'none'): Promise<string> {
    const app = tempDir()
    const resources = tempDir()
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(app, path, '..'), { recursive: true })
      writeFileSync(join(app, path), content)
    }
    await asar.createPackage(app, join(resources, 'app.asar'))
    if (binding !== 'none') {
      mkdirSync(join(resources, 'native'))
      const target = join(resources, 'native', 'better_sqlite3.node')
      // The Node build of better-sqlite3 is a real addon; only its ABI marker says which runtime it is for.
      copyFileSync(join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), target)
      if (binding === 'electron') writeFileSync(target, Buffer.from(readFileSync(target).toString('latin1').replaceAll(`node_register_module_v${process.versions.modules}`, `node_register_module_v${abi}`), 'latin1'))
    }
    return resources
  }

  const app = {
    'package.json': '{"main":"out/main/index.js"}',
    'out/main/index.js': '',
    'out/preload/index.js': '',
    'out/renderer/index.html': '',
    'node_modules/better-sqlite3/lib/index.js': ''
  }

  it('passes an app holding the built bundles and the Electron build of the SQLite module', async () => {
    expect(auditPackedApp(await packed(app, 'electron'), abi)).toEqual([])
  })

  it("fails one that carries the Node build, sources, tests or source maps, or lacks a bundle or the module", async () => {
    const bad = await packed(
      {
        ...app,
        'out/main/index.js.map': '',
        'node_modules/better-sqlite3/build/Release/better_sqlite3.node': '',
        'tests/unit/a.test.ts': '',
        'main/index.ts': ''
      },
      'node'
    )
    const problems = auditPackedApp(bad, abi)
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`better_sqlite3\\.node is built for ABI ${process.versions.modules}, not Electron's ${abi}`)),
        '/out/main/index.js.map: a source map',
        "/node_modules/better-sqlite3/build/Release/better_sqlite3.node: a native module inside app.asar (the only one belongs in resources/native)",
        '/tests/unit/a.test.ts: sources, tests or build files',
        '/main/index.ts: sources, tests or build files'
      ])
    )
    const { ['out/preload/index.js']: _dropped, ...withoutPreload } = app
    expect(auditPackedApp(await packed(withoutPreload, 'none'), abi)).toEqual([
      expect.stringMatching(/missing .*native[/\\]better_sqlite3\.node$/),
      'app.asar lacks /out/preload/index.js'
    ])
  })
})

describe('Electron fuses', () => {
  /** A file holding a fuse wire the way Electron's executable does: sentinel, wire version 1, length, one byte per fuse. */
  function fuseWireFile(fuseCount: number): string {
    const file = join(tempDir(), 'electron')
    const wire = Buffer.concat([Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, fuseCount]), Buffer.alloc(fuseCount, '1'), Buffer.alloc(32)])
    writeFileSync(file, wire)
    return file
  }

  it('turn RunAsNode, NODE_OPTIONS and --inspect off, cookie encryption and ASAR integrity on, with only app.asar loaded', async () => {
    expect(PRODUCTION_FUSES).toMatchObject({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true
    })
    const electron = fuseWireFile(9)
    expect(fusesNotSet(fuses, await fuses.getCurrentFuseWire(electron))).not.toEqual([])
    await fuses.flipFuses(electron, fuseConfig(fuses))
    const wire = await fuses.getCurrentFuseWire(electron)
    expect(fusesNotSet(fuses, wire)).toEqual([])
    expect(wire[fuses.FuseV1Options.RunAsNode]).toBe('0'.charCodeAt(0))
    expect(wire[fuses.FuseV1Options.OnlyLoadAppFromAsar]).toBe('1'.charCodeAt(0))
  })
})

describe('the SQLite module for Electron', () => {
  it('is looked for where scripts/native-electron.cjs builds it and where the installer puts it', () => {
    const abi = electronTarget().abi
    expect(electronSqliteBinding({ packaged: false, appPath: ROOT, resourcesPath: '/unused', abi, platform: 'linux', arch: 'x64' })).toBe(
      bindingPath(abi, 'linux', 'x64')
    )
    const resources = join(ROOT, 'dist', 'linux-unpacked', 'resources')
    expect(electronSqliteBinding({ packaged: true, appPath: '/unused', resourcesPath: resources })).toBe(join(resources, 'native', 'better_sqlite3.node'))
    const config = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')
    expect(config).toMatch(new RegExp(`to: ${PACKAGED_BINDING_DIR}\\n`))
  })

  it('is recognised by its ABI without being loaded', () => {
    expect(addonAbi(join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))).toBe(process.versions.modules)
    const notAnAddon = join(tempDir(), 'x.node')
    writeFileSync(notAnAddon, 'nothing here')
    expect(addonAbi(notAnAddon)).toBeNull()
  })

  it('must exist for the target before packing starts, and the message says how to get it', () => {
    const { version, abi } = electronTarget()
    expect(() => stageNativeBinding({ platform: 'win32', arch: 'arm64' })).toThrow(
      `No SQLite module for win32-arm64 at ${bindingPath(abi, 'win32', 'arm64')}. It is native code, built on that system`
    )
    expect(() => stageNativeBinding({ platform: process.platform, arch: process.arch, electronVersion: '1.0.0' })).toThrow(
      `Packaging Electron 1.0.0, but node_modules/electron is ${version}`
    )
  })
})
