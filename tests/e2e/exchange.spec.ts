/**
 * Two stations across a border, each its own host process with its own browser page: a Thai BLO at Chiang
 * Khong (the demo) and a Lao BLO at Houayxay. They pair through their Link screens, A shares a case with a
 * Thai summary from its case detail, B finds it in its Received box by a Thai substring and asks about it,
 * A replies, B reads the reply; both headers say connected and when they last synced. Screenshots of every
 * exchange screen and dialog (English, Thai, Lao) go to SHOTS.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { ADMIN, type TestAccount } from '../helpers/accounts'
import { runCli, startHost, stopAllHosts, type RunningHost } from '../helpers/built-programs'
import { setUpThroughUi } from '../helpers/ui-auth'

const SHOTS = process.env.BLO_SHOTS_DIR ?? 'test-results/screenshots/exchange'
// The demo's own cases are Thai and Lao too: the search must pick ours out by a phrase only ours has.
const SUMMARY = 'พบไม้พะยูงแปรรูปซุกในรถบรรทุกผักกาดขาวมุ่งหน้าท่าเรือบั๊ก'
const THAI_SUBSTRING = 'ผักกาดขาวมุ่งหน้า'
const PLATE = '云A·7K295'
const CHINESE_NAME = '李建国'
const QUESTION = 'ຂໍຂໍ້ມູນເພີ່ມເຕີມກ່ຽວກັບເຈົ້າຂອງລົດບັນທຸກຄັນນີ້'
const ANSWER = 'เจ้าของรถเป็นบริษัทขนส่งในเชียงราย กำลังตรวจสอบเพิ่มเติม'

let dirA: string
let dirB: string

test.beforeAll(() => {
  dirA = mkdtempSync(join(tmpdir(), 'blo-e2e-a-'))
  dirB = mkdtempSync(join(tmpdir(), 'blo-e2e-b-'))
})
test.afterAll(async () => {
  await stopAllHosts()
  rmSync(dirA, { recursive: true, force: true })
  rmSync(dirB, { recursive: true, force: true })
})

/** Fails the test on anything the page reports as an error, CSP violations included. */
function watchForErrors(page: Page, errors: string[], name: string): void {
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${name}: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`${name}: ${error.message}`))
}

/** Each station is new: its first officer sets it up through the UI and so is its administrator (pairing needs one). */
const ADMIN_B: TestAccount = { username: 'admin.khamphone', password: 'Adm1n-khamphone', role: 'admin', displayName: 'Pol. Maj. Khamphone' }

async function openPage(browser: Browser, host: RunningHost, name: string, admin: TestAccount, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' })
  const page = await context.newPage()
  watchForErrors(page, errors, name)
  await page.goto(host.ready.url)
  await setUpThroughUi(page, admin)
  await expect(page.getByTestId('link-status')).toBeVisible()
  return page
}

async function shot(page: Page, name: string): Promise<void> {
  // Wait for the font slices the screen needs (Thai, Lao, Chinese), so a screenshot shows glyphs, not boxes.
  // (A function, not a string: the page's CSP forbids eval. Typed by hand: the tests compile without the DOM lib.)
  await page.waitForFunction(() => (globalThis as unknown as { document: { fonts: { status: string } } }).document.fonts.status === 'loaded')
  await page.screenshot({ path: `${SHOTS}/${name}.png` })
}

async function setLanguage(page: Page, language: 'en' | 'th' | 'lo'): Promise<void> {
  await page.getByTestId('language-switcher').selectOption(language)
  await expect(page.locator('html')).toHaveAttribute('lang', language)
}

/** This station's card as the Link screen shows it: the ID from link.station, the address from link.status. */
async function readCard(page: Page): Promise<{ id: string; address: string }> {
  await page.getByTestId('nav-link').click()
  const id = await page.getByTestId('link-station-id').getAttribute('data-station-id')
  const address = (await page.getByTestId('link-station-address').innerText()).trim()
  expect(id).toMatch(/^([A-Z2-7]{4}-){6}[A-Z2-7]{4}$/)
  return { id: id!, address }
}

async function pair(page: Page, counterpart: { id: string; address: string }, name: string): Promise<void> {
  const form = page.getByTestId('pair-form')
  await form.getByTestId('field-stationId').fill(counterpart.id)
  await form.getByTestId('field-address').fill(counterpart.address)
  await form.getByTestId('field-name').fill(name)
  await form.getByTestId('pair-submit').click()
  await expect(form.getByTestId('pair-done')).toBeVisible()
  await expect(page.getByTestId('peer-card').filter({ hasText: name })).toBeVisible()
}

test('pair two stations, share a Thai case, find it across the border, ask and answer about it', async ({ browser }) => {
  // Two stations, two browsers, a real link and 18 screenshots: 1.8 min on a busy machine, over 3 on an overloaded one.
  test.setTimeout(300_000)
  const errors: string[] = []
  const init = await runCli(['init', '--data', dirB, '--name', 'BLO Houayxay', '--country', 'LA', '--crossing', 'Houayxay – Chiang Khong'])
  expect(init.code, init.stderr).toBe(0)
  const hostA = await startHost(['--data', dirA, '--port', '0', '--demo'])
  const hostB = await startHost(['--data', dirB, '--port', '0'])
  const a = await openPage(browser, hostA, 'A', ADMIN, errors)
  const b = await openPage(browser, hostB, 'B', ADMIN_B, errors)

  // Not paired yet: the header says so in words, not only in colour.
  await expect(a.getByTestId('link-status')).toHaveAttribute('data-state', 'notPaired')
  await expect(a.getByTestId('link-status-state')).toHaveText('Not paired')

  // Each side reads its own card; the address shown is the one the host listens on.
  const cardA = await readCard(a)
  const cardB = await readCard(b)
  expect(cardA.address).toBe(hostA.ready.sync)
  expect(cardB.address).toBe(hostB.ready.sync)
  await expect(a.getByTestId('station-qr')).toHaveAttribute('data-qr-text', cardA.id)
  await shot(a, '01-link-unpaired-en')

  // A bad ID is refused under its field, in the station's words.
  await a.getByTestId('field-stationId').fill('ABCD-EFGH')
  await a.getByTestId('field-address').fill(cardB.address)
  await a.getByTestId('pair-submit').click()
  await expect(a.getByTestId('error-stationId')).toBeVisible()
  await shot(a, '02-link-pair-error-en')
  await a.getByTestId('field-address').fill('')

  await pair(a, cardB, 'BLO Houayxay')
  await pair(b, cardA, 'BLO Chiang Khong')
  for (const page of [a, b]) {
    await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 })
    await expect(page.getByTestId('peer-card').getByTestId('peer-state')).toHaveText('Connected')
  }
  await expect(a.getByTestId('link-log-row').filter({ hasText: 'Paired' }).first()).toBeVisible()
  await shot(a, '03-link-connected-en')

  // A logs a case with a Thai summary, a Yunnan plate and a Chinese name, then shares it.
  await a.getByTestId('nav-cases').click()
  await a.getByTestId('new-case').click()
  const form = a.getByTestId('case-form')
  await form.getByTestId('field-occurredAt').fill('2026-11-24T06:40')
  await form.getByTestId('field-category').selectOption('timber')
  await form.getByTestId('field-summary').fill(SUMMARY)
  await form.getByTestId('field-location').fill('ด่านพรมแดนเชียงของ')
  await form.getByTestId('add-persons').click()
  await form.getByTestId('field-persons.0.name').fill(CHINESE_NAME)
  await form.getByTestId('field-persons.0.nationality').fill('CN')
  await form.getByTestId('add-conveyances').click()
  await form.getByTestId('field-conveyances.0.type').selectOption('truck')
  await form.getByTestId('field-conveyances.0.plate').fill(PLATE)
  await form.getByTestId('field-conveyances.0.country').fill('CN')
  await form.getByTestId('case-save').click()
  await expect(a.getByTestId('detail-summary')).toHaveText(SUMMARY)
  const ref = (await a.getByTestId('detail-ref').innerText()).trim()
  await shot(a, '04-case-detail-cjk-en')

  await a.getByTestId('case-share').click()
  const share = a.getByTestId('share-dialog')
  await expect(share.getByTestId('share-state')).toContainText('Not shared yet')
  await expect(share.getByTestId('share-field-core')).toBeChecked()
  await expect(share.getByTestId('share-field-core')).toBeDisabled()
  await expect(share.getByTestId('share-field-summary')).toBeChecked()
  await expect(share.getByTestId('share-field-narrative')).not.toBeChecked()
  await expect(share.getByTestId('share-field-persons.names')).not.toBeChecked()
  await expect(share.getByTestId('share-personal-warning')).toHaveCount(0)
  await expect(share.getByTestId('preview-persons')).toContainText('(name withheld)')
  await share.getByTestId('share-field-persons.names').check()
  await expect(share.getByTestId('share-personal-warning')).toBeVisible()
  await expect(share.getByTestId('preview-persons')).toContainText(CHINESE_NAME)
  await shot(a, '05-share-dialog-personal-en')
  await share.getByTestId('share-field-persons.names').uncheck()
  await expect(share.getByTestId('share-personal-warning')).toHaveCount(0)
  await shot(a, '06-share-dialog-en')
  await share.getByTestId('share-confirm').click()
  await expect(share).toHaveCount(0)
  await expect(a.getByTestId('detail-shared')).toHaveAttribute('data-revision', '1')

  // B: the record arrives; the nav badge and the Received tab count it as unread.
  await b.getByTestId('nav-exchange').click()
  await expect(b.getByTestId('nav-exchange-unread')).toHaveText('1', { timeout: 30_000 })
  await expect(b.getByTestId('exchange-unread-received')).toHaveText('1')
  await b.getByTestId('exchange-search').fill(THAI_SUBSTRING)
  await expect(b.getByTestId('exchange-row')).toHaveCount(1)
  await expect(b.getByTestId('exchange-row')).toHaveAttribute('data-unread', 'true')
  await b.getByTestId('exchange-row').click()
  const record = b.getByTestId('record-detail')
  await expect(record.getByTestId('provenance')).toContainText('From BLO Chiang Khong')
  await expect(record.getByTestId('record-ref')).toHaveText(ref)
  await expect(record.getByTestId('shared-summary')).toHaveText(SUMMARY)
  await expect(record.getByTestId('detail-shared-conveyances')).toContainText(PLATE)
  await expect(record.getByTestId('detail-shared-persons')).not.toContainText(CHINESE_NAME)
  // Opening it is reading it.
  await expect(b.getByTestId('nav-exchange-unread')).toHaveCount(0)
  await shot(b, '07-exchange-received-en')

  // B asks about it.
  await record.getByTestId('ask-about-record').click()
  const ask = b.getByTestId('request-composer')
  await expect(ask.getByTestId('request-about')).toContainText(ref)
  await ask.getByTestId('request-send').click()
  await expect(ask.getByTestId('error-text')).toBeVisible()
  await ask.getByTestId('field-text').fill(QUESTION)
  await shot(b, '08-request-composer-en')
  await ask.getByTestId('request-send').click()
  await expect(ask).toHaveCount(0)
  await expect(b.getByTestId('exchange-screen')).toHaveAttribute('data-box', 'requests')
  await expect(b.getByTestId('thread-text')).toHaveText(QUESTION)

  // A: the request arrives unread in Requests; A reads it and replies.
  await a.getByTestId('nav-exchange').click()
  await expect(a.getByTestId('exchange-unread-requests')).toHaveText('1', { timeout: 30_000 })
  await a.getByTestId('exchange-tab-requests').click()
  await a.getByTestId('exchange-row').first().click()
  await expect(a.getByTestId('thread-text')).toHaveText(QUESTION)
  await expect(a.getByTestId('provenance')).toContainText('From BLO Houayxay')
  await a.getByTestId('reply-text').fill(ANSWER)
  await a.getByTestId('reply-send').click()
  await expect(a.getByTestId('thread-reply').filter({ hasText: ANSWER })).toBeVisible()
  await shot(a, '09-thread-replied-en')

  // B: the reply shows in the open thread, and B's question shows as read by A.
  await expect(b.getByTestId('thread-reply').filter({ hasText: ANSWER })).toBeVisible({ timeout: 30_000 })
  await expect(b.getByTestId('thread-reply')).toHaveAttribute('data-kind', 'reply')
  await expect(b.getByTestId('read-receipt')).toContainText('read by the counterpart', { timeout: 30_000 })
  await shot(b, '10-thread-reply-arrived-en')

  // Both headers: connected, and synced moments ago.
  for (const page of [a, b]) {
    await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'connected')
    await expect(page.getByTestId('link-status-synced')).toHaveText(/^last synced (just now|\d+ min ago)$/, { timeout: 30_000 })
  }

  // An alert from B about a Yunnan truck: A sees it under Alerts and acknowledges it.
  await b.getByTestId('new-alert').click()
  const alert = b.getByTestId('alert-composer')
  await alert.getByTestId('field-plate').fill(PLATE)
  await alert.getByTestId('field-name').fill(CHINESE_NAME)
  await alert.getByTestId('field-text').fill('ລົດບັນທຸກຄັນນີ້ອາດຈະຂົນໄມ້ຂ້າມແດນຄືນນີ້')
  await shot(b, '11-alert-composer-en')
  await alert.getByTestId('alert-send').click()
  await expect(alert).toHaveCount(0)
  await expect(a.getByTestId('exchange-unread-alerts')).toHaveText('1', { timeout: 30_000 })
  await a.getByTestId('exchange-tab-alerts').click()
  await a.getByTestId('exchange-row').first().click()
  await expect(a.getByTestId('alert-plate')).toHaveText(PLATE)
  await a.getByTestId('acknowledge').click()
  await expect(a.getByTestId('thread-reply').filter({ hasText: 'Acknowledged' })).toBeVisible()
  await shot(a, '12-alert-acknowledged-en')
  await expect(b.getByTestId('thread-acknowledged')).toBeVisible({ timeout: 30_000 })

  // The same screens in Thai (A) and Lao (B).
  await setLanguage(a, 'th')
  await setLanguage(b, 'lo')
  await shot(a, '13-alert-th')
  await b.getByTestId('exchange-tab-received').click()
  await b.getByTestId('exchange-row').first().click()
  await expect(b.getByTestId('record-detail')).toBeVisible()
  await shot(b, '14-exchange-received-lo')
  await b.getByTestId('nav-link').click()
  await shot(b, '15-link-lo')
  await a.getByTestId('nav-link').click()
  await shot(a, '16-link-th')
  await a.getByTestId('peer-unpair').click()
  await expect(a.getByTestId('unpair-dialog')).toBeVisible()
  await shot(a, '17-unpair-dialog-th')
  await a.keyboard.press('Escape')
  await expect(a.getByTestId('unpair-dialog')).toHaveCount(0)
  await a.getByTestId('nav-cases').click()
  await a.getByTestId('case-search').fill(THAI_SUBSTRING)
  await expect(a.getByTestId('case-row')).toHaveCount(1)
  await a.getByTestId('case-row').click()
  await expect(a.getByTestId('detail-shared')).toBeVisible()
  await a.getByTestId('case-share').click()
  await expect(a.getByTestId('share-confirm')).toHaveText('ส่งฉบับแก้ไข')
  await shot(a, '18-share-dialog-reshare-th')
  await a.keyboard.press('Escape')
  await a.getByTestId('case-withdraw-share').click()
  await shot(a, '19-withdraw-dialog-th')
  await a.getByTestId('withdraw-confirm').click()
  await expect(a.getByTestId('error-withdraw-reason')).toBeVisible()
  await a.getByTestId('withdraw-reason').fill('ข้อมูลทะเบียนรถบันทึกผิด')
  await a.getByTestId('withdraw-confirm').click()
  await expect(a.getByTestId('detail-shared')).toHaveAttribute('data-state', 'withdrawn')
  await b.getByTestId('nav-exchange').click()
  await b.getByTestId('exchange-row').first().click()
  await expect(b.getByTestId('record-withdrawn')).toContainText('ข้อมูลทะเบียนรถบันทึกผิด', { timeout: 30_000 })
  await shot(b, '20-record-withdrawn-lo')
  await b.getByTestId('new-request').click()
  await shot(b, '21-request-composer-lo')
  await b.keyboard.press('Escape')
  await b.getByTestId('new-alert').click()
  await shot(b, '22-alert-composer-lo')
  await b.keyboard.press('Escape')
  await setLanguage(b, 'en')
  await b.getByTestId('nav-link').click()
  await shot(b, '23-link-after-withdraw-en')

  // B goes away: A's header says so, and honestly what waits for the link to return.
  await b.goto('about:blank')
  expect(await hostB.stop()).toBe(0)
  await setLanguage(a, 'en')
  await expect(a.getByTestId('link-status')).toHaveAttribute('data-state', /^(offline|connecting)$/, { timeout: 30_000 })
  await a.getByTestId('nav-exchange').click()
  await a.getByTestId('new-alert').click()
  await a.getByTestId('alert-composer').getByTestId('field-route').fill('ทางลำลองริมโขง บ้านหาดบ้าย')
  await a.getByTestId('alert-composer').getByTestId('field-subject').selectOption('route')
  await a.getByTestId('alert-composer').getByTestId('field-text').fill('เรือหางยาวลำเลียงไม้ข้ามโขงช่วงกลางคืน')
  await a.getByTestId('alert-send').click()
  await expect(a.getByTestId('link-status-pending')).toContainText('will be sent when the link returns', { timeout: 30_000 })
  await shot(a, '24-header-offline-en')
  await a.getByTestId('nav-link').click()
  await expect(a.getByTestId('peer-state')).toHaveText(/^(Offline|Connecting…)$/)
  await shot(a, '25-link-offline-en')

  for (const page of [a, b]) await page.context().close() // open pages keep reconnecting and slow the next spec
  expect(errors).toEqual([])
})
