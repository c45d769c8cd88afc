/**
 * Accounts, roles and the supervisor's month in a real browser. A new station with a year of synthetic cases:
 * its first officer sets it up (the administrator) and adds a supervisor and an officer through the Users
 * screen. The supervisor signs in, reads October's dashboard, exports October's case log as CSV and as XLSX
 * with progress, and both files verify (by `blo export verify` and on the screen); one changed byte is caught.
 * The officer sees no management entries, and the station refuses the officer's direct export call. Then the
 * idle lock: the screen locks, a reload does not get past it, the same officer continues the unsaved case,
 * and "sign in as someone else" starts afresh. Screenshots go to SHOTS.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { ADMIN, OFFICER_A, SUPERVISOR, type TestAccount } from '../helpers/accounts'
import { runCli, startHost, stopAllHosts, type RunningHost } from '../helpers/built-programs'
import { openSocket, socketUrl } from '../helpers/host-socket'
import { setUpThroughUi, signInThroughUi } from '../helpers/ui-auth'

const SHOTS = process.env.BLO_SHOTS_DIR ?? 'test-results/screenshots/supervisor'
/** Inside the seed's two years (main/core/cases/seed.ts ends them on 2026-11-01). */
const MONTH = '2026-10'
const SEEDED = 12_000
const UNSAVED_SUMMARY = 'ยังไม่ได้บันทึก: รถกระบะบรรทุกไม้พะยูง'

let dir: string
let host: RunningHost

// The second test signs in with the accounts the first one creates through the screens.
test.describe.configure({ mode: 'serial' })

/** The set-up's allowance, from its work: a station host's start, and the seed at a twentieth of its measured rate (2,000 cases/s). */
const SETUP_MS = 30_000 + SEEDED * 10

test.beforeAll(async () => {
  test.setTimeout(SETUP_MS)
  dir = mkdtempSync(join(tmpdir(), 'blo-e2e-sup-'))
  const init = await runCli(['init', '--data', dir, '--name', 'BLO Chiang Khong', '--country', 'TH', '--crossing', 'Chiang Khong – Houayxay (Friendship Bridge 4)'])
  expect(init.code, init.stderr).toBe(0)
  const seed = await runCli(['seed', '--data', dir, '--cases', String(SEEDED), '--seed', '11'])
  expect(seed.code, seed.stderr).toBe(0)
  host = await startHost(['--data', dir, '--port', '0'])
})
test.afterAll(async () => {
  await stopAllHosts()
  rmSync(dir, { recursive: true, force: true })
})

/** Fails the test on anything the page reports as an error, CSP violations included. */
function watchForErrors(page: Page, errors: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
}

async function newPage(browser: Browser, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' })
  const page = await context.newPage()
  watchForErrors(page, errors)
  return page
}

async function shot(page: Page, name: string): Promise<void> {
  // (A function, not a string: the page's CSP forbids eval. Typed by hand: the tests compile without the DOM lib.)
  await page.waitForFunction(() => (globalThis as unknown as { document: { fonts: { status: string } } }).document.fonts.status === 'loaded')
  await page.screenshot({ path: `${SHOTS}/${name}.png` })
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click()
  await page.getByTestId('sign-out').click()
  await expect(page.getByTestId('sign-in-notice')).toHaveAttribute('data-notice', 'signed_out_by_user')
}

async function createAccount(page: Page, account: TestAccount, language: 'en' | 'th'): Promise<void> {
  await page.getByTestId('user-create').click()
  const dialog = page.getByTestId('account-dialog')
  await dialog.getByTestId('field-username').fill(account.username)
  await dialog.getByTestId('field-displayName').fill(account.displayName)
  await dialog.getByTestId('field-agency').selectOption('police')
  await dialog.getByTestId('field-role').selectOption(account.role)
  await dialog.getByTestId('field-language').selectOption(language)
  await dialog.getByTestId('field-password').fill(account.password)
  await dialog.getByTestId('field-confirm').fill(account.password)
  await dialog.getByTestId('account-save').click()
  await expect(dialog).toBeHidden()
  await expect(page.locator(`[data-testid=user-row][data-username="${account.username}"]`).getByTestId('user-role')).toHaveText(
    account.role === 'supervisor' ? 'Supervisor' : 'Officer'
  )
}

/** The `export:progress` events the page received over its WebSocket, per export id. */
function recordProgress(page: Page): Map<string, { rows: number; total: number }[]> {
  const progress = new Map<string, { rows: number; total: number }[]>()
  page.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) => {
      const message = JSON.parse(String(payload)) as { type: string; event?: string; payload?: { id: string; rows: number; total: number } }
      if (message.type !== 'event' || message.event !== 'export:progress' || !message.payload) return
      const list = progress.get(message.payload.id) ?? []
      list.push({ rows: message.payload.rows, total: message.payload.total })
      progress.set(message.payload.id, list)
    })
  )
  return progress
}

interface PanelWatch {
  running: boolean
  maxRows: number
}
/** The page as the watcher below sees it (typed by hand: the tests compile without the DOM lib). */
type WatchedPage = {
  __exportPanel: PanelWatch
  document: { body: unknown; querySelector(selector: string): { getAttribute(name: string): string | null } | null }
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: Record<string, boolean>): void }
}

/**
 * Notes every render of the progress panel, however briefly it shows: a month's export can finish between two
 * polls of an expect(), and the point is that the screen showed its progress.
 */
async function watchExportPanel(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as WatchedPage
    w.__exportPanel = { running: false, maxRows: 0 }
    new w.MutationObserver(() => {
      const panel = w.document.querySelector('[data-testid=export-running]')
      if (!panel) return
      w.__exportPanel.running = true
      w.__exportPanel.maxRows = Math.max(w.__exportPanel.maxRows, Number(panel.getAttribute('data-rows')))
    }).observe(w.document.body, { subtree: true, childList: true, attributes: true })
  })
}

const exportPanelSeen = (page: Page): Promise<PanelWatch> => page.evaluate(() => (globalThis as unknown as WatchedPage).__exportPanel)

/** Exports the month's case log in one format through the screen; returns the file's path and row count. */
async function exportMonth(page: Page, format: 'csv' | 'xlsx', progress: Map<string, { rows: number; total: number }[]>) {
  const form = page.getByTestId('export-form')
  await form.getByTestId(`export-format-${format}`).check()
  await form.getByTestId('export-what-cases').check()
  await form.getByTestId('field-rangeMonth').fill(MONTH)
  await expect(form.getByTestId('field-filters.from')).toHaveValue(`${MONTH}-01`)
  await expect(form.getByTestId('field-filters.to')).toHaveValue(`${MONTH}-31`)
  const before = await page.getByTestId('export-history-row').count()
  await watchExportPanel(page)
  await form.getByTestId('export-run').click()
  const result = page.getByTestId('export-result')
  await expect(result).toHaveAttribute('data-format', format, { timeout: 60_000 })
  await expect(page.getByTestId('export-history-row')).toHaveCount(before + 1)
  const path = (await page.getByTestId('export-path').innerText()).trim()
  expect(path).toMatch(new RegExp(`/exports/cases-.*\\.${format}$`))
  const id = (await result.getAttribute('data-id'))!
  expect(await page.getByTestId('export-sha256').innerText()).toMatch(/^[0-9a-f]{64}$/)
  const rows = Number((await result.innerText()).match(/([\d,]+) rows/)![1].replace(/,/g, ''))
  // Progress went out for this export, ending at every row of it.
  const events = progress.get(id) ?? []
  expect(events.length, `progress events for ${id}`).toBeGreaterThan(0)
  expect(events.at(-1)).toEqual({ rows, total: rows })
  // The screen showed the progress panel (with a bar) while the station wrote, then the result in its place.
  const seen = await exportPanelSeen(page)
  expect(seen.running).toBe(true)
  await expect(page.getByTestId('export-running')).toHaveCount(0)
  return { path, rows, progressRowsSeen: seen.maxRows }
}

async function verifyOnScreen(page: Page, path: string, ok: boolean): Promise<void> {
  const panel = page.getByTestId('verify-file')
  await panel.getByTestId('field-verifyPath').fill(path)
  await panel.getByTestId('verify-submit').click()
  await expect(panel.getByTestId('verify-result')).toHaveAttribute('data-ok', String(ok))
}

test('a supervisor reads the month and exports it; files verify; an officer is kept out', async ({ browser }) => {
  test.setTimeout(240_000)
  const errors: string[] = []
  const page = await newPage(browser, errors)
  const progress = recordProgress(page)

  // First run: the administrator sets the station up and adds a supervisor and an officer.
  await page.goto(host.ready.url)
  await shot(page, '01-setup-en')
  await setUpThroughUi(page, ADMIN)
  await page.getByTestId('nav-management').click()
  await page.getByTestId('management-tab-admin').click()
  await createAccount(page, SUPERVISOR, 'en')
  await createAccount(page, OFFICER_A, 'th')
  await shot(page, '02-admin-users-en')
  await signOut(page)

  // The supervisor: the dashboard for October, with the month's cases counted.
  await signInThroughUi(page, SUPERVISOR)
  await expect(page.getByTestId('user-menu-role')).toHaveAttribute('data-role', 'supervisor')
  await page.getByTestId('nav-management').click()
  await expect(page.getByTestId('management-tab-admin')).toHaveCount(0)
  const dashboard = page.getByTestId('dashboard-screen')
  await expect(dashboard).toBeVisible()
  await page.getByTestId('dashboard-month').fill(MONTH)
  await expect(dashboard).toHaveAttribute('data-month', MONTH)
  await expect(dashboard).toHaveAttribute('data-loading', 'false')
  const monthCases = Number(await page.getByTestId('figure-cases').getAttribute('data-value'))
  expect(monthCases).toBeGreaterThan(100)
  await expect(page.getByTestId('chart-category').locator('canvas')).toBeVisible()
  await expect(page.getByTestId('chart-activity-trend').locator('canvas')).toBeVisible()
  await expect(page.getByTestId('table-seizures').getByTestId('seizure-row').first()).toBeVisible()
  await shot(page, '03-dashboard-en')
  await page.getByTestId('language-switcher').selectOption('th')
  await expect(page.getByTestId('dashboard-month-label')).toHaveText('ตุลาคม 2569')
  await shot(page, '04-dashboard-th')
  await page.getByTestId('language-switcher').selectOption('en')

  // Exports: October's case log as CSV, then as XLSX; the rows are the dashboard's cases of the month.
  await page.getByTestId('management-tab-exports').click()
  const csv = await exportMonth(page, 'csv', progress)
  const xlsx = await exportMonth(page, 'xlsx', progress)
  expect(csv.rows).toBe(monthCases)
  expect(xlsx.rows).toBe(monthCases)
  await shot(page, '05-exports-done-en')

  // Anyone can check them: the blo CLI, and the screen.
  for (const file of [csv.path, xlsx.path]) {
    const verified = await runCli(['export', 'verify', file, '--json'])
    expect(verified.code, verified.stderr).toBe(0)
    expect(verified.json<{ ok: boolean }>().ok).toBe(true)
    await verifyOnScreen(page, file, true)
  }
  expect(readFileSync(csv.path, 'utf8').charCodeAt(0)).toBe(0xfeff)
  // One changed byte: both say exactly which check failed.
  const bytes = readFileSync(xlsx.path)
  bytes[bytes.length >> 1] ^= 0x01
  writeFileSync(xlsx.path, bytes)
  const tampered = await runCli(['export', 'verify', xlsx.path, '--json'])
  expect(tampered.code).toBe(1)
  expect(tampered.json<{ problems: { check: string }[] }>().problems.map((p) => p.check)).toEqual(['file'])
  await verifyOnScreen(page, xlsx.path, false)
  await expect(page.getByTestId('verify-problem')).toHaveAttribute('data-check', 'file')
  await shot(page, '06-export-tampered-en')

  // The audit trail: the sign-ins so far, filtered by kind, and the whole chain intact.
  await page.getByTestId('management-tab-audit').click()
  await page.getByTestId('audit-filter-action').selectOption('auth')
  await expect(page.locator('[data-testid=audit-row]:not([data-action^="auth."])')).toHaveCount(0)
  await expect(page.locator('[data-testid=audit-row][data-action="auth.login"]').first()).toBeVisible()
  await page.getByTestId('audit-verify').click()
  await expect(page.getByTestId('audit-verify-result')).toHaveAttribute('data-intact', 'true')
  await signOut(page)

  // The officer: no management entry at all, the Link screen without pairing, in the officer's language.
  await signInThroughUi(page, OFFICER_A)
  await expect(page.locator('html')).toHaveAttribute('lang', 'th')
  await expect(page.getByTestId('nav-management')).toHaveCount(0)
  await page.getByTestId('nav-link').click()
  await expect(page.getByTestId('pair-admin-only')).toBeVisible()
  await expect(page.getByTestId('pair-form')).toHaveCount(0)

  // …and the station itself refuses the officer's export, whatever the screens show.
  const screen = await openSocket(socketUrl(host.origin, host.token), { Origin: host.origin })
  try {
    const login = await screen.call(1, 'auth.login', { username: OFFICER_A.username, password: OFFICER_A.password })
    expect(login.reply.ok).toBe(true)
    const refused = await screen.call(2, 'export.run', { what: 'cases', format: 'csv' })
    expect(refused.reply.ok).toBe(false)
    if (!refused.reply.ok) expect(refused.reply.error.code).toBe('forbidden')
    const dashboard = await screen.call(3, 'reports.monthly', { month: MONTH })
    expect(!dashboard.reply.ok && dashboard.reply.error.code).toBe('forbidden')
  } finally {
    screen.close()
  }
  expect(errors).toEqual([])
})

test('an idle screen locks; the same officer carries on, someone else starts afresh', async ({ browser }) => {
  test.setTimeout(120_000)
  const errors: string[] = []
  const page = await newPage(browser, errors)
  await page.clock.install()
  await page.goto(host.ready.url)
  await signInThroughUi(page, OFFICER_A)
  await page.getByTestId('language-switcher').selectOption('en')

  // Unsaved work: a case half typed.
  await page.getByTestId('new-case').click()
  await page.getByTestId('case-form').getByTestId('field-summary').fill(UNSAVED_SUMMARY)

  // Fifteen minutes (the station's default) without a touch: the lock screen names the officer.
  await page.clock.fastForward('15:30')
  const lock = page.getByTestId('lock-screen')
  await expect(lock).toBeVisible()
  await expect(lock.getByTestId('lock-name')).toHaveText(OFFICER_A.displayName)
  await expect(lock.getByTestId('lock-reason')).toHaveAttribute('data-reason', 'idle_locked')
  await expect(page.getByTestId('case-form')).toBeHidden()
  await shot(page, '07-lock-screen-en')
  await lock.getByTestId('language-switcher').selectOption('lo')
  await shot(page, '08-lock-screen-lo')
  await lock.getByTestId('language-switcher').selectOption('en')

  // A wrong password is refused; the right one opens the screen where it was, the summary still typed.
  await lock.getByTestId('field-password').fill('not the password')
  await lock.getByTestId('lock-submit').click()
  await expect(lock.getByTestId('sign-in-failure')).toHaveAttribute('data-reason', 'wrong_credentials')
  await lock.getByTestId('field-password').fill(OFFICER_A.password)
  await lock.getByTestId('lock-submit').click()
  await expect(lock).toBeHidden()
  await expect(page.getByTestId('case-form').getByTestId('field-summary')).toHaveValue(UNSAVED_SUMMARY)

  // Locked again, a reload does not get past the lock: the session ended at the station when the screen locked.
  await page.clock.fastForward('15:30')
  await expect(lock).toBeVisible()
  await page.reload()
  await expect(page.getByTestId('lock-screen')).toBeVisible()
  await expect(page.getByTestId('user-menu')).toHaveCount(0)

  // Someone else: the sign-in form, and after it a fresh app (the officer's draft is gone with the officer).
  await page.getByTestId('lock-switch-user').click()
  await signInThroughUi(page, SUPERVISOR)
  await expect(page.getByTestId('case-form')).toHaveCount(0)
  await expect(page.getByTestId('case-row').first()).toBeVisible()
  expect(errors).toEqual([])
})

test('after a dropped link the screen takes its sign-in back before anything else', async ({ browser }) => {
  test.setTimeout(60_000)
  const errors: string[] = []
  const page = await newPage(browser, errors)
  // Every connection of the page to the station passes through here, so the test can cut one and read what the
  // page sends first on the next.
  const links: { cut: () => Promise<void>; sent: string[] }[] = []
  await page.routeWebSocket(/\/api\?token=/, (ws) => {
    const server = ws.connectToServer()
    const link = { cut: () => server.close(), sent: [] as string[] }
    links.push(link)
    ws.onMessage((message) => {
      link.sent.push(String(message))
      server.send(message)
    })
    server.onMessage((message) => ws.send(message))
  })
  await page.goto(host.ready.url)
  await signInThroughUi(page, SUPERVISOR)
  await expect(page.getByTestId('case-row').first()).toBeVisible()
  expect(links).toHaveLength(1)

  await links[0].cut()
  await expect.poll(() => links.length, { timeout: 20_000 }).toBe(2)
  await expect.poll(() => links[1].sent.length).toBeGreaterThan(0)
  const first = JSON.parse(links[1].sent[0]) as { method: string; input: { sessionToken?: string } }
  expect(first.method).toBe('auth.resume')
  expect(first.input.sessionToken).toMatch(/^[\w-]{20,}$/)

  // Still signed in on the new connection: the screens load, no sign-in or lock screen.
  await page.getByTestId('nav-management').click()
  await expect(page.getByTestId('dashboard-screen')).toHaveAttribute('data-loading', 'false')
  await expect(page.getByTestId('lock-screen')).toHaveCount(0)
  await expect(page.getByTestId('sign-in')).toHaveCount(0)
  expect(errors).toEqual([])
})
