/** `blo` as a user runs it: the built out/main/cli.js as a child process, on real data folders. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Case, CasePage, StationInfo } from '../../preload/api'
import { runCli, startHost, stopAllHosts, type CliResult } from '../helpers/built-programs'
import { openSocket, socketUrl } from '../helpers/host-socket'
import { useTempDirs } from '../helpers/temp-dir'

const tempDir = useTempDirs()
afterEach(stopAllHosts)

const methCase = {
  occurredAt: '2026-11-20T08:30:00Z',
  category: 'narcotics',
  location: 'Friendship Bridge 4',
  summary: 'ตรวจพบยาบ้าซุกซ่อนในรถกระบะ',
  items: [{ commodity: 'methamphetamine tablets', quantity: 120000, unit: 'tablets' }]
}
const pangolinCase = {
  occurredAt: '2026-10-02T14:00:00+07:00',
  category: 'wildlife',
  location: 'Houayxay pier',
  summary: 'Pangolin scales in a long-tail boat',
  agency: 'customs',
  items: [{ commodity: 'pangolin scales', quantity: 42, unit: 'kg', species: 'Manis javanica' }],
  persons: [{ name: 'ສົມພອນ ແກ້ວມະນີ', nationality: 'la', role: 'suspect' }]
}
const timberCase = {
  occurredAt: '2026-08-15T06:10:00+07:00',
  category: 'timber',
  location: 'Ban Huak checkpoint',
  summary: 'Rosewood logs under a tarpaulin',
  items: [{ commodity: 'Siamese rosewood', quantity: 3.5, unit: 'm3' }]
}

async function initStation(dir: string): Promise<void> {
  const init = await runCli(['init', '--data', dir, '--name', 'BLO Chiang Khong', '--country', 'TH'])
  expect(init.code, init.stderr).toBe(0)
}

function expectOneLineError(result: CliResult, code: number, pattern: RegExp): void {
  expect(result.code).toBe(code)
  expect(result.stdout).toBe('')
  expect(result.stderr).toMatch(/^blo: [^\n]+\n$/)
  expect(result.stderr).toMatch(pattern)
}

async function addFromFile(dir: string, input: object): Promise<Case> {
  const file = join(dir, `case-${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(file, JSON.stringify(input))
  const added = await runCli(['case', 'add', '--data', dir, '--json', file])
  expect(added.code, added.stderr).toBe(0)
  return added.json<Case>()
}

describe('blo', () => {
  it('initialises a station once, and names the field when the identity is wrong', async () => {
    const dir = tempDir()
    const init = await runCli(['init', '--data', dir, '--name', 'BLO Chiang Khong', '--country', 'th', '--crossing', 'Chiang Khong – Houayxay'])
    expect(init.code, init.stderr).toBe(0)
    expect(init.json<StationInfo>()).toMatchObject({ name: 'BLO Chiang Khong', country: 'TH', crossing: 'Chiang Khong – Houayxay', dataDir: dir, caseCount: 0 })

    expectOneLineError(await runCli(['init', '--data', dir, '--name', 'Other', '--country', 'LA']), 1, /already holds the station "BLO Chiang Khong"/)
    expectOneLineError(await runCli(['init', '--data', tempDir(), '--name', 'X', '--country', 'Thailand']), 1, /country/)
    expectOneLineError(await runCli(['init', '--data', tempDir(), '--country', 'TH']), 2, /--name/)
    expectOneLineError(await runCli(['case', 'list', '--data', tempDir()]), 1, /No station in .* blo init/)
  })

  it('adds cases from a file and from stdin, lists them with filters and a Thai substring, and gets one', async () => {
    const dir = tempDir()
    await initStation(dir)
    const meth = await addFromFile(dir, methCase)
    expect(meth).toMatchObject({ version: 1, status: 'open', summary: methCase.summary, items: methCase.items })
    const fromStdin = await runCli(['case', 'add', '--data', dir, '--json', '-'], { stdin: JSON.stringify(pangolinCase) })
    expect(fromStdin.code, fromStdin.stderr).toBe(0)
    const pangolin = fromStdin.json<Case>()
    expect(pangolin.persons[0]).toMatchObject({ name: 'ສົມພອນ ແກ້ວມະນີ', nationality: 'LA' })
    const timber = await addFromFile(dir, timberCase)

    const list = async (...filters: string[]) => {
      const result = await runCli(['case', 'list', '--data', dir, '--json', ...filters])
      expect(result.code, result.stderr).toBe(0)
      const page = result.json<CasePage>()
      return { total: page.total, ids: page.rows.map((row) => row.id) }
    }
    expect(await list()).toEqual({ total: 3, ids: [meth.id, pangolin.id, timber.id] })
    expect(await list('--q', 'ซุกซ่อน')).toEqual({ total: 1, ids: [meth.id] })
    expect(await list('--q', 'ແກ້ວມະ')).toEqual({ total: 1, ids: [pangolin.id] })
    expect(await list('--category', 'timber')).toEqual({ total: 1, ids: [timber.id] })
    expect(await list('--status', 'open', '--from', '2026-09-01', '--to', '2026-10-31')).toEqual({ total: 1, ids: [pangolin.id] })
    expect(await list('--limit', '1')).toEqual({ total: 3, ids: [meth.id] })

    const got = await runCli(['case', 'get', '--data', dir, pangolin.id, '--json'])
    expect(got.code, got.stderr).toBe(0)
    expect(got.json<Case>()).toEqual(pangolin)
    expectOneLineError(await runCli(['case', 'get', '--data', dir, 'no-such-case', '--json']), 1, /not found/)
  })

  it('refuses bad input with one line naming what is wrong, and writes nothing', async () => {
    const dir = tempDir()
    await initStation(dir)
    const file = join(dir, 'bad.json')
    writeFileSync(file, '{"occurredAt": "2026-11-20T08:30:00Z",')
    expectOneLineError(await runCli(['case', 'add', '--data', dir, '--json', file]), 1, /--json: .*bad\.json is not valid JSON/)
    expectOneLineError(await runCli(['case', 'add', '--data', dir, '--json', '-'], { stdin: 'nope' }), 1, /--json: stdin is not valid JSON/)
    expectOneLineError(await runCli(['case', 'add', '--data', dir, '--json', join(dir, 'missing.json')]), 1, /--json: cannot read .*missing\.json: ENOENT/)

    const badQuantity = { ...methCase, items: [{ ...methCase.items[0], quantity: -5 }] }
    expectOneLineError(await runCli(['case', 'add', '--data', dir, '--json', '-'], { stdin: JSON.stringify(badQuantity) }), 1, /items\.0\.quantity: must be greater than 0/)
    const badCategory = { ...methCase, category: 'gold' }
    expectOneLineError(await runCli(['case', 'add', '--data', dir, '--json', '-'], { stdin: JSON.stringify(badCategory) }), 1, /category/)
    expectOneLineError(await runCli(['case', 'list', '--data', dir, '--status', 'done']), 1, /status/)
    expectOneLineError(await runCli(['case', 'list', '--data', dir, '--limit', 'ten']), 2, /--limit must be a whole number/)
    expectOneLineError(await runCli(['case', 'list', '--data', dir, '--colour', 'red']), 2, /Unknown option '--colour'/)
    expectOneLineError(await runCli(['case', 'add', '--data', dir]), 2, /--json FILE/)
    expectOneLineError(await runCli(['case', 'remove']), 2, /unknown case subcommand 'remove'/)
    expectOneLineError(await runCli(['cases']), 2, /unknown command 'cases'/)

    const list = await runCli(['case', 'list', '--data', dir, '--json'])
    expect(list.json<CasePage>().total).toBe(0)
  })

  it('prints help', async () => {
    const help = await runCli(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: blo <command>/)
    const caseHelp = await runCli(['case', '--help'])
    expect(caseHelp.code).toBe(0)
    expect(caseHelp.stdout).toMatch(/blo case list --data DIR --json/)
  })

  it('goes through a running station host instead of writing behind its back, and refuses init and seed', async () => {
    const dir = tempDir()
    await initStation(dir)
    const localAdd = await runCli(['case', 'add', '--data', dir, '--json', '-'], { stdin: JSON.stringify(timberCase) })
    expect(localAdd.code, localAdd.stderr).toBe(0)

    const host = await startHost(['--data', dir, '--port', '0'])
    const watcher = await openSocket(socketUrl(host.origin, host.token), { Origin: host.origin })
    const viaHost = await runCli(['case', 'add', '--data', dir, '--json', '-'], { stdin: JSON.stringify(methCase) })
    expect(viaHost.code, viaHost.stderr).toBe(0)
    const created = viaHost.json<Case>()
    // The host's own clients hear about it: the write went through the running station.
    expect(await watcher.next((m) => m.type === 'event')).toMatchObject({ payload: { id: created.id, version: 1 } })

    const listed = await runCli(['case', 'list', '--data', dir, '--q', 'ยาบ้า', '--json'])
    expect(listed.json<CasePage>().rows.map((r) => r.id)).toEqual([created.id])
    const got = await runCli(['case', 'get', '--data', dir, created.id, '--json'])
    expect(got.json<Case>().id).toBe(created.id)
    const invalid = await runCli(['case', 'add', '--data', dir, '--json', '-'], { stdin: JSON.stringify({ ...methCase, location: ' ' }) })
    expectOneLineError(invalid, 1, /location: required/)

    expectOneLineError(await runCli(['seed', '--data', dir, '--cases', '10']), 1, /running on .*stop it before "blo seed"/)
    expectOneLineError(await runCli(['init', '--data', dir, '--name', 'X', '--country', 'TH']), 1, /stop it before "blo init"/)

    console.info(`blo case add: ${localAdd.ms.toFixed(0)} ms in-process, ${viaHost.ms.toFixed(0)} ms through the host; list via host ${listed.ms.toFixed(0)} ms`)
    expect(await host.stop()).toBe(0)
    const afterwards = await runCli(['case', 'list', '--data', dir, '--json'])
    expect(afterwards.json<CasePage>().total).toBe(2)
  })

  it('works on its own again after a host died without cleaning up', async () => {
    const dir = tempDir()
    await initStation(dir)
    const host = await startHost(['--data', dir, '--port', '0'])
    host.child.kill('SIGKILL')
    await new Promise((resolve) => host.child.once('exit', resolve))
    const added = await runCli(['case', 'add', '--data', dir, '--json', '-'], { stdin: JSON.stringify(methCase) })
    expect(added.code, added.stderr).toBe(0)
  })

  it('seeds the same cases for the same seed and different ones for another', async () => {
    const snapshot = async (seed: string) => {
      const dir = tempDir()
      await initStation(dir)
      const seeded = await runCli(['seed', '--data', dir, '--cases', '40', '--seed', seed])
      expect(seeded.code, seeded.stderr).toBe(0)
      expect(seeded.json()).toMatchObject({ inserted: 40 })
      const page = (await runCli(['case', 'list', '--data', dir, '--limit', '100', '--json'])).json<CasePage>()
      expect(page.total).toBe(40)
      const { id } = page.rows[7]
      const full = (await runCli(['case', 'get', '--data', dir, id, '--json'])).json<Case>()
      const content = ({ occurredAt, category, location, summary, narrative, items, persons, conveyances, agency }: Case) => ({
        occurredAt, category, location, summary, narrative, items, persons, conveyances, agency
      })
      return { rows: page.rows.map(({ ref, occurredAt, category, location, summary }) => ({ ref, occurredAt, category, location, summary })), one: content(full) }
    }
    const [a, b, c] = [await snapshot('7'), await snapshot('7'), await snapshot('8')]
    expect(b).toEqual(a)
    expect(c.rows).not.toEqual(a.rows)
    expectOneLineError(await runCli(['seed', '--data', tempDir(), '--cases', 'many']), 2, /--cases must be a whole number/)
  })
})
