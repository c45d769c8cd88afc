/**
 * Keystroke-to-counterpart latency for a joint operation plan (issue 4): two built station hosts (separate
 * processes, paired on loopback) and a Chromium page on each, both in the same plan's notes. One page types
 * single characters with a random think-time between them; for each, the time from its keydown in the typing
 * page to that exact text in the other station's page. Then the other way round. Once over the bare loopback
 * link (the goal), once through a throttling proxy (a slow border link, for comparison). Prints a table;
 * `--write` also puts it in tests/bench/PLANS.md.
 *   npm run bench -- plans-latency [--keystrokes 300] [--think 30-150] [--links loopback,throttled] [--kbit 512] [--rtt 300] [--write]
 *
 * Both pages read the same machine clock (Date.now()): the typing page stamps each keydown (capture listener
 * on window, before the editor sees it); the watching page stamps, from a MutationObserver on the notes editor,
 * the moment the text first holds each new character (other officers' caret labels left out). In between, each
 * page stamps its own WebSocket traffic to its station host, which splits every keystroke into: typing screen
 * (keydown → `plans.update` sent), stations (sent → `plans:update` event received by the other page: host,
 * core, sync session, peer link, peer core, peer host) and watching screen (event received → text in the DOM).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Browser, type Page } from 'playwright-core'
import { OFFICER_B, SUPERVISOR, type TestAccount } from '../helpers/accounts'
import { runCli, startHost, stopAllHosts, type RunningHost } from '../helpers/built-programs'
import { createAccountsOnHost } from '../helpers/host-accounts'
import { signInScript } from '../helpers/page-sign-in'
import { startThrottleProxy, type ThrottleProxy } from '../helpers/throttle-proxy'
import { loadAverage, machineFacts } from './report'
import { percentile } from './stats'

const { values: flags } = parseArgs({
  options: {
    keystrokes: { type: 'string', default: '300' },
    think: { type: 'string', default: '30-150' },
    links: { type: 'string', default: 'loopback,throttled' },
    kbit: { type: 'string', default: '512' },
    rtt: { type: 'string', default: '300' },
    seed: { type: 'string', default: '7' },
    write: { type: 'boolean', default: false }
  }
})
const KEYSTROKES = Number(flags.keystrokes)
const [THINK_MIN, THINK_MAX] = flags.think.split('-').map(Number)
const KBIT = Number(flags.kbit)
const RTT_MS = Number(flags.rtt)
const GOAL_P95_MS = 100
const CHROMIUM = '/usr/bin/chromium'
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const PLANS_MD = join(__dirname, 'PLANS.md')
const SECTION = "## Keystroke to the other station's browser"

type LinkKind = 'loopback' | 'throttled'
const LINKS = flags.links.split(',').filter((l): l is LinkKind => l === 'loopback' || l === 'throttled')
if (!(KEYSTROKES > 0) || !(THINK_MIN >= 0 && THINK_MAX >= THINK_MIN) || LINKS.length === 0) {
  console.error('plans-latency: --keystrokes must be > 0, --think MIN-MAX in ms, --links one or both of loopback,throttled')
  process.exit(2)
}

/** Seeded, so two runs type the same characters with the same pauses. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rand = random(Number(flags.seed))
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** What the probe below keeps in the page, stamped with Date.now(). */
interface Probe {
  armed: boolean
  /** keydowns on this page */
  keys: number[]
  /** [call id, sent] for each plans.update this page sent */
  sends: [number, number][]
  /** [call id, reply received] */
  replies: [number, number][]
  /** plans:update events received from the station */
  events: number[]
  /** when the watched text first held 1, 2, 3 … of the expected new characters */
  arrivals: number[]
  /** times the watched text was not a start of the expected text (a keystroke landed elsewhere) */
  mismatches: number
  /** the notes as text, without other officers' caret labels */
  text(): string
  watch(expected: string): void
  stop(): void
}
type ProbeWindow = { __latency: Probe }

/**
 * Runs in each page before the app (plain JavaScript: the page's CSP forbids eval). Added after the sign-in
 * script, so its WebSocket wraps the signed-in one; its listeners run before the app's.
 */
const PROBE_SCRIPT = `(() => {
  const lat = { armed: false, keys: [], sends: [], replies: [], events: [], arrivals: [], mismatches: 0 }
  window.__latency = lat
  window.addEventListener('keydown', () => { if (lat.armed) lat.keys.push(Date.now()) }, true)
  const pending = new Set()
  const Base = window.WebSocket
  window.WebSocket = class extends Base {
    constructor(url, protocols) {
      super(url, protocols)
      this.addEventListener('message', (event) => {
        if (!lat.armed) return
        const t = Date.now()
        const message = JSON.parse(event.data)
        if (message.type === 'reply' && pending.delete(message.id)) lat.replies.push([message.id, t])
        else if (message.type === 'event' && message.event === 'plans:update') lat.events.push(t)
      })
    }
    send(frame) {
      if (lat.armed && typeof frame === 'string' && frame.includes('"plans.update"')) {
        const id = JSON.parse(frame).id
        pending.add(id)
        lat.sends.push([id, Date.now()])
      }
      super.send(frame)
    }
  }
  const notesText = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement && node.parentElement.closest('.collab-caret') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT)
    })
    let text = ''
    while (walker.nextNode()) text += walker.currentNode.data
    return text
  }
  const editor = () => document.querySelector('[data-testid="plan-notes-editor"]')
  lat.text = () => notesText(editor())
  let observer = null
  lat.watch = (added) => {
    const root = editor()
    const expected = notesText(root) + added
    let seen = expected.length - added.length
    observer = new MutationObserver(() => {
      const t = Date.now()
      const text = notesText(root)
      if (text.length <= seen) return
      if (!expected.startsWith(text)) { lat.mismatches++; return }
      for (let n = seen; n < text.length; n++) lat.arrivals.push(t)
      seen = text.length
    })
    observer.observe(root, { childList: true, subtree: true, characterData: true })
  }
  lat.stop = () => { if (observer) observer.disconnect(); observer = null; lat.armed = false }
})()`

interface Side {
  host: RunningHost
  page: Page
}

const byTestId = (page: Page, id: string, attrs: Record<string, string> = {}) =>
  page.locator(`[data-testid="${id}"]${Object.entries(attrs).map(([k, v]) => `[${k}="${v}"]`).join('')}`)

async function openPage(browser: Browser, host: RunningHost, account: TestAccount, name: string, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' })
  const page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${name}: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`${name}: ${error.message}`))
  await page.addInitScript({ content: signInScript(account) })
  await page.addInitScript({ content: PROBE_SCRIPT })
  await page.goto(host.ready.url)
  await byTestId(page, 'link-status', { 'data-state': 'connected' }).waitFor({ timeout: 60_000 })
  return page
}

async function stationId(dir: string): Promise<string> {
  const show = await runCli(['pair', 'show', '--data', dir, '--json'])
  if (show.code !== 0) throw new Error(`blo pair show: ${show.stderr}`)
  return show.json<{ stationId: string }>().stationId
}

/** Two initialised stations, started, with an account each; paired directly or each through its own throttle proxy. */
async function startPair(root: string, link: LinkKind, proxies: ThrottleProxy[]): Promise<[RunningHost, RunningHost]> {
  const dirs = [join(root, `${link}-a`), join(root, `${link}-b`)]
  const offices = [
    ['BLO Chiang Khong', 'TH', 'Chiang Khong – Houayxay (Friendship Bridge 4)'],
    ['BLO Houayxay', 'LA', 'Houayxay – Chiang Khong']
  ]
  for (const [i, dir] of dirs.entries()) {
    const [name, country, crossing] = offices[i]
    const init = await runCli(['init', '--data', dir, '--name', name, '--country', country, '--crossing', crossing])
    if (init.code !== 0) throw new Error(`blo init: ${init.stderr}`)
  }
  const hosts = await Promise.all(dirs.map((dir) => startHost(['--data', dir, '--port', '0', '--sync-port', '0', '--sync-host', '127.0.0.1'])))
  await createAccountsOnHost(hosts[0], [SUPERVISOR])
  await createAccountsOnHost(hosts[1], [OFFICER_B])
  const ids = await Promise.all(dirs.map(stationId))
  for (const [i, dir] of dirs.entries()) {
    const peer = hosts[1 - i]
    let address = peer.ready.sync!
    if (link === 'throttled') {
      const [host, port] = address.split(':')
      const proxy = await startThrottleProxy({ target: { host, port: Number(port) }, rateBitsPerSecond: KBIT * 1000, delayMs: RTT_MS / 2 })
      proxies.push(proxy)
      address = `127.0.0.1:${proxy.port}`
    }
    const pair = await runCli(['pair', 'add', '--data', dir, '--id', ids[1 - i], '--address', address, '--name', offices[1 - i][0]])
    if (pair.code !== 0) throw new Error(`blo pair add: ${pair.stderr}`)
  }
  return [hosts[0], hosts[1]]
}

/** A creates a plan; B finds it in its list and opens it; both end in the notes editor. */
async function openPlanOnBoth(a: Page, b: Page): Promise<void> {
  await byTestId(a, 'nav-plans').click()
  await byTestId(a, 'new-plan').click()
  const dialog = byTestId(a, 'plan-create-dialog')
  await dialog.locator('[data-testid="field-title"]').fill('Latency benchmark — joint river patrol')
  await dialog.locator('[data-testid="plan-create-submit"]').click()
  const planId = await byTestId(a, 'plan-editor').getAttribute('data-plan-id', { timeout: 30_000 })
  await byTestId(b, 'nav-plans').click()
  await byTestId(b, 'plan-row').first().click({ timeout: 60_000 })
  await byTestId(b, 'plan-editor', { 'data-plan-id': planId! }).waitFor({ timeout: 30_000 })
  for (const page of [a, b]) await byTestId(page, 'plan-notes-editor').waitFor()
}

const probe = (page: Page) => page.evaluate(() => (globalThis as unknown as ProbeWindow).__latency)

async function waitForArrivals(watcher: Page, count: number, timeoutMs: number): Promise<void> {
  await watcher.waitForFunction((n) => (globalThis as unknown as ProbeWindow).__latency.arrivals.length >= n, count, { timeout: timeoutMs, polling: 100 })
}

async function focusNotesEnd(page: Page): Promise<void> {
  await byTestId(page, 'plan-notes-editor').click()
  await page.keyboard.press('Control+End')
}

export interface Direction {
  name: string
  total: number[]
  typingScreen: number[]
  stations: number[]
  watchingScreen: number[]
  /** plans.update sent → its reply, on the typing page: the typing station's own handling of an update */
  reply: number[]
  /** keystrokes per plans.update the typing page sent */
  perUpdate: number
  /** keystrokes per plans:update event the watching page received */
  perEvent: number
  mismatches: number
}

/** The first value ≥ t in an ascending list (the send that carried a keystroke typed at t). */
const firstAtOrAfter = (sorted: number[], t: number) => sorted.find((x) => x >= t)
/** The last value ≤ t (the event whose application put the text in the DOM at t). */
const lastAtOrBefore = (sorted: number[], t: number) => sorted.findLast((x) => x <= t)

/** The typist types; the watcher reports when each character shows. The typist's caret is already at the end. */
async function measure(name: string, typist: Page, watcher: Page): Promise<Direction> {
  const text = Array.from({ length: KEYSTROKES }, () => LETTERS[Math.floor(rand() * LETTERS.length)]).join('')
  await watcher.evaluate((added) => {
    const lat = (globalThis as unknown as ProbeWindow).__latency
    Object.assign(lat, { armed: true, keys: [], sends: [], replies: [], events: [], arrivals: [], mismatches: 0 })
    lat.watch(added)
  }, text)
  await typist.evaluate(() => Object.assign((globalThis as unknown as ProbeWindow).__latency, { armed: true, keys: [], sends: [], replies: [], events: [], arrivals: [] }))
  for (const ch of text) {
    await sleep(THINK_MIN + rand() * (THINK_MAX - THINK_MIN))
    await typist.keyboard.type(ch)
  }
  await waitForArrivals(watcher, KEYSTROKES, 60_000)
  await watcher.evaluate(() => (globalThis as unknown as ProbeWindow).__latency.stop())
  await typist.evaluate(() => (globalThis as unknown as ProbeWindow).__latency.stop())
  const [typed, seen] = [await probe(typist), await probe(watcher)]
  if (typed.keys.length !== KEYSTROKES) throw new Error(`${name}: ${typed.keys.length} keydowns for ${KEYSTROKES} keystrokes`)

  const sends = typed.sends.map(([, t]) => t)
  const sentAt = new Map(typed.sends)
  const reply = typed.replies.map(([id, t]) => t - sentAt.get(id)!)
  const out: Direction = { name, total: [], typingScreen: [], stations: [], watchingScreen: [], reply, perUpdate: KEYSTROKES / sends.length, perEvent: KEYSTROKES / seen.events.length, mismatches: seen.mismatches }
  for (const [i, key] of typed.keys.entries()) {
    const shown = seen.arrivals[i]
    const sent = firstAtOrAfter(sends, key)
    const received = lastAtOrBefore(seen.events, shown)
    out.total.push(shown - key)
    if (sent === undefined || received === undefined || received < sent) continue
    out.typingScreen.push(sent - key)
    out.stations.push(received - sent)
    out.watchingScreen.push(shown - received)
  }
  return out
}

/** Whole runs: fresh stations for each link, warm-up typing, then A → B and B → A. */
async function runLink(browser: Browser, root: string, link: LinkKind, errors: string[]): Promise<Direction[]> {
  const proxies: ThrottleProxy[] = []
  try {
    const [hostA, hostB] = await startPair(root, link, proxies)
    const a: Side = { host: hostA, page: await openPage(browser, hostA, SUPERVISOR, `${link} A`, errors) }
    const b: Side = { host: hostB, page: await openPage(browser, hostB, OFFICER_B, `${link} B`, errors) }
    await openPlanOnBoth(a.page, b.page)
    // Warm-up: each types into the paragraph and sees the other's typing, so every path has run before the clock starts.
    for (const [typist, watcher, words] of [
      [a.page, b.page, 'Boats meet at the pier'],
      [b.page, a.page, ' and wait']
    ] as const) {
      await focusNotesEnd(typist)
      await typist.keyboard.type(words, { delay: 20 })
      await watcher.waitForFunction((end) => (globalThis as unknown as ProbeWindow).__latency.text().endsWith(end), words, { timeout: 60_000, polling: 100 })
    }
    await focusNotesEnd(a.page)
    await sleep(500)
    const results = [await measure(`${link}: A → B`, a.page, b.page)]
    await focusNotesEnd(b.page)
    await sleep(500)
    results.push(await measure(`${link}: B → A`, b.page, a.page))
    for (const page of [a.page, b.page]) await page.context().close()
    return results
  } finally {
    await Promise.all(proxies.map((p) => p.close()))
    await stopAllHosts()
  }
}

/** Whole milliseconds: Date.now() has no finer grain. */
const stat = (values: number[]) => [percentile(values, 50), percentile(values, 95), Math.max(...values)].map(Math.round).join(' / ')

function renderTable(results: Direction[]): string {
  const lines = [
    '| Link, direction | Keystroke → other browser, p50 / p95 / max ms | Typing screen | Stations and link | Watching screen | Typing station\'s reply to `plans.update` | Keystrokes per update sent / received | Goal (loopback) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |'
  ]
  for (const r of results) {
    const loopback = r.name.startsWith('loopback')
    const verdict = loopback ? (percentile(r.total, 95) <= GOAL_P95_MS ? '**met**' : '**not met**') : '—'
    lines.push(
      `| ${r.name} | ${stat(r.total)} | ${stat(r.typingScreen)} | ${stat(r.stations)} | ${stat(r.watchingScreen)} | ${stat(r.reply)} | ${r.perUpdate.toFixed(2)} / ${r.perEvent.toFixed(2)} | ${loopback ? `p95 ≤ ${GOAL_P95_MS} ms: ${verdict}` : verdict} |`
    )
  }
  return lines.join('\n')
}

function renderSection(results: Direction[], started: Date, loadStart: string): string {
  const facts = machineFacts()
  return `${SECTION}

\`npm run bench -- plans-latency [--keystrokes ${KEYSTROKES}] [--think ${THINK_MIN}-${THINK_MAX}] [--kbit ${KBIT}] [--rtt ${RTT_MS}] [--write]\`
(tests/bench/plans-latency-benchmark.ts) starts two built station hosts (separate processes) paired on
127.0.0.1, opens a Chromium page on each (Debian Chromium, headless) in the same plan's notes, and types
${KEYSTROKES} single characters into one page, ${THINK_MIN}–${THINK_MAX} ms apart at random, then as many into the other.
Per keystroke: from its keydown in the typing page to the first moment the other page's notes hold it (a
MutationObserver; both pages read the same clock). The parts: typing screen (keydown → \`plans.update\` sent on
the page's WebSocket), stations and link (→ the \`plans:update\` event reaches the other page: host, core, sync
session, peer link, peer core, peer host), watching screen (→ text in the DOM); beside them, how long the typing
station takes to answer each \`plans.update\`. Fresh stations for each link; "throttled" puts a throttling proxy
(${KBIT} kbit/s each way, ${RTT_MS} ms RTT) in front of each station's sync port.

The sync session keeps one update frame per document in flight and sends the next when the peer acknowledges
it (main/core/sync/outgoing-transfers.ts), so on a slow link a keystroke waits for the ack of the frame before it (up
to one RTT) and then crosses (half an RTT): there the keystrokes merged per update received rise above 1.
Compare runs at similar load only: every part includes waiting for a CPU (two Chromium renderers, two stations
and the benchmark share the cores) and each keystroke is committed with an fsync on both stations.

Run ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${facts.cpu}, ${facts.cores} cores, shared with other work (load average ${loadStart} at the start, ${loadAverage()} at the end).

${renderTable(results)}
`
}

/** Puts the section in PLANS.md in place of its previous run, or at the end. */
function writeSection(section: string): void {
  const text = readFileSync(PLANS_MD, 'utf8')
  const start = text.indexOf(SECTION)
  if (start < 0) return writeFileSync(PLANS_MD, `${text.trimEnd()}\n\n${section}`)
  const next = text.indexOf('\n## ', start + SECTION.length)
  writeFileSync(PLANS_MD, `${text.slice(0, start)}${section}${next < 0 ? '' : `\n${text.slice(next + 1)}`}`)
}

async function main(): Promise<void> {
  const started = new Date()
  const loadStart = loadAverage()
  const root = mkdtempSync(join(tmpdir(), 'blo-plans-latency-'))
  const errors: string[] = []
  let browser: Browser | undefined
  const cleanUp = async () => {
    await browser?.close().catch(() => undefined)
    await stopAllHosts()
    rmSync(root, { recursive: true, force: true })
  }
  const interrupted = () => void cleanUp().finally(() => process.exit(130))
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true })
    const results: Direction[] = []
    for (const link of LINKS) {
      console.log(`plans-latency: ${link} link, ${KEYSTROKES} keystrokes each way …`)
      results.push(...(await runLink(browser, root, link, errors)))
    }
    const section = renderSection(results, started, loadStart)
    console.log(`\n${section}`)
    for (const r of results) if (r.mismatches) console.log(`${r.name}: the watched text was ${r.mismatches} times not a start of the typed text`)
    if (errors.length) console.log(`Page errors:\n${errors.join('\n')}`)
    if (flags.write) writeSection(section)
  } finally {
    await cleanUp()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
