/**
 * Cross-border link benchmark (issue 3): catch-up after a week offline over a slow, high-latency link,
 * an idle reconnect, and the longest single message. Two stations with real mutual TLS on loopback,
 * through the throttling proxy. Prints a table; `--write` also updates tests/bench/SYNC.md.
 *   npm run bench -- sync [--records 10000] [--kbit 128] [--rtt 600] [--write]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { generateCases } from '../../main/core/cases/seed'
import { fingerprint } from '../../main/core/sync/doc-fingerprint'
import { startLinkStation, type LinkStation } from '../helpers/link-station'
import { startThrottleProxy } from '../helpers/throttle-proxy'
import { until } from '../helpers/until'
import { formatBytes } from './stats'
import { machineFacts } from './report'

const { values: flags } = parseArgs({
  options: {
    records: { type: 'string', default: '10000' },
    baseline: { type: 'string', default: '5000' },
    kbit: { type: 'string', default: '128' },
    rtt: { type: 'string', default: '600' },
    docs: { type: 'string', default: '100' },
    write: { type: 'boolean', default: false }
  }
})
const RECORDS = Number(flags.records)
const BASELINE = Number(flags.baseline)
const RATE = Number(flags.kbit) * 1000
const RTT_MS = Number(flags.rtt)

const identical = (a: LinkStation, b: LinkStation) =>
  a.store.list().every((d) => {
    if (!b.store.info(d.name)) return false
    const fa = fingerprint(a.store.get(d.name))
    const fb = fingerprint(b.store.get(d.name))
    return Buffer.from(fa.stateVector).equals(Buffer.from(fb.stateVector)) && Buffer.from(fa.deleteHash).equals(Buffer.from(fb.deleteHash))
  })

/** A shared record as the exchange feature stores it: the picked fields of a case, plus sharing metadata. */
function sharedRecord(c: ReturnType<typeof generateCases> extends Generator<infer T> ? T : never, i: number) {
  return {
    recordId: `rec-${i}`,
    caseRef: `TH-2026-${String(i).padStart(6, '0')}`,
    sharedAt: '2026-11-20T08:00:00.000Z',
    sharedBy: c.officer,
    updatedAt: '2026-11-20T08:00:00.000Z',
    fields: ['core', 'summary', 'items', 'conveyances', 'persons.basic'],
    case: {
      occurredAt: c.occurredAt,
      category: c.category,
      location: c.location,
      agency: c.agency,
      summary: c.summary,
      items: c.items,
      conveyances: c.conveyances,
      persons: c.persons.map((p) => ({ role: p.role, nationality: p.nationality, sex: p.sex, age: p.age }))
    },
    withdrawn: null
  }
}

function writeRecords(s: LinkStation, entries: [string, unknown][], month: (i: number) => string) {
  for (let start = 0; start < entries.length; start += 500) {
    s.store.write(() => {
      entries.slice(start, start + 500).forEach(([key, value], j) => {
        const name = `records/${s.id}/${month(start + j)}`
        s.store.ensure({ name, kind: 'records', owner: s.id })
        s.store.get(name).getMap('records').set(key, value)
      })
    })
  }
}

async function main() {
  const dirs = [mkdtempSync(join(tmpdir(), 'blo-sync-a-')), mkdtempSync(join(tmpdir(), 'blo-sync-b-'))]
  const session = { livenessMs: 120_000 }
  const a = await startLinkStation(dirs[0], 'Chiang Khong', { session })
  const b = await startLinkStation(dirs[1], 'Houayxay', { session })
  const proxy = await startThrottleProxy({ target: { host: '127.0.0.1', port: a.port } })
  try {
    // B dials A through the proxy; A's entry for B points nowhere, so every byte crosses the proxy.
    a.peers.add({ stationId: b.id, address: '127.0.0.1:9' }, 'bench')
    b.peers.add({ stationId: a.id, address: `127.0.0.1:${proxy.port}` }, 'bench')

    // Baseline: what both sides already hold before the week offline.
    const cases = [...generateCases(BASELINE + RECORDS, 'sync-bench')]
    const month = (i: number) => `2026-${String(1 + (i % 11)).padStart(2, '0')}`
    writeRecords(a, cases.slice(0, BASELINE).map((c, i) => [`rec-${i}`, sharedRecord(c, i)]), month)
    for (let i = 0; i < Number(flags.docs); i++) {
      const name = `messages/${a.id}/${2000 + Math.floor(i / 12)}-${String(1 + (i % 12)).padStart(2, '0')}`
      a.store.ensure({ name, kind: 'messages', owner: a.id })
      a.store.write(() => a.store.get(name).getMap('messages').set(`m${i}`, { kind: 'alert', text: `archived alert ${i}` }))
    }
    a.engine.refresh()
    b.engine.refresh()
    await until(() => identical(a, b), 'baseline sync', { timeoutMs: 120_000, everyMs: 20 })
    const docCount = a.store.list().length

    // Idle reconnect: nothing changed on either side.
    proxy.cut()
    await until(() => b.engine.status()[0]?.state !== 'connected', 'drop noticed', { timeoutMs: 60_000, everyMs: 20 })
    proxy.setLink({ rateBitsPerSecond: RATE, delayMs: RTT_MS / 2 })
    proxy.resetStats()
    const idleStart = Date.now()
    const syncedBefore = b.engine.status()[0]?.lastCompleteSync
    proxy.restore()
    await until(() => {
      const st = b.engine.status()[0]
      return st?.state === 'connected' && st.lastCompleteSync !== syncedBefore
    }, 'idle reconnect', { timeoutMs: 120_000, everyMs: 20 })
    await new Promise((r) => setTimeout(r, RTT_MS * 2)) // let the last frames land
    const idle = proxy.stats()
    const idleMs = Date.now() - idleStart

    // A week offline: new records, corrections and withdrawals on A.
    proxy.cut()
    await until(() => b.engine.status()[0]?.state !== 'connected', 'drop noticed', { timeoutMs: 60_000, everyMs: 20 })
    const delta: unknown[] = []
    const added: [string, unknown][] = cases.slice(BASELINE).map((c, j) => {
      const value = sharedRecord(c, BASELINE + j)
      delta.push(value)
      return [`rec-${BASELINE + j}`, value]
    })
    const corrected: [string, unknown][] = cases.slice(0, Math.floor(RECORDS / 10)).map((c, i) => {
      const value = { ...sharedRecord(c, i), summary: `${c.summary} (corrected)`, updatedAt: '2026-11-25T10:00:00.000Z' }
      delta.push(value)
      return [`rec-${i}`, value]
    })
    const withdrawn: [string, unknown][] = Array.from({ length: Math.floor(RECORDS / 20) }, (_, k) => {
      const i = Math.floor(RECORDS / 10) + k
      const value = { recordId: `rec-${i}`, caseRef: `TH-2026-${String(i).padStart(6, '0')}`, withdrawn: { at: '2026-11-26T10:00:00.000Z', by: 'supervisor', reason: 'entered in error' } }
      delta.push(value)
      return [`rec-${i}`, value]
    })
    writeRecords(a, added, (i) => month(BASELINE + i))
    writeRecords(a, corrected, month)
    writeRecords(a, withdrawn, (i) => month(Math.floor(RECORDS / 10) + i))
    const gzipJson = gzipSync(JSON.stringify(delta)).byteLength
    const rawJson = Buffer.byteLength(JSON.stringify(delta))

    proxy.resetStats()
    const start = Date.now()
    proxy.restore()
    await until(() => identical(a, b), 'catch-up', { timeoutMs: 30 * 60_000, everyMs: 20 })
    const catchUpMs = Date.now() - start
    const wire = proxy.stats()
    const largest = a.engine.sessionStatus(b.id)?.largestFrameSent ?? 0
    const bytesPerSecond = RATE / 8
    const bound = (Math.max(wire.bytesDown, wire.bytesUp) / bytesPerSecond) * 1000 + 4 * RTT_MS

    const rows = [
      ['Catch-up bytes on the wire (both directions)', formatBytes(wire.bytesUp + wire.bytesDown), ''],
      ['gzip of the raw JSON delta', `${formatBytes(gzipJson)} (raw ${formatBytes(rawJson)})`, ''],
      ['Wire ÷ gzip JSON', ((wire.bytesUp + wire.bytesDown) / gzipJson).toFixed(2) + '×', '≤ 1.25×'],
      ['Catch-up wall time', `${(catchUpMs / 1000).toFixed(1)} s`, ''],
      ['Link bound (bytes/rate + 4 RTT)', `${(bound / 1000).toFixed(1)} s`, ''],
      ['Wall ÷ link bound', (catchUpMs / bound).toFixed(2) + '×', '≤ 1.2×'],
      [`Idle reconnect, ${docCount} unchanged documents`, `${formatBytes(idle.bytesUp + idle.bytesDown)} in ${(idleMs / 1000).toFixed(1)} s`, '≤ 2 KB'],
      ['Largest single message', `${formatBytes(largest)} = ${(largest / bytesPerSecond).toFixed(1)} s of link time`, '≤ 10 s']
    ]
    const header = `Link: ${RATE / 1000} kbit/s each way, ${RTT_MS} ms RTT. Delta: ${RECORDS} new records, ${corrected.length} corrections, ${withdrawn.length} withdrawals over ${BASELINE} already shared.`
    const table = ['| Measure | Result | Goal |', '| --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')
    console.log(`${header}\n\n${table}`)
    if (flags.write) {
      const facts = machineFacts()
      writeFileSync(
        join(__dirname, 'SYNC.md'),
        `# Cross-border link benchmark\n\nRun \`npm run bench -- sync --write\` (${new Date().toISOString().slice(0, 10)}, ${JSON.stringify(facts)}).\n\n${header}\n\n${table}\n`
      )
    }
  } finally {
    await proxy.close()
    await a.stop()
    await b.stop()
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
