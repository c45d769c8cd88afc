/**
 * Plan changes on the audit screen, in a real browser against the station host: a plan is created, edited and
 * versioned through the API, an officer edits it on the plan screen, a supervisor approves it; the supervisor then
 * finds each change in the audit trail under "Plans", labelled and detailed in English and in Thai, and the
 * trail verifies. Screenshots go to SHOTS.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Browser, type Page } from '@playwright/test'
import type { PlanDetail } from '../../preload/api'
import { ADMIN, OFFICER_A, SUPERVISOR, type TestAccount } from '../helpers/accounts'
import { runCli, startHost, stopAllHosts, type RunningHost } from '../helpers/built-programs'
import { createAccountsOnHost } from '../helpers/host-accounts'
import { openSocket, socketUrl, type TestSocket } from '../helpers/host-socket'
import { signInScript } from '../helpers/page-sign-in'

const SHOTS = process.env.BLO_SHOTS_DIR ?? 'test-results/screenshots/audit-plans'
const TITLE = 'ปฏิบัติการรุ่งอรุณแม่โขง (Mekong Dawn)'

let dir: string
let host: RunningHost

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'blo-e2e-audit-plans-'))
  const init = await runCli(['init', '--data', dir, '--name', 'BLO Chiang Khong', '--country', 'TH'])
  expect(init.code, init.stderr).toBe(0)
  host = await startHost(['--data', dir, '--port', '0'])
  await createAccountsOnHost(host, [ADMIN, SUPERVISOR, OFFICER_A], 'en')
})
test.afterAll(async () => {
  await stopAllHosts()
  rmSync(dir, { recursive: true, force: true })
})

async function signedInPage(browser: Browser, account: TestAccount, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' })
  const page = await context.newPage()
  page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())))
  page.on('pageerror', (error) => errors.push(error.message))
  await page.addInitScript({ content: signInScript(account) })
  await page.goto(host.ready.url)
  await expect(page.getByTestId('user-menu-name')).toHaveText(account.displayName)
  return page
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => (globalThis as unknown as { document: { fonts: { status: string } } }).document.fonts.status === 'loaded')
  await page.screenshot({ path: `${SHOTS}/${name}.png` })
}

/** Calls on a socket, each with the next id; fails the test with the station's message. */
function caller(socket: TestSocket) {
  let id = 0
  return async <T>(method: string, input: unknown): Promise<T> => {
    const { reply } = await socket.call(++id, method, input)
    if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`)
    return reply.value as T
  }
}

test('a supervisor finds every change to a plan in the audit trail, labelled in English and Thai', async ({ browser }) => {
  const errors: string[] = []
  // A local tool (token, no Origin) acts as cli:<os user>: it creates, edits and versions the plan.
  const tool = await openSocket(socketUrl(host.origin, host.token))
  const call = caller(tool)
  const plan = await call<PlanDetail>('plans.create', { title: TITLE, area: 'Pier 3' })
  await call('plans.edit', { id: plan.id, edits: [{ op: 'set', fields: { codeName: 'DAWN' } }, { op: 'add', list: 'tasks', item: { title: 'Night watch' } }] })
  await call('plans.saveVersion', { id: plan.id, name: 'Before the briefing' })

  // The officer edits the area on the plan screen, keystroke by keystroke.
  const officer = await signedInPage(browser, OFFICER_A, errors)
  await officer.getByTestId('nav-plans').click()
  await officer.getByTestId('plan-row').first().click()
  const area = officer.getByTestId('plan-editor').getByTestId('field-area')
  await area.click()
  await area.press('End')
  await area.pressSequentially(' and the old ferry ramp', { delay: 20 })
  await expect
    .poll(async () => (await call<PlanDetail>('plans.get', { id: plan.id })).area)
    .toBe('Pier 3 and the old ferry ramp')
  const edited = await call<PlanDetail>('plans.get', { id: plan.id })
  await call('plans.approve', { id: plan.id, stateHash: edited.signoff.contentHash })
  tool.close()

  const supervisor = await signedInPage(browser, SUPERVISOR, errors)
  await supervisor.getByTestId('nav-management').click()
  await supervisor.getByTestId('management-tab-audit').click()
  await supervisor.getByTestId('audit-filter-action').selectOption('plan')
  const rows = supervisor.locator('[data-testid=audit-row]')
  // Newest first; the officer's keystrokes are one editing session, one entry.
  await expect(rows).toHaveCount(5)
  expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-action')))).toEqual([
    'plan.approve',
    'plan.edit',
    'plan.version',
    'plan.edit',
    'plan.create'
  ])
  const screenEdit = rows.nth(1)
  await expect(screenEdit).toContainText('Plan edited')
  await expect(screenEdit).toContainText(OFFICER_A.username)
  await expect(screenEdit).toContainText('Made with Plan screen')
  await expect(screenEdit).toContainText('Content hash')
  await expect(rows.nth(2)).toContainText('Before the briefing')
  await expect(rows.nth(0)).toContainText('Sign-off Approved by one side')
  await rows.nth(1).click()
  await expect(supervisor.getByTestId('audit-entry-detail')).toBeVisible()
  await shot(supervisor, 'audit-plans-en')

  await supervisor.getByTestId('language-switcher').selectOption('th')
  await expect(rows.nth(1)).toContainText('แก้ไขแผน')
  await expect(rows.nth(1)).toContainText('หน้าจอแผน')
  await shot(supervisor, 'audit-plans-th')

  await supervisor.getByTestId('audit-verify').click()
  await expect(supervisor.getByTestId('audit-verify-result')).toHaveAttribute('data-intact', 'true')
  expect(errors).toEqual([])
})
