/**
 * A plan the counterpart grew past what this station takes from it: the Link screen names the document, its size
 * and the limit and says what to do, and the header says why the link is not in sync. Two stations run in this
 * process (the receiving one with a small plan limit, which the built station host has no flag for), paired over
 * real mutual TLS on loopback; the screens are served by the real station server to Chromium.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { DEFAULT_DOC_LIMITS } from '../../main/core/docs/doc-limits'
import type { Station } from '../../main/core/station'
import { startStationServer, type StationServer } from '../../main/host/station-server'
import { ADMIN } from '../helpers/accounts'
import { runCli } from '../helpers/built-programs'
import { CHIANG_KHONG, call, openTestStation } from '../helpers/station'
import { setUpThroughUi } from '../helpers/ui-auth'

const SHOTS = 'test-results/screenshots'
const LINK = { backoffBaseMs: 50, backoffMaxMs: 300 }
const KB = 1024

const dirs: string[] = []
const stations: Station[] = []
let server: StationServer | null = null

test.afterEach(async () => {
  await server?.close()
  server = null
  for (const s of stations.splice(0)) await s.close()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'blo-e2e-limit-'))
  dirs.push(dir)
  return dir
}

/**
 * A station made by `blo init`, as an office makes one. It also keeps this process off the one import() a new
 * station makes (its key's certificate code): Playwright's TypeScript transform cannot run an import() of a .ts file
 * in this CommonJS package on Node 20.
 */
async function initialised(identity: { name: string; country: string; crossing: string }): Promise<string> {
  const dir = tempDir()
  const init = await runCli(['init', '--data', dir, '--name', identity.name, '--country', identity.country, '--crossing', identity.crossing])
  if (init.code !== 0) throw new Error(`blo init: ${init.stderr}`)
  return dir
}

test('a plan over its limit from the counterpart is named on the Link screen and in the header', async ({ page }) => {
  const th = openTestStation(await initialised(CHIANG_KHONG), { link: LINK })
  const la = openTestStation(await initialised({ name: 'Houayxay BLO', country: 'LA', crossing: 'Houayxay – Chiang Khong' }), {
    link: LINK,
    docLimits: { ...DEFAULT_DOC_LIMITS, fromPeer: { ...DEFAULT_DOC_LIMITS.fromPeer, plan: 64 * KB } }
  })
  stations.push(th, la)
  for (const s of [th, la]) await s.startLink({ host: '127.0.0.1', port: 0 })
  const address = async (s: Station) => `127.0.0.1:${(await call(s, 'link.status', {})).listening!.port}`
  const id = async (s: Station) => (await call(s, 'link.station', {})).stationId
  await call(th, 'counterparts.add', { stationId: await id(la), address: await address(la), name: 'Houayxay BLO' })
  await call(la, 'counterparts.add', { stationId: await id(th), address: await address(th), name: 'Chiang Khong BLO' })

  const plan = await call(th, 'plans.create', { title: 'ลาดตระเวนร่วม Mekong Dawn', notes: 'จุดนัดพบ: ท่าเรือบั๊ค' })
  await expect.poll(async () => (await call(la, 'plans.list', {})).rows.length).toBe(1)
  // About 100 KB of notes in one edit: past the 64 KB Houayxay takes of a plan from its counterpart.
  await call(th, 'plans.edit', { id: plan.id, edits: [{ op: 'notes.set', text: 'ตรวจค้นเรือทุกลำที่ท่าเรือ '.repeat(1400) }] })
  await expect.poll(async () => (await call(la, 'link.status', {})).peers[0].docsAtLimit.map((d) => d.doc)).toEqual([`plan/${plan.id}`])

  server = await startStationServer({ station: la, rendererDir: join(process.cwd(), 'out/renderer'), port: 0, token: 'e2e-token', localActor: 'cli:e2e', log: () => undefined })
  await page.goto(`${server.origin}/#token=e2e-token`)
  await setUpThroughUi(page, ADMIN)
  await expect(page.getByTestId('link-status-pending')).toContainText('1 document over its limit')
  await page.getByTestId('nav-link').click()
  const alert = page.getByTestId('peer-docs-at-limit')
  await expect(alert).toContainText('1 document has reached its size limit here')
  await expect(alert).toContainText(`Joint plan ${plan.id.slice(0, 8)}`)
  await expect(alert).toContainText('limit 64 KB')
  await alert.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/link-doc-at-limit.png` })

  // The refusal left Houayxay's copy as it was, and it still reads it.
  expect((await call(la, 'plans.get', { id: plan.id })).title).toBe('ลาดตระเวนร่วม Mekong Dawn')
})
