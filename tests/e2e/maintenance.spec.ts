/**
 * The administrator's Maintenance tab in a real browser, on the station host (where paths are typed: the page
 * cannot open a file dialog). The administrator backs up (verified, listed), checks that backup and stages it for
 * the next start, reads that the station must be restarted; a case logged afterwards is gone once the host has
 * been restarted, and the tab says the backup was restored. An unsigned update file is refused, saying that this
 * build has no publisher key. Then the desktop window's variant (its preload bridge stood in over the host's
 * socket): folders and files come from the native dialog, and a staged restore offers "Restart now".
 * Screenshots (1366×768, English and Thai) go to SHOTS.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { ADMIN } from '../helpers/accounts'
import { runCli, startHost, stopAllHosts, type RunningHost } from '../helpers/built-programs'
import { desktopBridgeScript } from '../helpers/desktop-bridge-standin'
import { setUpThroughUi, signInThroughUi } from '../helpers/ui-auth'

const SHOTS = process.env.BLO_SHOTS_DIR ?? 'test-results/screenshots/maintenance'
const AFTER_BACKUP = 'Logged after the backup: a pickup with hidden tablets'

let dir: string
let stick: string
let host: RunningHost

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'blo-e2e-maint-'))
  stick = mkdtempSync(join(tmpdir(), 'blo-e2e-usb-'))
  const init = await runCli(['init', '--data', dir, '--name', 'BLO Chiang Khong', '--country', 'TH', '--crossing', 'Chiang Khong – Houayxay'])
  expect(init.code, init.stderr).toBe(0)
  const seed = await runCli(['seed', '--data', dir, '--cases', '300', '--seed', '5'])
  expect(seed.code, seed.stderr).toBe(0)
  host = await startHost(['--data', dir, '--port', '0'])
})
test.afterAll(async () => {
  await stopAllHosts()
  rmSync(dir, { recursive: true, force: true })
  rmSync(stick, { recursive: true, force: true })
})

async function newPage(browser: Browser, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' })
  const page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return page
}

async function shot(page: Page, name: string): Promise<void> {
  // (A function, not a string: the page's CSP forbids eval. Typed by hand: the tests compile without the DOM lib.)
  await page.waitForFunction(() => (globalThis as unknown as { document: { fonts: { status: string } } }).document.fonts.status === 'loaded')
  await page.screenshot({ path: `${SHOTS}/${name}.png` })
}

async function openMaintenance(page: Page): Promise<void> {
  await page.getByTestId('nav-management').click()
  await page.getByTestId('management-tab-maintenance').click()
  await expect(page.getByTestId('maintenance-screen')).toBeVisible()
}

async function caseSummaries(): Promise<string[]> {
  const listed = await runCli(['case', 'list', '--data', dir, '--json', '--limit', '500'])
  expect(listed.code, listed.stderr).toBe(0)
  return (listed.json() as { rows: { summary: string }[] }).rows.map((c) => c.summary)
}

test('back up, stage a restore and see the restart message; an unsigned update is refused', async ({ browser }) => {
  // A backup, a restore and a restart of the station host: about a minute when the machine is busy.
  test.setTimeout(180_000)
  const errors: string[] = []
  const page = await newPage(browser, errors)
  await page.goto(host.ready.url)
  await setUpThroughUi(page, ADMIN)
  await openMaintenance(page)
  await expect(page.getByTestId('maintenance-screen')).toHaveAttribute('data-desktop', 'false')
  await expect(page.getByTestId('backup-list')).toContainText('No backups in this folder yet.')
  await shot(page, '01-maintenance-en')

  // Back up now, into the data folder's backups/.
  await page.getByTestId('backup-run').click()
  const result = page.getByTestId('backup-result')
  await expect(result).toBeVisible()
  await expect(result).toContainText('Backup made and verified')
  await expect(page.getByTestId('backup-verified')).toContainText("SQLite's integrity check passed")
  const file = (await page.getByTestId('backup-file').textContent())!.trim()
  expect(file).toMatch(new RegExp(`^${dir.replace(/[/.]/g, '\\$&')}/backups/station-backup-.*\\.db$`))
  await expect(page.getByTestId('backup-size')).toHaveText(/\d+(\.\d+)? (MB|KB)/)
  await expect(page.getByTestId('backup-row')).toHaveCount(1)
  await expect(page.getByTestId('backup-row')).toHaveAttribute('data-file', file)
  const backedUp = await caseSummaries()
  await shot(page, '02-backup-made-en')

  // A case logged after the backup (through the running host, as any officer's screen would).
  const caseFile = join(stick, 'case.json')
  writeFileSync(
    caseFile,
    JSON.stringify({ occurredAt: '2026-11-26T09:00:00+07:00', category: 'narcotics', location: 'Friendship Bridge 4', summary: AFTER_BACKUP })
  )
  const added = await runCli(['case', 'add', '--data', dir, '--json', caseFile])
  expect(added.code, added.stderr).toBe(0)
  expect(await caseSummaries()).toContain(AFTER_BACKUP)

  // Restore: the path is typed (the station host's page cannot open a file dialog), checked, then confirmed.
  await page.getByTestId('field-restore-path').fill(file)
  await page.getByTestId('restore-check').click()
  const confirm = page.getByTestId('restore-dialog')
  await expect(confirm).toBeVisible()
  await expect(confirm).toContainText('The backup is complete and undamaged.')
  await expect(page.getByTestId('restore-consequence')).toContainText(`${dir}/backups`)
  await expect(page.getByTestId('restore-other-station')).toHaveCount(0)
  await shot(page, '03-restore-confirm-en')
  await page.getByTestId('restore-confirm').click()
  await expect(confirm).toBeHidden()
  const pending = page.getByTestId('restore-pending')
  await expect(pending).toContainText('A restore is waiting for the next start')
  await expect(page.getByTestId('restart-instruction')).toHaveText(
    'Restart the station to restore it: stop the station host (Ctrl+C in its window) and start it again. Everyone signed in will have to sign in again.'
  )
  await expect(page.getByTestId('restart-now')).toHaveCount(0)
  // Nothing changes until the restart.
  expect(await caseSummaries()).toContain(AFTER_BACKUP)

  // An update file without a signature, on a build without a publisher key: refused, saying why.
  const update = join(stick, 'BLO-Station-99.0.0-x86_64.AppImage')
  writeFileSync(update, 'not really an installer')
  await page.getByTestId('field-update-path').fill(update)
  await page.getByTestId('update-check').click()
  const refused = page.getByTestId('update-refused')
  await expect(refused).toHaveAttribute('data-reason', 'no-publisher-key')
  await expect(refused).toContainText('This update must not be installed')
  await expect(refused).toContainText('This BLO Station has no publisher key built in, so it cannot check any update and installs none.')
  await expect(refused).toContainText('BLO-Station-99.0.0-x86_64.AppImage: cannot be checked')
  await expect(page.getByTestId('update-install')).toHaveCount(0)
  await shot(page, '04-restore-staged-update-refused-en')

  // A path that is not a full path is named at the field.
  await page.getByTestId('field-update-path').fill('usb/BLO-Station.AppImage')
  await page.getByTestId('update-check').click()
  await expect(page.getByTestId('error-update-path')).toHaveText('Give the full path on the station computer, e.g. /media/usb/… (Linux) or E:\\… (Windows).')

  await page.getByTestId('language-switcher').selectOption('th')
  await expect(page.getByTestId('restore-pending')).toContainText('มีการกู้คืนรอเมื่อเริ่มทำงานครั้งถัดไป')
  await shot(page, '05-maintenance-th')
  await page.getByTestId('language-switcher').selectOption('en')
  expect(errors).toEqual([])

  // The administrator restarts the station host: the backup is in place, the later case gone, the tab says so.
  // (The old page is closed first: a page left open would only log its reconnection attempts.)
  await page.context().close()
  expect(await host.stop()).toBe(0)
  host = await startHost(['--data', dir, '--port', '0'])
  const after = await newPage(browser, errors)
  await after.goto(host.ready.url)
  await signInThroughUi(after, ADMIN)
  await openMaintenance(after)
  const last = after.getByTestId('last-restore')
  await expect(last).toHaveAttribute('data-status', 'applied')
  await expect(last).toContainText(`from ${file.split('/').pop()}`)
  await expect(last).toContainText('station-replaced-')
  await expect(after.getByTestId('restore-pending')).toHaveCount(0)
  expect((await caseSummaries()).sort()).toEqual([...backedUp].sort())
  const replaced = JSON.parse(readFileSync(join(dir, 'restore', 'last-restore.json'), 'utf8')) as { replaced: string }
  expect(replaced.replaced).toMatch(/station-replaced-.*\.db$/)
  await shot(after, '06-restored-en')
  expect(errors).toEqual([])
})

/** The page as the desktop stand-in leaves it (typed by hand: the tests compile without the DOM lib). */
type StandIn = { __picks: Record<string, string>; __desktopRequests: { action: string }[] }

test('in the desktop window: paths come from the native dialogs, and a staged restore offers Restart now', async ({ browser }) => {
  const errors: string[] = []
  const page = await newPage(browser, errors)
  await page.addInitScript({ content: desktopBridgeScript })
  await page.goto(host.ready.url)
  await signInThroughUi(page, ADMIN)
  await openMaintenance(page)
  await expect(page.getByTestId('maintenance-screen')).toHaveAttribute('data-desktop', 'true')
  await expect(page.getByTestId('field-folder')).toHaveCount(0)
  await expect(page.getByTestId('folder-value')).toHaveText(join(dir, 'backups'))

  // "Choose…" opens the system's folder dialog; the administrator picks the USB stick.
  await page.evaluate((folder) => ((globalThis as unknown as StandIn).__picks.folder = folder), stick)
  await page.getByTestId('folder-choose').click()
  await expect(page.getByTestId('folder-value')).toHaveText(stick)
  await page.getByTestId('backup-run').click()
  await expect(page.getByTestId('backup-file')).toHaveText(new RegExp(`^${stick.replace(/[/.]/g, '\\$&')}/station-backup-.*\\.db$`))
  const file = (await page.getByTestId('backup-file').textContent())!.trim()

  await page.evaluate((backup) => ((globalThis as unknown as StandIn).__picks.backup = backup), file)
  await page.getByTestId('restore-path-choose').click()
  await expect(page.getByTestId('restore-path-value')).toHaveText(file)
  await page.getByTestId('restore-check').click()
  await page.getByTestId('restore-confirm').click()
  await expect(page.getByTestId('restart-instruction')).toHaveText('Restart BLO Station to restore it now. Everyone signed in will have to sign in again.')
  await shot(page, '07-desktop-restore-staged-en')
  await page.getByTestId('restart-now').click()
  await expect(page.getByTestId('restart-now')).toHaveText('Restarting…')
  const asked = await page.evaluate(() => (globalThis as unknown as StandIn).__desktopRequests)
  expect(asked).toEqual([
    { action: 'pickFolder', title: 'Where to save the backup', defaultPath: join(dir, 'backups') },
    { action: 'pickFile', purpose: 'backup', title: 'Choose a backup to restore' },
    { action: 'restart' }
  ])
  expect(errors).toEqual([])
})
