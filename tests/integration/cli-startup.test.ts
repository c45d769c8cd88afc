/**
 * `blo` answers help and command-line mistakes without loading the station: what a command pulls in at start-up
 * is what makes it slow (tests/bench/CLI.md times it), so this checks the modules themselves, which no busy
 * machine can change.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI_JS, ROOT, runCli } from '../helpers/built-programs'
import { useTempDirs } from '../helpers/temp-dir'

const tempDir = useTempDirs()
const TRACER = join(ROOT, 'tests', 'helpers', 'loaded-modules.cjs')

/** The packages of the station proper: the database, the CRDT, the schemas, the link, the XLSX, PDF and X.509 writers. */
const STATION_PACKAGES = ['better-sqlite3', 'zod', 'yjs', 'ws', 'exceljs', 'pdfkit', 'fontkit', '@peculiar/x509']
/** What only an export or the making of a station's key needs. */
const NOT_FOR_READING = ['exceljs', 'pdfkit', 'fontkit', '@peculiar/x509']

function loadedPackages(args: string[]): { code: number | null; stdout: string; stderr: string; packages: string[] } {
  const out = join(tempDir(), 'loaded.json')
  const result = spawnSync(process.execPath, ['--require', TRACER, CLI_JS, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOADED_MODULES_OUT: out }
  })
  const files = JSON.parse(readFileSync(out, 'utf8')) as string[]
  const packages = STATION_PACKAGES.filter((name) => files.some((file) => file.includes(`/node_modules/${name}/`)))
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, packages }
}

describe('blo start-up', () => {
  it.each([
    [['--help'], 0, /^Usage: blo <command>/],
    [['case', '--help'], 0, /blo case list --data DIR --json/],
    [['export', '--help'], 0, /--what cases\|received\|exchange\|audit/],
    [['backup', '--help'], 0, /Usage: blo backup --data DIR --out FILE/],
    [['update', 'verify', '--help'], 0, /Usage: blo update verify FILE/],
    [['init', '--data', '/nonexistent', '--country', 'TH'], 2, /--name/],
    [['case', 'list', '--colour', 'red'], 2, /Unknown option '--colour'/],
    [['cases'], 2, /unknown command 'cases'/]
  ])('answers blo %j without loading the station', (args, code, output) => {
    const result = loadedPackages(args)
    expect(result.code, result.stderr).toBe(code)
    expect(code === 0 ? result.stdout : result.stderr).toMatch(output)
    expect(result.packages).toEqual([])
  })

  describe('on a station', () => {
    async function newStation(): Promise<string> {
      const dir = tempDir()
      const init = await runCli(['init', '--data', dir, '--name', 'BLO Chiang Khong', '--country', 'TH'])
      expect(init.code, init.stderr).toBe(0)
      return dir
    }

    it('lists cases without loading the export or certificate code', async () => {
      const result = loadedPackages(['case', 'list', '--data', await newStation(), '--json'])
      expect(result.code, result.stderr).toBe(0)
      expect(JSON.parse(result.stdout)).toMatchObject({ total: 0, rows: [] })
      expect(result.packages).toEqual(expect.arrayContaining(['better-sqlite3', 'zod']))
      expect(result.packages.filter((name) => NOT_FOR_READING.includes(name))).toEqual([])
    })

    it('makes the station key at init, so the station ID is fixed before anything asks for it', async () => {
      const dir = await newStation()
      const show = loadedPackages(['pair', 'show', '--data', dir, '--json'])
      expect(show.code, show.stderr).toBe(0)
      expect(show.packages).not.toContain('@peculiar/x509')
      const again = await runCli(['pair', 'show', '--data', dir, '--json'])
      expect(again.json()).toEqual(JSON.parse(show.stdout))
    })
  })
})
