/**
 * The desktop app as an officer starts it (`electron .` on the built app), on a fresh per-user data folder:
 * the hardened window, the Electron build of the SQLite module, one instance, remembered window placement.
 * Runs only where the Electron runtime is installed (and, on Linux, a display); elsewhere every test is skipped
 * with the reason (see electron-runtime.ts).
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { electronRuntime, ROOT } from './electron-runtime'

const runtime = electronRuntime()
test.skip(Boolean(runtime.problem), `Electron tests not run: ${runtime.problem}`)

/** Electron puts userData, and BLO Station its data folder, under these: a temporary home per test. */
function isolatedEnv(home: string): Record<string, string> {
  const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined))
  return { ...env, XDG_CONFIG_HOME: home, APPDATA: home }
}

let home: string
let app: ElectronApplication
let page: Page

async function launch(): Promise<void> {
  app = await electron.launch({ executablePath: runtime.executable, args: [ROOT], cwd: ROOT, env: isolatedEnv(home) })
  page = await app.firstWindow()
  await page.waitForLoadState('domcontentloaded')
}

test.beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'blo-electron-'))
  await launch()
})

test.afterEach(async () => {
  await app?.close()
  rmSync(home, { recursive: true, force: true })
})

test('shows our page from blo://, with the bridge and without Node', async () => {
  expect(page.url()).toBe('blo://app/index.html')
  const seen = await page.evaluate(() => {
    const page = (globalThis as unknown as { blo?: { invoke?: unknown }; require?: unknown; process?: unknown })
    return { bridge: typeof page.blo?.invoke, require: typeof page.require, process: typeof page.process }
  })
  expect(seen).toEqual({ bridge: 'function', require: 'undefined', process: 'undefined' })
})

test('opens the station with the SQLite module built for Electron', async () => {
  const reply = await page.evaluate(() => (globalThis as unknown as { blo: { invoke(m: string, i: unknown): Promise<unknown> } }).blo.invoke('station.info', {}))
  expect(reply).toMatchObject({ ok: true, value: { name: 'BLO Station', dataDir: join(home, 'BLO Station') } })
  expect(existsSync(join(home, 'BLO Station', 'station.db'))).toBe(true)
})

test('stays on its page: no navigation, no new windows, no inline scripts, no permissions, no web requests', async () => {
  await page.evaluate(() => {
    ;(globalThis as unknown as { location: { href: string } }).location.href = 'https://example.org/'
  })
  await page.waitForTimeout(500)
  expect(page.url()).toBe('blo://app/index.html')
  expect(await page.evaluate(() => (globalThis as unknown as { open(url: string): unknown }).open('https://example.org/') === null)).toBe(true)
  expect(app.windows()).toHaveLength(1)
  const inline = await page.evaluate(async () => {
    const page = globalThis as unknown as {
      __injected?: boolean
      document: { head: { append(node: unknown): void }; createElement(tag: string): { textContent: string } }
    }
    const script = page.document.createElement('script')
    script.textContent = 'window.__injected = true'
    page.document.head.append(script)
    await new Promise((resolve) => setTimeout(resolve, 100))
    return page.__injected ?? false
  })
  expect(inline).toBe(false)
  const permission = await page.evaluate(() =>
    (globalThis as unknown as { Notification: { requestPermission(): Promise<string> } }).Notification.requestPermission()
  )
  expect(permission).toBe('denied')
  const fetched = await page.evaluate(() =>
    (globalThis as unknown as { fetch(url: string): Promise<unknown> }).fetch('https://example.org/').then(
      () => 'fetched',
      () => 'blocked'
    )
  )
  expect(fetched).toBe('blocked')
})

test('has a Help menu with About', async () => {
  const labels = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label) ?? [])
  expect(labels.at(-1)).toBe('Help')
  const about = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.at(-1)?.submenu?.items.map((item) => item.label))
  expect(about).toEqual(['About BLO Station'])
})

test('lets a second launch only bring the first window forward', async () => {
  const second = spawn(runtime.executable!, [ROOT], { cwd: ROOT, env: isolatedEnv(home), stdio: 'ignore' })
  const code = await new Promise<number | null>((resolve) => second.once('exit', resolve))
  expect(code).toBe(0)
  expect(app.windows()).toHaveLength(1)
  expect(await page.evaluate(() => (globalThis as unknown as { document: { visibilityState: string } }).document.visibilityState)).toBe('visible')
})

test('reopens with the size and place it was closed with', async () => {
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].setBounds({ x: 40, y: 30, width: 1100, height: 700 }))
  await app.close()
  const saved = JSON.parse(readFileSync(join(home, 'BLO Station', 'window-state.json'), 'utf8')) as Record<string, unknown>
  expect(saved).toMatchObject({ width: 1100, height: 700, maximized: false })
  await launch()
  const bounds = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].getBounds())
  expect(bounds).toMatchObject({ width: 1100, height: 700 })
})

test('opens file dialogs only for a signed-in officer (the method given the path checks its own role), on a checked request', async () => {
  type Page = { blo: { invoke(method: string, input: unknown): Promise<unknown>; desktop: { request(request: unknown): Promise<unknown> } } }
  const ask = (request: unknown) => page.evaluate((r) => (globalThis as unknown as Page).blo.desktop.request(r), request)
  expect(await ask({ action: 'pickFolder', title: 'Where' })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  expect(await ask({ action: 'formatDisk' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  const setup = { username: 'admin.noi', password: 'Adm1n-passphrase', displayName: 'Pol. Maj. Noi', agency: 'police' }
  expect(await page.evaluate((input) => (globalThis as unknown as Page).blo.invoke('auth.setup', input), setup)).toMatchObject({ ok: true })
  // The system's dialog answers as if the administrator had picked a file on a USB stick.
  await app.evaluate(({ dialog }) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: ['/media/usb/station-backup.db'] })) as unknown as typeof dialog.showOpenDialog
  })
  expect(await ask({ action: 'pickFile', purpose: 'backup', title: 'Choose a backup to restore' })).toEqual({ ok: true, value: { path: '/media/usb/station-backup.db' } })
})
