/** `blo` as a user runs it: the built out/main/cli.js as a child process, on real data folders. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Case, CasePage, ExchangePage, MethodOutput, PairedStation, RecordDetail, StationCard, StationInfo, LinkStatus } from '../../preload/api'
import { runCli, startHost, stopAllHosts, type CliResult } from '../helpers/built-programs'
import { openSocket, socketUrl } from '../helpers/host-socket'
import { useTempDirs } from '../helpers/temp-dir'

type LinkEvent = MethodOutput<'link.log'>[number]

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

  it('refuses a bad case file or field with one line naming what is wrong, and writes nothing', async () => {
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

    const list = await runCli(['case', 'list', '--data', dir, '--json'])
    expect(list.json<CasePage>().total).toBe(0)
  })

  it('refuses a mistyped command line with one line naming what is wrong, and writes nothing', async () => {
    const dir = tempDir()
    await initStation(dir)
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
    for (const command of ['pair show', 'pair add', 'sync status', 'share', 'exchange list', 'alert send', 'request send', 'reply']) {
      expect(help.stdout, command).toContain(`  ${command} `)
    }
    const caseHelp = await runCli(['case', '--help'])
    expect(caseHelp.code).toBe(0)
    expect(caseHelp.stdout).toMatch(/blo case list --data DIR --json/)
    expect((await runCli(['pair', '--help'])).stdout).toMatch(/blo pair add --data DIR --id ID --address HOST:PORT/)
    expect((await runCli(['sync', 'status', '--help'])).stdout).toMatch(/blo sync status --data DIR --json/)
    const shareHelp = await runCli(['share', '--help'])
    expect(shareHelp.code).toBe(0)
    expect(shareHelp.stdout).toMatch(/persons\.names/)
  })

  it('pairs, shares and lists the exchange without a running station, and names what is wrong', async () => {
    const dir = tempDir()
    await initStation(dir)
    const ok = async <T,>(...args: string[]): Promise<T> => {
      const result = await runCli([...args, '--data', dir])
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0)
      return result.json<T>()
    }
    const card = await ok<StationCard>('pair', 'show', '--json')
    expect(Object.keys(card)).toEqual(['stationId', 'name', 'country'])
    expect(card.stationId).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4})+$/)
    expect(await ok<StationCard>('pair', 'show', '--json')).toEqual(card)

    // Another station's ID, the only way to get one: its own `pair show`.
    const other = tempDir()
    await runCli(['init', '--data', other, '--name', 'BLO Houayxay', '--country', 'LA'])
    const counterpart = JSON.parse((await runCli(['pair', 'show', '--data', other, '--json'])).stdout) as StationCard
    const paired = await ok<PairedStation>('pair', 'add', '--id', counterpart.stationId.toLowerCase(), '--address', '192.0.2.10:47470', '--name', 'Houayxay')
    expect(paired).toMatchObject({ stationId: counterpart.stationId, address: '192.0.2.10:47470', name: 'Houayxay' })
    expect((await ok<PairedStation[]>('pair', 'list', '--json')).map((p) => p.stationId)).toEqual([counterpart.stationId])
    const status = await ok<LinkStatus>('sync', 'status', '--json')
    expect(status).toMatchObject({ stationId: card.stationId, listening: null, peers: [{ stationId: counterpart.stationId, state: 'offline', lastCompleteSync: null, pendingDocs: 0 }] })

    const meth = await addFromFile(dir, { ...methCase, persons: [{ name: 'สมชาย ใจดี', role: 'suspect' }] })
    const shared = await ok<RecordDetail>('share', meth.id, '--fields', 'summary, items')
    expect(shared.record).toMatchObject({ recordId: meth.id, revision: 1, fields: ['core', 'summary', 'items'] })
    expect(shared.record.case).not.toHaveProperty('persons')
    // Shared while offline: it waits for the counterpart.
    expect((await ok<LinkStatus>('sync', 'status', '--json')).peers[0].pendingDocs).toBe(1)
    const sent = await ok<ExchangePage>('exchange', 'list', '--json', '--box', 'sent', '--q', 'ซุกซ่อน')
    expect(sent).toMatchObject({ box: 'sent', total: 1, rows: [{ recordId: meth.id, fromCounterpart: false }] })
    const all = await ok<Record<string, { total: number }>>('exchange', 'list', '--json')
    expect(Object.keys(all)).toEqual(['unread', 'received', 'sent', 'alerts', 'requests'])
    expect([all.received.total, all.sent.total, all.alerts.total, all.requests.total]).toEqual([0, 1, 0, 0])
    const alert = await ok<{ message: { id: string; text: string } }>('alert', 'send', '--subject', 'person', '--text', 'ชายสวมหมวกแดง')
    expect((await ok<ExchangePage>('exchange', 'list', '--json', '--box', 'alerts')).rows).toMatchObject([{ message: { id: alert.message.id }, replies: [] }])
    expect(await ok('exchange', 'get', '--json', '--origin', card.stationId, '--message', alert.message.id)).toMatchObject({ type: 'message', replies: [] })
    expect((await ok<RecordDetail>('withdraw', meth.id, '--reason', 'ส่งผิด')).record.withdrawn).toMatchObject({ reason: 'ส่งผิด' })

    expect(await ok('pair', 'remove', '--id', counterpart.stationId)).toEqual({ removed: true })
    const log = await ok<LinkEvent[]>('sync', 'log', '--json', '--limit', '5')
    expect(log.map((e) => e.kind)).toEqual(['unpaired', 'paired'])

    const err = (args: string[], stdin?: string) => runCli([...args, '--data', dir], { stdin })
    expectOneLineError(await err(['pair', 'add', '--address', '192.0.2.10:47470']), 2, /pair add needs --id/)
    expectOneLineError(await err(['pair', 'add', '--id', counterpart.stationId.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), '--address', '192.0.2.10:1']), 1, /Station ID: .*check/)
    expectOneLineError(await err(['pair', 'add', '--id', card.stationId, '--address', '192.0.2.10:1']), 1, /own ID/)
    expectOneLineError(await err(['pair', 'add', '--id', counterpart.stationId, '--address', 'bridge4']), 1, /Address: .*no port/)
    expectOneLineError(await err(['pair', 'remove', '--id', counterpart.stationId]), 1, /No paired station/)
    expectOneLineError(await err(['pair', 'pin']), 2, /unknown pair subcommand 'pin'; use show, add, remove or list/)
    expectOneLineError(await err(['sync']), 2, /sync needs a subcommand first: status or log/)
    expectOneLineError(await err(['sync', 'log', '--limit', '0']), 2, /--limit must be a whole number from 1 to 1000/)
    expectOneLineError(await err(['share']), 2, /share needs exactly one case ID/)
    expectOneLineError(await err(['share', meth.id, '--fields', 'summary,passport']), 1, /fields\.1: /)
    expectOneLineError(await err(['share', 'no-such-case']), 1, /not found/)
    expectOneLineError(await err(['withdraw', meth.id]), 2, /withdraw needs --reason/)
    expectOneLineError(await err(['exchange', 'list', '--box', 'inbox']), 1, /box: /)
    expectOneLineError(await err(['exchange', 'get', '--origin', card.stationId]), 2, /either --record ID or --message ID/)
    expectOneLineError(await err(['alert', 'send', '--subject', 'boat', '--text', 'x']), 1, /subject: /)
    expectOneLineError(await err(['alert', 'send', '--subject', 'route']), 2, /alert send needs --text/)
    expectOneLineError(await err(['request', 'send', '--title', 'T', '--text', 'x', '--origin', counterpart.stationId]), 2, /--origin goes with --record/)
    expectOneLineError(await err(['reply', '--origin', counterpart.stationId, '--message', 'nope', '--text', 'x']), 1, /not found/)
  }, 60_000)

  it('goes through a running station host instead of writing behind its back, and refuses init and seed', async () => {
    const dir = tempDir()
    await initStation(dir)
    const localAdd = await runCli(['case', 'add', '--data', dir, '--json', '-'], { stdin: JSON.stringify(timberCase) })
    expect(localAdd.code, localAdd.stderr).toBe(0)

    const host = await startHost(['--data', dir, '--port', '0'])
    // A local watcher (token, no Origin): a page would get events only once someone signs in on it.
    const watcher = await openSocket(socketUrl(host.origin, host.token))
    const viaHost = await runCli(['case', 'add', '--data', dir, '--json', '-'], { stdin: JSON.stringify(methCase) })
    expect(viaHost.code, viaHost.stderr).toBe(0)
    const created = viaHost.json<Case>()
    // The host's own clients hear about it: the write went through the running station.
    expect(await watcher.next((m) => m.type === 'event' && m.event === 'cases:changed')).toMatchObject({ payload: { id: created.id, version: 1 } })

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
