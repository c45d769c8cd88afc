/**
 * Sync bundle benchmark (issue 14): the week offline of the sync benchmark (SYNC.md), carried on a stick instead
 * of the link. Bundle size against gzip of the raw JSON delta, export and import time, and peak memory above the
 * idle process while each runs, for the week and for a week four times larger (streaming: the peak should follow
 * the largest document, not the bundle). Prints a table; `--write` also updates tests/bench/BUNDLE.md.
 *   npm run bench -- bundle [--records 10000] [--baseline 5000] [--write]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { AuditLog } from '../../main/core/audit/audit-log'
import { BundleService } from '../../main/core/bundle/bundle-service'
import { CounterpartCertificates } from '../../main/core/identity/counterpart-certificates'
import { certificateDer, readStationIdentity } from '../../main/core/identity/station-identity'
import { startLinkStation, type LinkStation } from '../helpers/link-station'
import { machineFacts } from './report'
import { formatBytes } from './stats'
import { WeekDelta } from './week-delta'

const { values: flags } = parseArgs({
  options: {
    records: { type: 'string', default: '10000' },
    baseline: { type: 'string', default: '5000' },
    write: { type: 'boolean', default: false }
  }
})
const RECORDS = Number(flags.records)
const BASELINE = Number(flags.baseline)

interface Side {
  link: LinkStation
  bundles: BundleService
}

/** Memory now, also sampled from inside the export (its progress callback runs after every document). */
const used = () => {
  const m = process.memoryUsage()
  return m.heapUsed + m.external + m.arrayBuffers
}
let sample: () => void = () => undefined

function bundlesOn(link: LinkStation): BundleService {
  const identity = readStationIdentity(link.db)!
  return new BundleService({
    db: link.db,
    store: link.store,
    identity,
    stationName: 'bench',
    peers: link.peers,
    certificates: new CounterpartCertificates(link.db),
    engine: link.engine,
    scope: link.scope,
    audit: new AuditLog(link.db),
    log: () => undefined,
    progress: () => sample()
  })
}

/** Peak of heap + external + array buffers above what it was before, sampled every 2 ms while `fn` runs. */
async function peakMemory<T>(fn: () => Promise<T> | T): Promise<{ result: T; ms: number; peak: number }> {
  // Twice, with a pause: array buffers freed by one collection are released only after it, and would otherwise
  // be counted in the base and make the peak look negative.
  global.gc?.()
  await new Promise((resolve) => setTimeout(resolve, 100))
  global.gc?.()
  const base = used()
  let peak = 0
  sample = () => (peak = Math.max(peak, used() - base))
  const timer = setInterval(sample, 2)
  const start = performance.now()
  const result = await fn()
  const ms = performance.now() - start
  clearInterval(timer)
  peak = Math.max(peak, used() - base)
  return { result, ms, peak }
}

async function run(records: number, months: number, dir: string) {
  for (const side of ['a', 'b']) mkdirSync(join(dir, side))
  const stations = [await startLinkStation(join(dir, 'a'), 'Chiang Saen'), await startLinkStation(join(dir, 'b'), 'Ton Pheung')]
  const [a, b]: Side[] = stations.map((link) => ({ link, bundles: bundlesOn(link) }))
  try {
    a.link.peers.add({ stationId: b.link.id, address: '127.0.0.1:9' }, 'bench')
    b.link.peers.add({ stationId: a.link.id, address: '127.0.0.1:9' }, 'bench')
    // Introduced, as an earlier pair of bundles would have done.
    new CounterpartCertificates(a.link.db).learn(b.link.id, certificateDer(readStationIdentity(b.link.db)!), 'bundle')
    new CounterpartCertificates(b.link.db).learn(a.link.id, certificateDer(readStationIdentity(a.link.db)!), 'bundle')
    const week = new WeekDelta(BASELINE * (months / 11), records, months)
    week.writeBaseline(a.link, 100)
    // The baseline crosses once, and B's answer tells A what B holds: the week's bundle is then a delta.
    const first = await a.bundles.write({ to: b.link.id, path: join(dir, 'baseline.blobundle'), full: false }, 'bench')
    b.bundles.import(first.file, 'bench')
    const answer = await b.bundles.write({ to: a.link.id, path: join(dir, 'answer.blobundle'), full: false }, 'bench')
    a.bundles.import(answer.file, 'bench')

    const delta = week.writeWeek(a.link)
    const gzipJson = gzipSync(delta.json).byteLength
    const out = await peakMemory(() => a.bundles.write({ to: b.link.id, path: join(dir, 'week.blobundle'), full: false }, 'bench'))
    const look = await peakMemory(() => b.bundles.inspect(out.result.file))
    const into = await peakMemory(() => b.bundles.import(out.result.file, 'bench'))
    if (!into.result.imported) throw new Error('the week did not import')
    return { records, gzipJson, rawJson: Buffer.byteLength(delta.json), bundle: out.result, exportMs: out.ms, exportPeak: out.peak, inspectMs: look.ms, inspectPeak: look.peak, importMs: into.ms, importPeak: into.peak, delta }
  } finally {
    for (const s of stations) await s.stop()
  }
}

async function main() {
  const results = []
  // The second run has four times the documents, each the size of the first run's: the peak should stay put.
  for (const [records, months] of [
    [RECORDS, 11],
    [RECORDS * 4, 44]
  ]) {
    const dir = mkdtempSync(join(tmpdir(), 'blo-bundle-bench-'))
    try {
      results.push(await run(records, months, dir))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const [week, large] = results
  const rows = [
    ['Bundle size', `${formatBytes(week.bundle.bytes)} (${week.bundle.kind})`, ''],
    ['gzip of the raw JSON delta', `${formatBytes(week.gzipJson)} (raw ${formatBytes(week.rawJson)})`, ''],
    ['Bundle ÷ gzip JSON', `${(week.bundle.bytes / week.gzipJson).toFixed(2)}×`, '≤ 1.0×'],
    ['Export time', `${(week.exportMs / 1000).toFixed(2)} s`, ''],
    ['Import time (check, then apply in one transaction)', `${(week.importMs / 1000).toFixed(2)} s`, ''],
    ['Inspect time (read, decrypt, verify, count; nothing kept)', `${(week.inspectMs / 1000).toFixed(2)} s`, ''],
    ['Peak memory above idle: export / inspect / import', `${formatBytes(week.exportPeak)} / ${formatBytes(week.inspectPeak)} / ${formatBytes(week.importPeak)}`, ''],
    [
      `Four times the week in four times the documents (${large.records} records over 44 months): bundle; peak export / inspect / import`,
      `${formatBytes(large.bundle.bytes)}; ${formatBytes(large.exportPeak)} / ${formatBytes(large.inspectPeak)} / ${formatBytes(large.importPeak)}`,
      ''
    ],
    ['Growth of the peak ÷ growth of the bundle: export / inspect / import', [large.exportPeak / week.exportPeak, large.inspectPeak / week.inspectPeak, large.importPeak / week.importPeak].map((g) => (g / (large.bundle.bytes / week.bundle.bytes)).toFixed(2)).join(' / '), '< 1']
  ]
  const header = `Delta: ${RECORDS} new records, ${week.delta.corrections} corrections, ${week.delta.withdrawals} withdrawals over ${BASELINE} already shared (the sync benchmark's week), in eleven monthly documents.`
  const table = ['| Measure | Result | Goal |', '| --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')
  console.log(`${header}\n\n${table}`)
  if (flags.write) {
    writeFileSync(
      join(__dirname, 'BUNDLE.md'),
      `# Sync bundle benchmark\n\nRun \`npm run bench -- bundle --write\` (${new Date().toISOString().slice(0, 10)}, ${JSON.stringify(machineFacts())}).\n\n${header}\n\n${table}\n\nMemory is heap + external + array buffers above the idle process, sampled every 2 ms. A bundle is written and read one 64 KiB record at a time, and what is held at once is one document's update (the largest monthly document of the delta): inspect, which reads, decrypts, verifies and counts a bundle and keeps nothing, shows that part. Export and import also hold the Yjs documents themselves, which the station's document store keeps loaded once used (as a link session does). The second run carries four times the delta in four times as many documents of the same size: a peak that streams stays where it was (growth ÷ bundle growth well under 1), one that held the bundle would grow with it. Peaks include garbage not yet collected, so they vary from run to run by some megabytes.\n`
    )
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
