/**
 * The whole slice in a real browser: the built station host on a temp data folder, Debian's Chromium,
 * a 1366×768 office screen. The first officer sets the station up (its administrator), logs a case through
 * the UI, finds it by a Thai substring, moves it along the workflow, and after the host restarts on the same
 * folder signs in again and finds it all still there.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { ADMIN } from '../helpers/accounts'
import { startHost, stopAllHosts, type RunningHost } from '../helpers/built-programs'
import { setUpThroughUi, signInThroughUi } from '../helpers/ui-auth'

const SHOTS = 'test-results/screenshots'
// Demo cases are Thai and Lao too: the search must pick ours out of them by a word that only ours has.
const SUMMARY = 'ตรวจพบงาช้างแกะสลักซุกซ่อนในกระสอบข้าวเหนียว'
const THAI_SUBSTRING = 'กระสอบข้าวเหนียว'
const LOCATION = 'ด่านพรมแดนเชียงของ สะพานมิตรภาพไทย-ลาว 4'

let dataDir: string

test.beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'blo-e2e-'))
})
test.afterAll(async () => {
  await stopAllHosts()
  rmSync(dataDir, { recursive: true, force: true })
})

/** Fails the test on anything the page reports as an error, CSP violations included. */
function watchForErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

/** Opens the station's page and gets past its door: the first-run setup on a new station, else the sign-in. */
async function openStationPage(page: Page, host: RunningHost, door: 'setup' | 'sign-in'): Promise<void> {
  await page.goto(host.ready.url)
  if (door === 'setup') await setUpThroughUi(page, ADMIN)
  else await signInThroughUi(page, ADMIN)
  await expect(page.getByTestId('station-name')).toHaveText('BLO Chiang Khong')
  await expect(page.getByTestId('case-row').first()).toBeVisible()
}

async function search(page: Page, text: string): Promise<void> {
  await page.getByTestId('case-search').fill(text)
  await expect(page.getByTestId('case-row')).toHaveCount(1)
}

test('log a case, find it by a Thai substring, change its status, and keep it all across a restart', async ({ page }) => {
  const errors = watchForErrors(page)
  const first = await startHost(['--data', dataDir, '--port', '0', '--demo'])
  await openStationPage(page, first, 'setup')
  await page.screenshot({ path: `${SHOTS}/01-case-log.png` })

  // Log a new wildlife case.
  await page.getByTestId('new-case').click()
  const form = page.getByTestId('case-form')
  await expect(form).toBeVisible()
  await form.getByTestId('field-occurredAt').fill('2026-11-20T08:30')
  await form.getByTestId('field-category').selectOption('wildlife')
  await form.getByTestId('field-agency').selectOption('customs')
  await form.getByTestId('field-officer').fill('ร.ต.อ. สมชาย ใจดี')
  await form.getByTestId('field-summary').fill(SUMMARY)
  await form.getByTestId('field-location').fill(LOCATION)
  await form.getByTestId('add-items').click()
  await form.getByTestId('field-items.0.commodity').fill('งาช้างแกะสลัก')
  await form.getByTestId('field-items.0.quantity').fill('12.5')
  await form.getByTestId('field-items.0.unit').selectOption('kg')
  await form.getByTestId('field-items.0.species').fill('Elephas maximus')
  await page.screenshot({ path: `${SHOTS}/02-new-case-form.png` })
  await form.getByTestId('case-save').click()

  const detail = page.getByTestId('case-detail')
  await expect(detail).toBeVisible()
  await expect(page.getByTestId('detail-summary')).toHaveText(SUMMARY)
  await expect(page.getByTestId('detail-status')).toHaveAttribute('data-status', 'open')
  const ref = (await page.getByTestId('detail-ref').innerText()).trim()
  expect(ref).not.toBe('')

  // Back to the log: a Thai substring from the middle of the summary finds exactly this case.
  await page.getByTestId('detail-back').click()
  await search(page, THAI_SUBSTRING)
  await expect(page.getByTestId('case-row')).toContainText(ref)
  await page.screenshot({ path: `${SHOTS}/03-thai-search.png` })

  // Move it along the workflow.
  await page.getByTestId('case-row').click()
  await page.getByTestId('status-to-investigating').click()
  await page.getByTestId('status-note').fill('ส่งต่อเจ้าหน้าที่กรมอุทยานฯ ตรวจสอบชนิดพันธุ์')
  await page.getByTestId('status-confirm').click()
  await expect(page.getByTestId('detail-status')).toHaveAttribute('data-status', 'investigating')
  await expect(page.getByTestId('history-entry')).toHaveCount(2)
  await page.screenshot({ path: `${SHOTS}/04-status-changed.png` })

  // Restart the host on the same folder: new port, new token, same case log. Leave the page first so its
  // reconnect attempts to the stopped host are not mistaken for errors.
  await page.goto('about:blank')
  expect(await first.stop()).toBe(0)
  const second = await startHost(['--data', dataDir, '--port', '0', '--demo'])
  expect(second.token).not.toBe(first.token)
  await openStationPage(page, second, 'sign-in')
  await search(page, THAI_SUBSTRING)
  await expect(page.getByTestId('case-row')).toContainText(ref)
  await page.getByTestId('case-row').click()
  await expect(page.getByTestId('detail-summary')).toHaveText(SUMMARY)
  await expect(page.getByTestId('detail-status')).toHaveAttribute('data-status', 'investigating')
  await expect(page.getByTestId('history-entry')).toHaveCount(2)
  await expect(page.getByTestId('detail-items')).toContainText('งาช้างแกะสลัก')
  await page.screenshot({ path: `${SHOTS}/05-after-restart.png` })

  expect(errors).toEqual([])
})
