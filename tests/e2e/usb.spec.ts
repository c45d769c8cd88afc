/**
 * Exchange by USB between two stations that never have a socket between them (each dials an address where nothing
 * listens): introductions both ways, then a shared case crosses on a "stick" (a folder) through the Link screen's
 * Exchange by USB dialog, with its preview before the import and the history after. Screenshots go to SHOTS.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { ADMIN, type TestAccount } from '../helpers/accounts'
import { startHost, stopAllHosts, type RunningHost } from '../helpers/built-programs'
import { bloOk, screenshotsIn } from '../helpers/e2e-kit'
import { setUpThroughUi } from '../helpers/ui-auth'

const SHOTS = process.env.BLO_SHOTS_DIR ?? 'test-results/screenshots/usb'
const ADMIN_B: TestAccount = { username: 'admin.khamphone', password: 'Adm1n-khamphone', role: 'admin', displayName: 'Pol. Maj. Khamphone' }
const SUMMARY = 'ยึดตัวนิ่มมีชีวิต 14 ตัวในเรือหางยาวที่ท่าเรือเชียงแสน'

let root: string
test.beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'blo-e2e-usb-'))
})
test.afterAll(async () => {
  await stopAllHosts()
  rmSync(root, { recursive: true, force: true })
})


async function openPage(browser: Browser, host: RunningHost, admin: TestAccount, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' })
  const page = await context.newPage()
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
  await page.goto(host.ready.url)
  await setUpThroughUi(page, admin)
  return page
}

const shot = screenshotsIn(SHOTS)

async function openUsb(page: Page) {
  await page.getByTestId('nav-link').click()
  await page.getByTestId('peer-card').getByTestId('peer-usb').click()
  const dialog = page.getByTestId('usb-dialog')
  await expect(dialog).toBeVisible()
  return dialog
}

/** Writes a bundle into the stick folder from the open dialog; returns the new file's path. */
async function writeBundle(page: Page, stick: string, kind: string): Promise<string> {
  const before = new Set(readdirSync(stick))
  const dialog = await openUsb(page)
  await dialog.getByTestId('usb-tab-write').click()
  await dialog.getByTestId('field-usb-folder').fill(stick)
  await dialog.getByTestId('usb-write-button').click()
  await expect(dialog.getByTestId('usb-written')).toHaveAttribute('data-kind', kind)
  const added = readdirSync(stick).filter((f) => !before.has(f))
  expect(added).toHaveLength(1)
  expect(added[0]).toMatch(/\.blobundle$/)
  return join(stick, added[0])
}

async function previewBundle(page: Page, file: string) {
  const dialog = await openUsb(page)
  await dialog.getByTestId('usb-tab-read').click()
  await dialog.getByTestId('field-usb-file').fill(file)
  await dialog.getByTestId('usb-inspect').click()
  await expect(dialog.getByTestId('usb-preview')).toBeVisible()
  return dialog
}

test('two stations with no link introduce themselves and carry a shared case by USB', async ({ browser }) => {
  // Two stations and two browsers: 20 s on an idle machine, over 3 min when the machine is loaded far past its cores.
  test.setTimeout(300_000)
  const errors: string[] = []
  const dirA = join(root, 'chiang-saen')
  const dirB = join(root, 'ton-pheung')
  const stick = join(root, 'stick')
  for (const dir of [dirA, dirB, stick]) mkdirSync(dir)
  await bloOk(['init', '--data', dirA, '--name', 'BLO Chiang Saen', '--country', 'TH'])
  await bloOk(['init', '--data', dirB, '--name', 'BLO Ton Pheung', '--country', 'LA'])
  const idA = (JSON.parse(await bloOk(['pair', 'show', '--data', dirA, '--json'])) as { stationId: string }).stationId
  const idB = (JSON.parse(await bloOk(['pair', 'show', '--data', dirB, '--json'])) as { stationId: string }).stationId
  // Nothing listens on port 9: the link never comes up, only the stick crosses.
  await bloOk(['pair', 'add', '--data', dirA, '--id', idB, '--address', '127.0.0.1:9', '--name', 'BLO Ton Pheung'])
  await bloOk(['pair', 'add', '--data', dirB, '--id', idA, '--address', '127.0.0.1:9', '--name', 'BLO Chiang Saen'])
  const caseFile = join(root, 'case.json')
  writeFileSync(
    caseFile,
    JSON.stringify({
      occurredAt: '2026-12-01T05:30:00+07:00',
      category: 'wildlife',
      location: 'ท่าเรือเชียงแสน',
      summary: SUMMARY,
      items: [{ commodity: 'live pangolins', quantity: 14, unit: 'pieces', species: 'Manis javanica' }]
    })
  )
  const created = JSON.parse(await bloOk(['case', 'add', '--data', dirA, '--json', caseFile])) as { id: string; ref: string }
  await bloOk(['share', '--data', dirA, created.id])

  const hostA = await startHost(['--data', dirA, '--port', '0'])
  const hostB = await startHost(['--data', dirB, '--port', '0'])
  const a = await openPage(browser, hostA, ADMIN, errors)
  const b = await openPage(browser, hostB, ADMIN_B, errors)

  // A does not know B's key yet: its first bundle only introduces A.
  const intro = await writeBundle(a, stick, 'introduction')
  await shot(a, '01-usb-write-introduction-en')
  await a.getByTestId('usb-close').click()

  let dialog = await previewBundle(b, intro)
  await expect(dialog.getByTestId('usb-preview-kind')).toContainText('Introduction')
  await expect(dialog.getByTestId('usb-preview-from')).toContainText('BLO Chiang Saen')
  await dialog.getByTestId('usb-import').click()
  await expect(dialog.getByTestId('usb-imported')).toBeVisible()
  await dialog.getByTestId('usb-close').click()
  const answer = await writeBundle(b, stick, 'full')
  await b.getByTestId('usb-close').click()

  dialog = await previewBundle(a, answer)
  await dialog.getByTestId('usb-import').click()
  await expect(dialog.getByTestId('usb-imported')).toBeVisible()
  await dialog.getByTestId('usb-close').click()

  // Now A's bundle is sealed for B and carries the case; B sees what it holds before importing.
  const week = await writeBundle(a, stick, 'full')
  await expect(a.getByTestId('usb-written-contents-newRecords')).toHaveText('1')
  await shot(a, '02-usb-written-en')
  await a.getByTestId('usb-close').click()
  dialog = await previewBundle(b, week)
  await expect(dialog.getByTestId('usb-preview-contents-newRecords')).toHaveText('1')
  await shot(b, '03-usb-preview-en')
  await dialog.getByTestId('usb-import').click()
  await expect(dialog.getByTestId('usb-imported')).toContainText('1 document changed')
  // A second look says it is in already, and offers no import.
  await dialog.getByTestId('usb-inspect').click()
  await expect(dialog.getByTestId('usb-already-imported')).toBeVisible()
  await expect(dialog.getByTestId('usb-import')).toHaveCount(0)
  await dialog.getByTestId('usb-tab-history').click()
  await expect(dialog.getByTestId('usb-history-row')).toHaveCount(3)
  await shot(b, '04-usb-history-en')
  await dialog.getByTestId('usb-close').click()

  await b.getByTestId('nav-exchange').click()
  await b.getByTestId('exchange-search').fill('ตัวนิ่มมีชีวิต')
  await expect(b.getByTestId('exchange-row')).toHaveCount(1)

  // With no link, the counterpart's card says when a bundle last crossed each way; nothing waits on A any more.
  await b.getByTestId('nav-link').click()
  await expect(b.getByTestId('peer-last-bundle')).toContainText('read')
  await expect(b.getByTestId('peer-last-bundle')).toContainText('written')
  await expect(b.getByTestId('peer-last-contact')).toContainText('never')
  await shot(b, '04b-link-last-bundle-en')

  // A tampered file is refused in the dialog, in one line.
  const tampered = join(stick, 'tampered.blobundle')
  const bytes = readFileSync(week)
  bytes[Math.floor(bytes.length / 2)] ^= 0x20
  writeFileSync(tampered, bytes)
  dialog = await previewBundle(b, week)
  await dialog.getByTestId('field-usb-file').fill(tampered)
  await dialog.getByTestId('usb-inspect').click()
  await expect(dialog.getByTestId('usb-read-failure')).toContainText('altered or damaged')
  await shot(b, '05-usb-refused-en')
  await dialog.getByTestId('usb-close').click()

  for (const [page, language] of [
    [a, 'th'],
    [b, 'lo']
  ] as const) {
    await page.getByTestId('language-switcher').selectOption(language)
    const d = await openUsb(page)
    await d.getByTestId('usb-tab-history').click()
    await expect(d.getByTestId('usb-history-row').first()).toBeVisible()
    await shot(page, `06-usb-history-${language}`)
    await d.getByTestId('usb-close').click()
  }
  // Closed here, not left for the worker's end: open pages keep reconnecting and slow the next spec.
  for (const page of [a, b]) await page.context().close()
  expect(errors).toEqual([])
})
