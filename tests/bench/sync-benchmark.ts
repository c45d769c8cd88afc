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
import { fingerprint } from '../../main/core/sync/doc-fingerprint'
import { startLinkStation, type LinkStation } from '../helpers/link-station'
import { startThrottleProxy } from '../helpers/throttle-proxy'
import { until } from '../helpers/until'
import { formatBytes } from './stats'
import { machineFacts } from './report'
import { WeekDelta } from './week-delta'

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
    const week = new WeekDelta(BASELINE, RECORDS)
    week.writeBaseline(a, Number(flags.docs))
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
    const delta = week.writeWeek(a)
    const gzipJson = gzipSync(delta.json).byteLength
    const rawJson = Buffer.byteLength(delta.json)

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
    const header = `Link: ${RATE / 1000} kbit/s each way, ${RTT_MS} ms RTT. Delta: ${RECORDS} new records, ${delta.corrections} corrections, ${delta.withdrawals} withdrawals over ${BASELINE} already shared.`
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
