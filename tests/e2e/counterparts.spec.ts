/**
 * A station with two counterparts (Chiang Saen with Ton Pheung and Tachileik, neither reachable here): every
 * share and alert asks who it goes to, nothing is preselected until a choice was made once, the sent box says
 * who each item went to, and the exchange filters by counterpart. Screenshots go to SHOTS.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { ADMIN } from '../helpers/accounts'
import { startHost, stopAllHosts } from '../helpers/built-programs'
import { bloOk, screenshotsIn } from '../helpers/e2e-kit'
import { setUpThroughUi } from '../helpers/ui-auth'

const SHOTS = process.env.BLO_SHOTS_DIR ?? 'test-results/screenshots/counterparts'
const PHEUNG = 'QODR-S4D2-EFRN-6FMZ-YNJG-5ZNM-GI7W'
const TACHILEIK = 'MWLH-PONZ-X6NP-IUSY-USJC-PZ6F-FTJN'

let root: string
test.beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'blo-e2e-counterparts-'))
})
test.afterAll(async () => {
  await stopAllHosts()
  rmSync(root, { recursive: true, force: true })
})


const shot = screenshotsIn(SHOTS)

test('with two counterparts, each share, alert and plan names who it is with', async ({ browser }) => {
  test.setTimeout(120_000)
  const errors: string[] = []
  const dir = join(root, 'chiang-saen')
  await bloOk(['init', '--data', dir, '--name', 'BLO Chiang Saen', '--country', 'TH'])
  await bloOk(['pair', 'add', '--data', dir, '--id', PHEUNG, '--address', '127.0.0.1:9', '--name', 'BLO Ton Pheung'])
  await bloOk(['pair', 'add', '--data', dir, '--id', TACHILEIK, '--address', '127.0.0.1:9', '--name', 'BLO Tachileik'])
  const caseFile = join(root, 'case.json')
  writeFileSync(
    caseFile,
    JSON.stringify({ occurredAt: '2026-12-01T05:30:00+07:00', category: 'narcotics', location: 'ท่าเรือเชียงแสน', summary: 'ยาบ้าในเรือหางยาว 40,000 เม็ด' })
  )
  const created = JSON.parse(await bloOk(['case', 'add', '--data', dir, '--json', caseFile])) as { ref: string }

  const host = await startHost(['--data', dir, '--port', '0'])
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' })
  const page = await context.newPage()
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
  await page.goto(host.ready.url)
  await setUpThroughUi(page, ADMIN)

  await page.getByTestId('nav-cases').click()
  await page.getByTestId('case-row').filter({ hasText: created.ref }).click()
  await page.getByTestId('case-share').click()
  const share = page.getByTestId('share-dialog')
  const picker = share.getByTestId('audience-picker')
  await expect(picker.getByTestId(`audience-${PHEUNG}`)).not.toBeChecked()
  await expect(picker.getByTestId(`audience-${TACHILEIK}`)).not.toBeChecked()
  await share.getByTestId('share-confirm').click()
  await expect(share.getByTestId('error-to')).toHaveText('Choose at least one counterpart to send it to.')
  await shot(page, '01-share-choose-counterpart-en')
  await picker.getByTestId(`audience-${PHEUNG}`).check()
  await share.getByTestId('share-confirm').click()
  await expect(share).toHaveCount(0)
  await expect(page.getByTestId('detail-shared')).toContainText('Shared with BLO Ton Pheung — revision 1')

  // The last choice is the next default; what it already went to stays ticked and fixed on a re-share.
  await page.getByTestId('case-share').click()
  await expect(picker.getByTestId(`audience-${PHEUNG}`)).toBeChecked()
  await expect(picker.getByTestId(`audience-${PHEUNG}`)).toBeDisabled()
  await picker.getByTestId(`audience-${TACHILEIK}`).check()
  await shot(page, '02-share-add-counterpart-en')
  await share.getByTestId('share-confirm').click()
  await expect(share).toHaveCount(0)

  await page.getByTestId('nav-exchange').click()
  await page.getByTestId('new-alert').click()
  const alert = page.getByTestId('alert-composer')
  await expect(alert.getByTestId(`audience-${PHEUNG}`)).toBeChecked()
  await expect(alert.getByTestId(`audience-${TACHILEIK}`)).toBeChecked()
  await alert.getByTestId(`audience-${PHEUNG}`).uncheck()
  await alert.getByTestId('field-text').fill('เรือข้ามฟากกลางคืนใกล้สบรวก')
  await shot(page, '03-alert-to-one-en')
  await alert.getByTestId('alert-send').click()
  await expect(alert).toHaveCount(0)

  await page.getByTestId('exchange-tab-sent').click()
  await expect(page.getByTestId('exchange-row')).toHaveCount(1)
  await expect(page.getByTestId('row-audience')).toHaveText('To BLO Tachileik, BLO Ton Pheung')
  await shot(page, '04-sent-audience-en')
  await page.getByTestId('exchange-tab-alerts').click()
  await page.getByTestId('exchange-filter-counterpart').selectOption(PHEUNG)
  await expect(page.getByTestId('exchange-list-empty')).toBeVisible()
  await page.getByTestId('exchange-filter-counterpart').selectOption(TACHILEIK)
  await expect(page.getByTestId('exchange-row')).toHaveCount(1)
  await page.getByTestId('exchange-row').click()
  await expect(page.getByTestId('provenance-audience')).toHaveText('To BLO Tachileik')
  await shot(page, '05-alert-filtered-en')

  await page.getByTestId('language-switcher').selectOption('th')
  await page.getByTestId('new-request').click()
  await expect(page.getByTestId('request-composer').getByTestId('audience-picker')).toContainText('ส่งถึง')
  await shot(page, '06-request-picker-th')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('request-composer')).toHaveCount(0)

  // Withdrawn from one counterpart only: the other keeps the case.
  await page.getByTestId('nav-cases').click()
  await page.getByTestId('case-row').filter({ hasText: created.ref }).click()
  await page.getByTestId('case-withdraw-share').click()
  const withdraw = page.getByTestId('withdraw-dialog')
  await expect(withdraw.getByTestId(`withdraw-from-${PHEUNG}`)).toBeChecked()
  await withdraw.getByTestId(`withdraw-from-${TACHILEIK}`).uncheck()
  await withdraw.getByTestId('withdraw-reason').fill('ส่งผิดหน่วย')
  await shot(page, '07-withdraw-from-one-th')
  await withdraw.getByTestId('withdraw-confirm').click()
  await expect(withdraw).toHaveCount(0)
  await page.getByTestId('nav-exchange').click()
  await page.getByTestId('exchange-tab-sent').click()
  await expect(page.getByTestId('row-audience')).toHaveText('ถึง BLO Tachileik')
  await page.getByTestId('exchange-row').click()
  await expect(page.getByTestId('provenance-withdrawn-from')).toHaveText('ถอนคืนจาก BLO Ton Pheung')
  await shot(page, '08-sent-after-withdrawal-th')

  // A plan of three offices: both counterparts ticked, each one's approval awaited.
  await page.getByTestId('language-switcher').selectOption('en')
  await page.getByTestId('nav-plans').click()
  await page.getByTestId('new-plan').click()
  const create = page.getByTestId('plan-create-dialog')
  await create.getByTestId('field-title').fill('Golden Triangle river patrol')
  await create.getByTestId('plan-create-submit').click()
  await expect(create.getByTestId('error-to')).toBeVisible()
  await create.getByTestId(`audience-${PHEUNG}`).check()
  await create.getByTestId(`audience-${TACHILEIK}`).check()
  await shot(page, '09-plan-with-two-counterparts-en')
  await create.getByTestId('plan-create-submit').click()
  await expect(page.getByTestId('plan-title')).toHaveText('Golden Triangle river patrol')
  await expect(page.getByTestId('signoff-approval')).toHaveCount(3)
  await shot(page, '10-plan-of-three-signoff-en')

  // The month's exchange figures with one counterpart: the alert went to Tachileik only.
  await page.getByTestId('nav-management').click()
  await page.getByTestId('management-tab-dashboard').click()
  await page.getByTestId('dashboard-counterpart').selectOption(PHEUNG)
  await expect(page.getByTestId('exchange-sent-alerts')).toHaveText('0')
  await expect(page.getByTestId('exchange-sent-records')).toHaveText('1')
  await page.getByTestId('dashboard-counterpart').selectOption(TACHILEIK)
  await expect(page.getByTestId('exchange-sent-alerts')).toHaveText('1')
  await shot(page, '11-dashboard-one-counterpart-en')
  await context.close()
  expect(errors).toEqual([])
})
