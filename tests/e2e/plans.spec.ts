/**
 * A joint operation plan written by two offices at once. Two stations (separate host processes, paired through
 * throttle proxies so the test can cut the border link) and a browser page on each: Chiang Khong (A) creates
 * the plan, Houayxay (B) finds it; both type into the same notes paragraph and edit the same task at the same
 * time; the link is cut and both go on editing offline; when it returns, both pages and both stations hold the
 * same plan with every edit. Then the sign-off (an officer is refused, one supervisor is not enough, both
 * supervisors agree, a later edit shows as changes since the agreed version) and the history (save, compare,
 * view, restore). Screenshots of every plan screen go to SHOTS, in English, Thai and Lao.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { OFFICER_B, SUPERVISOR, type TestAccount } from '../helpers/accounts'
import { runCli, startHost, stopAllHosts, type RunningHost } from '../helpers/built-programs'
import { createAccountsOnHost } from '../helpers/host-accounts'
import { openSocket, socketUrl } from '../helpers/host-socket'
import { startThrottleProxy, type ThrottleProxy } from '../helpers/throttle-proxy'
import { signInScript } from '../helpers/page-sign-in'

const SHOTS = process.env.BLO_SHOTS_DIR ?? 'test-results/screenshots/plans'
const TITLE = 'ลาดตระเวนร่วมริมฝั่งโขง — Joint Mekong river patrol'
const TITLE_SUBSTRING = 'ร่วมริมฝั่ง'
const SUPERVISOR_B: TestAccount = { username: 'sup.khamla', password: 'Sup3rvisor-khamla', role: 'supervisor', displayName: 'Pol. Col. Khamla' }
// A paragraph A starts, then both type into it at the same moment: A at its start, B at its end.
const NOTE_START = 'Boats meet at the old ferry pier.'
const NOTE_A = 'เรือตรวจการณ์ไทยออกจากท่าเวลา 05:00 '
const NOTE_B = ' ເຮືອລາດຕະເວນລາວລໍຖ້າຢູ່ຝັ່ງຊ້າຍ'
const OFFLINE_A = ' [A offline: thermal cameras]'
const OFFLINE_B = ' [B ອອບລາຍ: ວິທະຍຸສຳຮອງ]'
const AFTER_AGREEMENT = ' Bring two spare boats.'

let dirA: string
let dirB: string
const proxies: ThrottleProxy[] = []

test.beforeAll(() => {
  dirA = mkdtempSync(join(tmpdir(), 'blo-plans-a-'))
  dirB = mkdtempSync(join(tmpdir(), 'blo-plans-b-'))
})
test.afterAll(async () => {
  await Promise.all(proxies.map((p) => p.close()))
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

async function openPage(browser: Browser, host: RunningHost, account: TestAccount, name: string, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' })
  const page = await context.newPage()
  watchForErrors(page, errors, name)
  await page.addInitScript({ content: signInScript(account) })
  await page.goto(host.ready.url)
  await expect(page.getByTestId('link-status')).toBeVisible()
  return page
}

async function shot(page: Page, name: string): Promise<void> {
  // Wait for the font slices the screen needs (Thai, Lao), so a screenshot shows glyphs, not boxes.
  // (A function, not a string: the page's CSP forbids eval. Typed by hand: the tests compile without the DOM lib.)
  await page.waitForFunction(() => (globalThis as unknown as { document: { fonts: { status: string } } }).document.fonts.status === 'loaded')
  await page.screenshot({ path: `${SHOTS}/${name}.png` })
}

async function setLanguage(page: Page, language: 'en' | 'th' | 'lo'): Promise<void> {
  await page.getByTestId('language-switcher').selectOption(language)
  await expect(page.locator('html')).toHaveAttribute('lang', language)
}

interface Node {
  cloneNode(deep: boolean): Node
  querySelectorAll(selector: string): ArrayLike<Node>
  remove(): void
  textContent: string | null
}

/**
 * Puts the caret at the start or end of the notes and waits until it is really there: in the notes, with no
 * text between it and that edge. The other officers' carets are not text: their name labels are left out,
 * as notesText leaves them out (another officer's caret may sit at the same edge). The key is pressed on
 * every try until the caret is there.
 */
async function caretTo(page: Page, edge: 'start' | 'end'): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.keyboard.press(edge === 'start' ? 'Control+Home' : 'Control+End')
        // The page's own DOM (a string: this file is type-checked without DOM types).
        return page.evaluate(`(() => {
          const element = document.querySelector('[data-testid="plan-notes-editor"]')
          const selection = window.getSelection()
          if (!element || !selection || !selection.anchorNode || !element.contains(selection.anchorNode)) return false
          const range = document.createRange()
          range.selectNodeContents(element)
          if (${edge === 'start'}) range.setEnd(selection.anchorNode, selection.anchorOffset)
          else range.setStart(selection.anchorNode, selection.anchorOffset)
          const between = range.cloneContents()
          between.querySelectorAll('.collab-caret').forEach((caret) => caret.remove())
          return (between.textContent ?? '').trim() === ''
        })()`)
      },
      { timeout: 10_000 }
    )
    .toBe(true)
}

/** The notes as text, one line per paragraph, without the other officers' caret labels. */
function notesText(page: Page): Promise<string> {
  return page.getByTestId('plan-notes-editor').evaluate((element) => {
    const copy = (element as unknown as Node).cloneNode(true)
    Array.from(copy.querySelectorAll('.collab-caret')).forEach((caret) => caret.remove())
    return Array.from(copy.querySelectorAll('p, h3, li')).map((block) => block.textContent ?? '').join('\n')
  })
}

/** What the station itself holds for the plan (the notes as plain text, the tasks), asked as a local tool. */
async function stationPlan(host: RunningHost, id: string): Promise<{ notes: string; tasks: { title: string; assignee: string; due: string; status: string }[] }> {
  const socket = await openSocket(socketUrl(host.origin, host.token))
  try {
    const { reply } = await socket.call(1, 'plans.get', { id })
    if (!reply.ok) throw new Error(`plans.get: ${reply.error.message}`)
    return reply.value as { notes: string; tasks: { title: string; assignee: string; due: string; status: string }[] }
  } finally {
    socket.close()
  }
}

async function stationId(dir: string): Promise<string> {
  const show = await runCli(['pair', 'show', '--data', dir, '--json'])
  expect(show.code, show.stderr).toBe(0)
  return show.json<{ stationId: string }>().stationId
}

/** Each station reaches the other through its own proxy, so cutting both cuts the link in both directions. */
async function proxyTo(host: RunningHost): Promise<ThrottleProxy> {
  const [hostName, port] = host.ready.sync!.split(':')
  const proxy = await startThrottleProxy({ target: { host: hostName, port: Number(port) } })
  proxies.push(proxy)
  return proxy
}

test('two offices write one plan at once, live and offline, sign it off together and go back in its history', async ({ browser }) => {
  // Two offices, live and offline editing, sign-off and history: 3 min on a busy machine, near 5 on an overloaded one.
  test.setTimeout(420_000)
  const errors: string[] = []
  for (const [dir, name, country, crossing] of [
    [dirA, 'BLO Chiang Khong', 'TH', 'Chiang Khong – Houayxay (Friendship Bridge 4)'],
    [dirB, 'BLO Houayxay', 'LA', 'Houayxay – Chiang Khong']
  ]) {
    const init = await runCli(['init', '--data', dir, '--name', name, '--country', country, '--crossing', crossing])
    expect(init.code, init.stderr).toBe(0)
  }
  const hostA = await startHost(['--data', dirA, '--port', '0'])
  const hostB = await startHost(['--data', dirB, '--port', '0'])
  await createAccountsOnHost(hostA, [SUPERVISOR])
  await createAccountsOnHost(hostB, [OFFICER_B, SUPERVISOR_B])
  const [idA, idB] = [await stationId(dirA), await stationId(dirB)]
  const [toB, toA] = [await proxyTo(hostB), await proxyTo(hostA)]
  for (const [dir, id, proxy, name] of [
    [dirA, idB, toB, 'BLO Houayxay'],
    [dirB, idA, toA, 'BLO Chiang Khong']
  ] as const) {
    const pair = await runCli(['pair', 'add', '--data', dir, '--id', id, '--address', `127.0.0.1:${proxy.port}`, '--name', name])
    expect(pair.code, pair.stderr).toBe(0)
  }

  const a = await openPage(browser, hostA, SUPERVISOR, 'A', errors)
  const b = await openPage(browser, hostB, OFFICER_B, 'B', errors)
  for (const page of [a, b]) await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 })

  // A: no plans yet; a new one, with Thai in its title.
  await a.getByTestId('nav-plans').click()
  await expect(a.getByTestId('plan-list-empty')).toBeVisible()
  await a.getByTestId('new-plan').click()
  const create = a.getByTestId('plan-create-dialog')
  await create.getByTestId('plan-create-submit').click()
  await expect(create.getByTestId('error-title')).toBeVisible()
  await create.getByTestId('field-title').fill(TITLE)
  await create.getByTestId('field-codeName').fill('TEAK-7')
  await create.getByTestId('field-periodFrom').fill('2026-12-01')
  await create.getByTestId('field-periodTo').fill('2026-12-15')
  await create.getByTestId('field-area').fill('Mekong banks between Chiang Khong and Houayxay, Friendship Bridge 4 to the old ferry piers')
  await expect(create.getByTestId('field-counterpart')).toHaveValue(idB)
  await shot(a, '01-create-plan-en')
  await create.getByTestId('plan-create-submit').click()
  const editorA = a.getByTestId('plan-editor')
  await expect(editorA).toBeVisible()
  const planId = (await editorA.getAttribute('data-plan-id'))!
  await expect(a.getByTestId('plan-title')).toHaveText(TITLE)
  await expect(a.getByTestId('plan-link-state')).toHaveAttribute('data-state', 'connected')

  // A fills in the plan: a crossing, an agency per side, an objective, two tasks, the communication plan.
  await editorA.getByTestId('field-crossings').fill('Friendship Bridge 4')
  await editorA.getByTestId('field-crossings').press('Enter')
  await editorA.getByTestId('field-crossings').fill('ท่าเรือบั๊ก')
  await editorA.getByTestId('field-crossings').press('Enter')
  await expect(editorA.getByTestId('crossing-chip')).toHaveCount(2)
  await editorA.getByTestId('add-agencies').click()
  await editorA.getByTestId('field-agencies.0.name').fill('ตำรวจภูธรจังหวัดเชียงราย')
  await editorA.getByTestId('field-agencies.0.role').fill('River patrol boats, command post')
  await editorA.getByTestId('add-agencies').click()
  await editorA.getByTestId('field-agencies.1.side').selectOption(idB)
  await editorA.getByTestId('field-agencies.1.name').fill('ກົມປ່າໄມ້ ແຂວງບໍ່ແກ້ວ')
  await editorA.getByTestId('add-objectives').click()
  await editorA.getByTestId('field-objectives.0.text').fill('Intercept rosewood shipments crossing at night')
  await editorA.getByTestId('add-tasks').click()
  await editorA.getByTestId('field-tasks.0.title').fill('Night watch at the old ferry pier')
  await editorA.getByTestId('add-tasks').click()
  await editorA.getByTestId('field-tasks.1.title').fill('ແຈ້ງເຮືອລາດຕະເວນຝັ່ງລາວ')
  await editorA.getByTestId('field-tasks.1.side').selectOption(idB)
  await editorA.getByTestId('field-comms.hotline').fill('+66 53 791 000')
  await editorA.getByTestId('field-comms.radio').fill('VHF 156.800 (ch 16)')
  await editorA.getByTestId('field-comms.languages').fill('Thai, Lao, English')
  await editorA.getByTestId('field-comms.hotline').click()
  await editorA.getByTestId('add-results').click()
  await editorA.getByTestId('field-results.0.text').fill('Briefing held at the Chiang Khong BLO with both teams')
  await expect(editorA.getByTestId('results-row')).toContainText('Pol. Lt. Col. Wichai')

  // B: the plan arrives over the link; found by a Thai substring; opened.
  await b.getByTestId('nav-plans').click()
  await expect(b.getByTestId('plan-row')).toHaveCount(1, { timeout: 30_000 })
  await b.getByTestId('plan-search').fill(TITLE_SUBSTRING)
  await expect(b.getByTestId('plan-row')).toHaveCount(1)
  await expect(b.getByTestId('plan-row-title')).toHaveText(TITLE)
  await expect(b.getByTestId('plan-row')).toContainText('BLO Chiang Khong')
  await b.getByTestId('plan-search').fill('no such plan anywhere')
  await expect(b.getByTestId('plan-list-no-matches')).toBeVisible()
  await b.getByTestId('plan-search').fill(TITLE_SUBSTRING)
  await expect(b.getByTestId('plan-row')).toHaveCount(1)
  await shot(b, '02-plan-list-en')
  await b.getByTestId('plan-row').click()
  const editorB = b.getByTestId('plan-editor')
  await expect(editorB).toHaveAttribute('data-plan-id', planId)
  await expect(editorB.getByTestId('field-tasks.1.title')).toHaveValue('ແຈ້ງເຮືອລາດຕະເວນຝັ່ງລາວ', { timeout: 30_000 })
  await expect(editorB.getByTestId('field-comms.languages')).toHaveValue('Thai, Lao, English')

  // Each sees the other, in the counterpart's colour.
  await expect(a.getByTestId('presence-user').filter({ hasText: OFFICER_B.displayName })).toHaveAttribute('data-station', 'theirs', { timeout: 30_000 })
  await expect(b.getByTestId('presence-user').filter({ hasText: SUPERVISOR.displayName })).toHaveAttribute('data-station', 'theirs')

  // The same task at the same time: A names who does it, B sets its status and due date, and both retitle it.
  await Promise.all([
    (async () => {
      await editorA.getByTestId('field-tasks.0.assignee').fill('Sgt. Somchai')
      await editorA.getByTestId('field-tasks.0.title').fill('Night watch at the old ferry pier (A)')
      await editorA.getByTestId('field-tasks.0.title').press('Tab')
    })(),
    (async () => {
      await editorB.getByTestId('field-tasks.0.status').selectOption('in_progress')
      await editorB.getByTestId('field-tasks.0.due').fill('2026-12-03')
      await editorB.getByTestId('field-tasks.0.title').fill('Night watch at the old ferry pier (B)')
      await editorB.getByTestId('field-tasks.0.title').press('Tab')
    })()
  ])
  for (const editor of [editorA, editorB]) {
    await expect(editor.getByTestId('field-tasks.0.assignee')).toHaveValue('Sgt. Somchai', { timeout: 30_000 })
    await expect(editor.getByTestId('field-tasks.0.status')).toHaveValue('in_progress')
    await expect(editor.getByTestId('field-tasks.0.due')).toHaveValue('2026-12-03')
  }
  // One title wins, the same one on both sides.
  await expect.poll(async () => (await editorA.getByTestId('field-tasks.0.title').inputValue()) === (await editorB.getByTestId('field-tasks.0.title').inputValue()), { timeout: 30_000 }).toBe(true)
  expect(await editorA.getByTestId('field-tasks.0.title').inputValue()).toMatch(/^Night watch at the old ferry pier \((A|B)\)$/)

  // The same notes paragraph at the same time: A at its start, B at its end. (Into a paragraph that holds
  // text: two first keystrokes into an empty paragraph each start a text of their own, and y-prosemirror
  // then keeps every character but not their order.)
  await editorA.getByTestId('plan-notes-editor').click()
  await a.keyboard.type(NOTE_START)
  await expect.poll(() => notesText(b), { timeout: 30_000 }).toBe(NOTE_START)
  await editorB.getByTestId('plan-notes-editor').click()
  await caretTo(a, 'start')
  await caretTo(b, 'end')
  await Promise.all([a.keyboard.type(NOTE_A, { delay: 25 }), b.keyboard.type(NOTE_B, { delay: 25 })])
  await expect.poll(() => notesText(a), { timeout: 30_000 }).toBe(NOTE_A + NOTE_START + NOTE_B)
  await expect.poll(() => notesText(b), { timeout: 30_000 }).toBe(NOTE_A + NOTE_START + NOTE_B)
  await expect(a.getByTestId('notes-caret-label').filter({ hasText: OFFICER_B.displayName })).toBeVisible()
  await expect(b.getByTestId('notes-caret-label').filter({ hasText: SUPERVISOR.displayName })).toBeVisible()
  await expect(a.getByTestId('presence-user').filter({ hasText: OFFICER_B.displayName })).toContainText('Notes')
  await shot(a, '03-editor-two-cursors-en')
  await setLanguage(b, 'lo')
  await shot(b, '04-editor-two-cursors-lo')
  await editorA.getByTestId('plan-main').evaluate((element) => (element as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0))
  await shot(a, '05-editor-top-en')
  await editorA.locator('#plan-section-tasks').scrollIntoViewIfNeeded()
  await shot(a, '06-editor-tasks-en')

  // The link goes down: both go on editing; each says its changes wait for the other.
  toA.cut()
  toB.cut()
  await expect(a.getByTestId('plan-link-state')).toHaveAttribute('data-state', 'offline', { timeout: 30_000 })
  await expect(b.getByTestId('plan-link-state')).toHaveAttribute('data-state', 'offline', { timeout: 30_000 })
  await expect(a.getByTestId('plan-link-state')).toContainText('Offline — your changes will reach BLO Houayxay when the link returns')
  // Across a cut link neither sees the other any more: no name in the bar, no caret in the notes.
  await expect(a.getByTestId('presence-user').filter({ hasText: OFFICER_B.displayName })).toHaveCount(0)
  await expect(a.getByTestId('notes-caret-label').filter({ hasText: OFFICER_B.displayName })).toHaveCount(0)
  await expect(b.getByTestId('presence-user').filter({ hasText: SUPERVISOR.displayName })).toHaveCount(0)
  await editorA.getByTestId('plan-notes-editor').click()
  await caretTo(a, 'end')
  await a.keyboard.type(OFFLINE_A)
  await editorB.getByTestId('plan-notes-editor').click()
  await caretTo(b, 'end')
  await b.keyboard.type(OFFLINE_B)
  await editorB.getByTestId('field-tasks.1.assignee').fill('ຮ.ອ ສົມພອນ')
  await editorB.getByTestId('field-tasks.1.assignee').press('Tab')
  await expect(a.getByTestId('plan-pending')).toContainText('waiting', { timeout: 30_000 })
  await shot(a, '07-editor-offline-en')
  await shot(b, '08-editor-offline-lo')

  // The link returns: everything from both sides, the same on both pages and both stations.
  toA.restore()
  toB.restore()
  await expect(a.getByTestId('plan-link-state')).toHaveAttribute('data-state', 'connected', { timeout: 60_000 })
  // Each is seen again as soon as the link is back (renewed presence, not the next 15-second renewal).
  await expect(a.getByTestId('presence-user').filter({ hasText: OFFICER_B.displayName })).toHaveAttribute('data-station', 'theirs')
  await expect(b.getByTestId('presence-user').filter({ hasText: SUPERVISOR.displayName })).toHaveAttribute('data-station', 'theirs')
  const allEdits = [NOTE_A, NOTE_B.trim(), OFFLINE_A.trim(), OFFLINE_B.trim()]
  await expect.poll(async () => [await notesText(a), await notesText(b)].every((text) => allEdits.every((edit) => text.includes(edit))), { timeout: 60_000 }).toBe(true)
  await expect.poll(async () => (await notesText(a)) === (await notesText(b))).toBe(true)
  await expect(editorA.getByTestId('field-tasks.1.assignee')).toHaveValue('ຮ.ອ ສົມພອນ')
  const shown = await notesText(a)
  await expect.poll(async () => (await stationPlan(hostA, planId)).notes, { timeout: 30_000 }).toBe(shown)
  await expect.poll(async () => (await stationPlan(hostB, planId)).notes, { timeout: 30_000 }).toBe(shown)
  expect((await stationPlan(hostA, planId)).tasks).toEqual((await stationPlan(hostB, planId)).tasks)

  // Sign-off: the officer is refused; one supervisor alone does not agree the plan.
  await setLanguage(b, 'en')
  await b.getByTestId('signoff-approve').click()
  await b.getByTestId('approve-confirm').click()
  await expect(b.getByTestId('signoff-error')).toHaveAttribute('data-code', 'forbidden')
  await expect(b.getByTestId('signoff-error')).toContainText('You are not allowed to do this.')
  await shot(b, '09-signoff-forbidden-en')
  await a.getByTestId('signoff-approve').click()
  await expect(a.getByTestId('approve-dialog')).toContainText((await a.getByTestId('signoff-hash').innerText()).trim())
  await shot(a, '10-approve-dialog-en')
  await a.getByTestId('approve-confirm').click()
  await expect(a.getByTestId('signoff-state')).toHaveAttribute('data-state', 'partial')
  await expect(a.getByTestId('signoff-approval').and(a.locator('[data-station="ours"]'))).toHaveAttribute('data-approval', 'current')
  await expect(a.getByTestId('plan-status')).toHaveAttribute('data-status', 'draft')
  await expect(b.getByTestId('signoff-state')).toHaveAttribute('data-state', 'partial', { timeout: 30_000 })
  await shot(a, '11-signoff-partial-en')

  // B's supervisor approves the same version: agreed on both sides.
  const b2 = await openPage(browser, hostB, SUPERVISOR_B, 'B2', errors)
  await b2.getByTestId('nav-plans').click()
  await b2.getByTestId('plan-row').click()
  await expect(b2.getByTestId('signoff-hash')).toHaveAttribute('data-hash', (await a.getByTestId('signoff-hash').getAttribute('data-hash'))!)
  await b2.getByTestId('signoff-approve').click()
  await b2.getByTestId('approve-confirm').click()
  await expect(b2.getByTestId('signoff-state')).toHaveAttribute('data-state', 'agreed')
  await b2.goto('about:blank')
  await b2.context().close()
  await expect(a.getByTestId('signoff-state')).toHaveAttribute('data-state', 'agreed', { timeout: 30_000 })
  await expect(a.getByTestId('plan-status')).toHaveAttribute('data-status', 'agreed')
  await expect(a.getByTestId('signoff-agreed')).toBeVisible()
  await shot(a, '12-signoff-agreed-en')

  // A later edit: changes since the agreed version, and both must approve again.
  await editorA.getByTestId('plan-notes-editor').click()
  await caretTo(a, 'end')
  await a.keyboard.type(AFTER_AGREEMENT)
  await expect(a.getByTestId('signoff-state')).toHaveAttribute('data-state', 'changed', { timeout: 30_000 })
  await expect(a.getByTestId('signoff-changes').getByTestId('diff-notes').locator('ins')).toContainText(['spare boats'], { timeout: 30_000 })
  await expect(b.getByTestId('signoff-state')).toHaveAttribute('data-state', 'changed', { timeout: 30_000 })
  await shot(a, '13-signoff-changed-en')

  // History: the agreement is a version; a named one is saved; compare; view the agreed one and restore it.
  await a.getByTestId('plan-tab-history').click()
  await expect(a.getByTestId('plan-version').and(a.locator('[data-kind="agreed"]'))).toHaveCount(1)
  await a.getByTestId('save-version').click()
  await a.getByTestId('save-version-dialog').getByTestId('field-name').fill('ก่อนประชุมร่วม — before the joint meeting')
  await a.getByTestId('save-version-confirm').click()
  await expect(a.getByTestId('plan-version')).toHaveCount(2)
  await b.getByTestId('plan-tab-history').click()
  await expect(b.getByTestId('version-name').filter({ hasText: 'ก่อนประชุมร่วม' })).toBeVisible({ timeout: 30_000 })
  await a.getByTestId('plan-version').and(a.locator('[data-kind="agreed"]')).getByTestId('version-compare').click()
  const diff = a.getByTestId('diff-dialog')
  await expect(diff.getByTestId('diff-notes').locator('ins')).toContainText(['spare boats'])
  await shot(a, '14-history-diff-en')
  await a.keyboard.press('Escape')
  await a.getByTestId('plan-version').and(a.locator('[data-kind="agreed"]')).getByTestId('version-view').click()
  const version = a.getByTestId('version-dialog')
  await expect(version.getByTestId('version-notes')).toContainText(NOTE_A.trim())
  await expect(version.getByTestId('version-notes')).not.toContainText('spare boats')
  await shot(a, '15-version-view-en')
  await version.getByTestId('version-restore').click()
  await expect(a.getByTestId('restore-dialog')).toBeVisible()
  await shot(a, '16-restore-confirm-en')
  await a.getByTestId('restore-confirm').click()
  await expect(a.getByTestId('restore-dialog')).toHaveCount(0)
  // The agreed content is back (and so the plan is agreed again), on both pages; the later edit is kept in history.
  await expect.poll(() => notesText(a), { timeout: 30_000 }).not.toContain('spare boats')
  await expect.poll(() => notesText(b), { timeout: 30_000 }).not.toContain('spare boats')
  await expect(a.getByTestId('plan-status')).toHaveAttribute('data-status', 'agreed', { timeout: 30_000 })
  await expect(a.getByTestId('plan-version').and(a.locator('[data-kind="before-restore"]'))).toHaveCount(1)
  await a.getByTestId('plan-version').and(a.locator('[data-kind="before-restore"]')).getByTestId('version-view').click()
  await expect(a.getByTestId('version-dialog').getByTestId('version-notes')).toContainText('spare boats')
  await a.keyboard.press('Escape')
  await shot(a, '17-history-restored-en')

  // The same screens in Thai (A) and Lao (B).
  await setLanguage(a, 'th')
  await shot(a, '18-history-th')
  await a.getByTestId('plan-tab-signoff').click()
  await shot(a, '19-signoff-agreed-th')
  await setLanguage(b, 'lo')
  await b.getByTestId('plan-version').first().getByTestId('version-compare').click()
  await expect(b.getByTestId('diff-dialog').getByTestId('plan-diff')).toBeVisible()
  await shot(b, '20-history-diff-lo')
  await b.keyboard.press('Escape')
  await b.getByTestId('plan-back').click()
  await expect(b.getByTestId('plan-row')).toHaveCount(1)
  await shot(b, '21-plan-list-lo')
  await a.getByTestId('plan-back').click()
  await shot(a, '22-plan-list-th')

  for (const page of [a, b]) await page.context().close() // open pages keep reconnecting and slow the next spec
  expect(errors).toEqual([])
})
