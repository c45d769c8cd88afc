/**
 * Plan document benchmark (issue 4): a plan whose notes carry a long single-character editing history, like
 * the B4 trace of the public crdt-benchmarks (about 260k edits, two thirds inserts, typed mostly at the cursor).
 * The history is generated here with a seeded random walk, stored through the station API as screens would
 * send it, then the station is reopened and the plan opened cold. Prints a table.
 *   npm run bench -- plans [--edits 250000] [--model bursts|scattered] [--keystrokes 200]
 * bursts: typing runs (about 20 characters) and backspace bursts (about 8), with a cursor jump now and then, as
 * people write; scattered: every edit flips a coin between typing and backspace, the worst case for Yjs
 * (a history of single-character items that never merge).
 */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import * as Y from 'yjs'
import type { MethodInput, MethodName, MethodOutput } from '../../preload/api'
import { DATABASE_FILE, openStation, systemConnection, type Station } from '../../main/core/station'
import { formatBytes, formatMs, percentile } from './stats'
import { machineFacts } from './report'

const { values: flags } = parseArgs({
  options: {
    edits: { type: 'string', default: '250000' },
    model: { type: 'string', default: 'bursts' },
    keystrokes: { type: 'string', default: '200' },
    seed: { type: 'string', default: '4' }
  }
})
const EDITS = Number(flags.edits)
const MODEL = flags.model === 'scattered' ? 'scattered' : 'bursts'
const KEYSTROKES = Number(flags.keystrokes)
/** Edits a screen would have sent between two updates reaching main: batches keep generation quick. */
const EDITS_PER_UPDATE = 1000
const OPEN_RUNS = 5
const ctx = systemConnection('bench')

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

async function call<M extends MethodName>(station: Station, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const reply = await station.dispatch(method, input, ctx)
  if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`)
  return reply.value as MethodOutput<M>
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')
const gc = () => (globalThis as { gc?: () => void }).gc?.()
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`

/** Exponentially distributed run length with the given mean (at least 1). */
const runLength = (rand: () => number, mean: number) => 1 + Math.floor(-Math.log(1 - rand()) * (mean - 1))

/** The next edit: type at the cursor (true) or backspace before it (false); moves the cursor as a person would. */
function editor(rand: () => number) {
  let typing = true
  let left = 0
  return (length: number, cursor: number): { type: boolean; cursor: number } => {
    if (MODEL === 'scattered') {
      const at = rand() > 0.9 ? Math.floor(rand() * (length + 1)) : cursor
      return { type: !(length > 0 && at > 0 && rand() < 0.3), cursor: at }
    }
    if (left <= 0) {
      // Half the runs type: with these run lengths, 70% of edits insert and 30% delete, as in B4.
      typing = rand() < 0.5
      left = runLength(rand, typing ? 20 : 8.5)
      if (rand() < 0.1) cursor = Math.floor(rand() * (length + 1))
    }
    left--
    return { type: typing || cursor === 0, cursor }
  }
}

/** Types into the first paragraph of the notes, one character per Yjs transaction, as the editor would send it. */
async function writeHistory(station: Station, id: string): Promise<{ inserts: number; deletes: number }> {
  const screen = new Y.Doc()
  Y.applyUpdateV2(screen, Buffer.from((await call(station, 'plans.open', { id })).state, 'base64'))
  const text = (screen.getXmlFragment('notes').get(0) as Y.XmlElement).get(0) as Y.XmlText
  const rand = random(Number(flags.seed))
  const next = editor(rand)
  const alphabet = 'abcdefghijklmnopqrstuvwxyz     ตรวจค้นรถบรรทุกທີມລາດຕະເວນ.,\n'
  let pending: Uint8Array[] = []
  screen.on('updateV2', (u: Uint8Array) => pending.push(u))
  const flush = async () => {
    if (!pending.length) return
    const update = Y.mergeUpdatesV2(pending)
    pending = []
    await call(station, 'plans.update', { id, update: b64(update), origin: 'screen:bench' })
  }
  let cursor = text.length
  let inserts = 0
  let deletes = 0
  for (let i = 0; i < EDITS; i++) {
    const edit = next(text.length, cursor)
    cursor = edit.cursor
    if (edit.type) {
      text.insert(cursor, alphabet[Math.floor(rand() * alphabet.length)])
      cursor++
      inserts++
    } else {
      text.delete(cursor - 1, 1)
      cursor--
      deletes++
    }
    if (pending.length >= EDITS_PER_UPDATE) await flush()
  }
  await flush()
  return { inserts, deletes }
}

function storedBytes(dir: string, id: string) {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true })
  try {
    const doc = `plan/${id}`
    const sum = (sql: string) => (db.prepare(sql).pluck().get(doc) as number | null) ?? 0
    const blobs = sum('SELECT sum(length(data)) FROM doc_snapshots WHERE doc = ?') + sum('SELECT sum(length(data)) FROM doc_updates WHERE doc = ?')
    const updates = sum('SELECT count(*) FROM doc_updates WHERE doc = ?')
    let pages: Record<string, number> = {}
    try {
      pages = Object.fromEntries(
        (db.prepare(`SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name`).all() as { name: string; bytes: number }[]).map((r) => [r.name, r.bytes])
      )
    } catch {
      // dbstat is not compiled into every SQLite build
    }
    const tableBytes = (pages.doc_snapshots ?? 0) + (pages.doc_updates ?? 0) + (pages.sqlite_autoindex_doc_snapshots_1 ?? 0)
    const ftsBytes = Object.entries(pages)
      .filter(([name]) => name.startsWith('plan_text'))
      .reduce((n, [, b]) => n + b, 0)
    return { blobs, updates, tableBytes, ftsBytes }
  } finally {
    db.close()
  }
}

interface OpenTimes {
  station: Station
  replica: Y.Doc
  detail: MethodOutput<'plans.get'>
  openMs: number
  applyMs: number
  getMs: number
  heapBytes: number
  stateBytes: number
}

/** Opens the station afresh and the plan in it as a screen does: plans.open, then the replica applies the state. */
async function coldOpen(dir: string, id: string): Promise<OpenTimes> {
  gc()
  const heapBefore = process.memoryUsage().heapUsed
  const station = openStation({ dataDir: dir, log: () => undefined })
  await call(station, 'plans.list', {}) // the station's own start (identity, statements) is not the plan's cost
  let t = performance.now()
  const { state } = await call(station, 'plans.open', { id })
  const openMs = performance.now() - t
  t = performance.now()
  const replica = new Y.Doc()
  Y.applyUpdateV2(replica, Buffer.from(state, 'base64'))
  const applyMs = performance.now() - t
  t = performance.now()
  const detail = await call(station, 'plans.get', { id })
  const getMs = performance.now() - t
  gc()
  const heapBytes = process.memoryUsage().heapUsed - heapBefore
  return { station, replica, detail, openMs, applyMs, getMs, heapBytes, stateBytes: Buffer.byteLength(state, 'base64') }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'blo-plans-bench-'))
  const init = { name: 'Bench BLO', country: 'TH' }
  try {
    let station = openStation({ dataDir: dir, init, log: () => undefined })
    const { id } = await call(station, 'plans.create', { title: 'Long history', notes: 'Notes' })
    const generating = performance.now()
    const history = await writeHistory(station, id)
    const generationMs = performance.now() - generating
    await station.close()

    // The first open after the editing session merges its pending updates into the snapshot (compaction).
    const first = await coldOpen(dir, id)
    await first.station.close()
    // Later opens find the compacted snapshot: the usual case. A new station each time, nothing cached.
    const opens: OpenTimes[] = []
    for (let i = 0; i < OPEN_RUNS - 1; i++) {
      const run = await coldOpen(dir, id)
      opens.push(run)
      await run.station.close()
    }
    const last = await coldOpen(dir, id)
    opens.push(last)
    const { station: open, replica, detail } = last
    station = open
    const typical = (pick: (o: OpenTimes) => number) => percentile(opens.map(pick), 50)

    // Keystrokes on the big document: each is stored, materialised and indexed in its own transaction.
    const text = (replica.getXmlFragment('notes').get(0) as Y.XmlElement).get(0) as Y.XmlText
    const keystrokeMs: number[] = []
    let typed: Uint8Array | null = null
    replica.on('updateV2', (u: Uint8Array) => (typed = u))
    for (let i = 0; i < KEYSTROKES; i++) {
      text.insert(Math.floor(text.length / 2), 'x')
      const start = performance.now()
      await call(station, 'plans.update', { id, update: b64(typed!), origin: 'screen:bench' })
      keystrokeMs.push(performance.now() - start)
    }
    await station.close()

    // After compaction (the open above merged and stored the snapshot), against the document's V2 state.
    station = openStation({ dataDir: dir, log: () => undefined })
    const v2State = Buffer.byteLength((await call(station, 'plans.open', { id })).state, 'base64')
    await station.close()
    const stored = storedBytes(dir, id)

    const facts = machineFacts()
    const rows: [string, string][] = [
      ['edits in history', `${EDITS.toLocaleString('en-US')} (${history.inserts.toLocaleString('en-US')} inserts, ${history.deletes.toLocaleString('en-US')} deletes; ${MODEL})`],
      ['final notes length', `${detail.notes.length.toLocaleString('en-US')} characters`],
      ['history written through plans.update', `${(generationMs / 1000).toFixed(1)} s (${EDITS / EDITS_PER_UPDATE} updates)`],
      ['first open after the session (merges its updates into the snapshot)', `${formatMs(first.openMs)} ms + ${formatMs(first.applyMs)} ms in the screen`],
      [`cold open, compacted (median of ${OPEN_RUNS}): load from SQLite + encode (plans.open)`, `${formatMs(typical((o) => o.openMs))} ms`],
      ['  screen applies that state to a fresh Y.Doc', `${formatMs(typical((o) => o.applyMs))} ms`],
      ['  time to interactive (sum)', `${formatMs(typical((o) => o.openMs + o.applyMs))} ms (goal ≤300 ms)`],
      ['  typed summary right after (plans.get)', `${formatMs(typical((o) => o.getMs))} ms`],
      ['heap held by the open document (main + replica)', mib(last.heapBytes)],
      ['state sent to the screen', formatBytes(last.stateBytes)],
      [`keystroke stored + materialised, p50 / p95 (${KEYSTROKES})`, `${formatMs(percentile(keystrokeMs, 50))} / ${formatMs(percentile(keystrokeMs, 95))} ms`],
      ['stored document blobs after compaction', `${formatBytes(stored.blobs)} (${stored.updates} pending updates)`],
      ['V2 snapshot (encodeStateAsUpdateV2)', formatBytes(v2State)],
      ['stored / V2 snapshot', `${(stored.blobs / v2State).toFixed(2)}× (goal ≤1.5×)`],
      ['SQLite pages of the document tables', stored.tableBytes ? `${formatBytes(stored.tableBytes)} (${(stored.tableBytes / v2State).toFixed(2)}×)` : 'dbstat unavailable'],
      ['SQLite pages of the plan search index', stored.ftsBytes ? formatBytes(stored.ftsBytes) : 'dbstat unavailable'],
      ['database file', formatBytes(statSync(join(dir, DATABASE_FILE)).size)]
    ]
    const width = Math.max(...rows.map(([k]) => k.length))
    console.log(`\nPlan document benchmark — ${facts.cpu} (${facts.cores} cores), Node ${facts.node}, SQLite ${facts.sqlite}, load ${facts.loadStart}\n`)
    console.log(`| ${'measure'.padEnd(width)} | result |`)
    console.log(`| ${'-'.repeat(width)} | ------ |`)
    for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v} |`)
    if (!(globalThis as { gc?: unknown }).gc) console.log('\n(heap figures are rough: run with node --expose-gc)')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

void main().catch((error) => {
  console.error(error)
  process.exit(1)
})
