/**
 * Fuzzing the station's boundaries, against one station host process run from source:
 *   1. sync frames from a paired peer over the real mutual-TLS link (frame-corpus.ts, sync-fuzz.ts);
 *   2. hostile calls on the host's WebSocket API (api-fuzz.ts);
 *   3. malformed import files through the blo CLI (import-fuzz.ts).
 * Then: the host is still up and stops cleanly, nothing the peer sent changed a document it does not own,
 * every refusal is in the link log or the station log with its reason, and the data folder passes every
 * consistency check (documents load, views equal a rebuild, SQLite and the audit trail sound).
 */
import Database from 'better-sqlite3'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Rng } from '../../../main/core/cases/seed-data/random'
import { connectToHost, type HostConnection } from '../../../main/cli/host-client'
import { openStation, systemConnection } from '../../../main/core/station'
import type { MethodInput, MethodName, MethodOutput } from '../../../preload/api'
import { dataDirProblems, databaseFile, storedDocuments } from '../lib/consistency'
import { LAO_OFFICE } from '../lib/offices'
import { sleep } from '../lib/waiting'
import { startSourceHost } from '../lib/source-programs'
import { Workload, type Mix } from '../lib/workload'
import { fuzzApi, type ApiFuzzResult } from './api-fuzz'
import { FrameCorpus, type StoredUpdate } from './frame-corpus'
import { fuzzImports, type ImportFuzzResult } from './import-fuzz'
import { fuzzSync, type SyncFuzzResult } from './sync-fuzz'

export interface FuzzOptions {
  frames: number
  seed: string
  /** Hostile API calls (default: one per 20 frames, at least 300). */
  calls?: number
  /** Size of the largest import file, in MB (default 8). */
  hugeImportMb?: number
  workDir?: string
  progress?: (line: string) => void
}

export interface FuzzReport {
  seed: string
  sync: SyncFuzzResult
  /** What the station logged on the link while being fuzzed: every refusal with its reason. */
  linkLog: { events: number; byKind: Record<string, number>; examples: Record<string, string> }
  /** Records the peer sent that were valid, received and searchable amid the garbage. */
  receivedRecords: number
  api: ApiFuzzResult
  imports: ImportFuzzResult
  /** How long the host took to answer `station.info` on a new connection after each part (sync, API, imports). */
  responseMs: number[]
  /** A screen's calls (the received list, every 250 ms) while the peer floods the link: none may wait long. */
  /** A screen's calls while the peer fuzzes the link: how many, the slowest, and any the station failed. */
  apiDuringSync: { calls: number; slowestMs: number; failures: string[] }
  /** Station host processes that died: must be 0. */
  crashes: number
  problems: string[]
  elapsedMs: number
}

const OFFICER = { username: 'fuzz.officer', password: 'Fuzz-officer-1', role: 'officer', displayName: 'Sgt. Fuzz', agency: 'police', language: 'th' } as const
const PEER_WORK: Mix = { share: 4, withdraw: 1, alert: 2, request: 1, 'plan.create': 1, 'plan.task': 2, 'plan.text': 2, 'plan.replica': 2 }

async function must<M extends MethodName>(host: HostConnection, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const reply = await host.call(method, input)
  if (!reply.ok) throw new Error(`${method}: ${reply.error.code}: ${reply.error.message}`)
  return reply.value as MethodOutput<M>
}

/** The peer's identity and the document updates its officers made: the raw material of the frames. */
async function peerMaterial(dir: string, target: string, rng: Rng) {
  const station = openStation({ dataDir: dir, init: LAO_OFFICE, log: () => undefined })
  const connection = systemConnection('fuzz-peer')
  const workload = new Workload((method, input) => station.dispatch(method, input, connection), rng, { mix: PEER_WORK, tag: 'FZ', counterpart: target })
  await workload.init()
  for (let i = 0; i < 40; i++) await workload.step()
  workload.close()
  await station.close()
  const db = new Database(databaseFile(dir), { readonly: true })
  try {
    const identity = db.prepare('SELECT station_id AS stationId, key_pem AS keyPem, cert_pem AS certPem FROM station_identity').get() as {
      stationId: string
      keyPem: string
      certPem: string
    }
    const updates = (db.prepare('SELECT doc, data FROM doc_snapshots UNION ALL SELECT doc, data FROM doc_updates').all() as { doc: string; data: Buffer }[]).map(
      (r): StoredUpdate => ({ doc: r.doc, data: new Uint8Array(r.data) })
    )
    return { identity, updates }
  } finally {
    db.close()
  }
}

/** A screen's list of received records, asked again and again until stopped: how long the slowest answer took. */
function probeApi(host: HostConnection): { stop(): Promise<FuzzReport['apiDuringSync']> } {
  const result = { calls: 0, slowestMs: 0, failures: [] as string[] }
  let stopped = false
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now()
      // A failure is a finding, kept with the rest (and the station log) rather than thrown from a loop nobody awaits yet.
      const reply = await host.call('exchange.list', { box: 'received', limit: 20 })
      if (!reply.ok) result.failures.push(`${reply.error.code}: ${reply.error.message}`)
      result.calls++
      result.slowestMs = Math.max(result.slowestMs, Math.round(performance.now() - started))
      await sleep(250)
    }
  })()
  return {
    stop: async () => {
      stopped = true
      await loop
      return result
    }
  }
}

/** A local tool's round trip: connect, station.info, close. */
async function responseTime(host: { origin: string; token: string }): Promise<number> {
  const started = performance.now()
  const connection = await connectToHost({ url: host.origin, token: host.token })
  try {
    await must(connection, 'station.info', {})
  } finally {
    connection.close()
  }
  return Math.round(performance.now() - started)
}

function linkLog(dir: string): FuzzReport['linkLog'] {
  const db = new Database(databaseFile(dir), { readonly: true })
  try {
    const events = (db.prepare('SELECT coalesce(max(id), 0) FROM link_log').pluck().get() as number) ?? 0
    const byKind: Record<string, number> = {}
    const examples: Record<string, string> = {}
    for (const row of db.prepare('SELECT kind, count(*) AS n, max(detail) AS detail FROM link_log GROUP BY kind').all() as { kind: string; n: number; detail: string }[]) {
      byKind[row.kind] = row.n
      examples[row.kind] = row.detail.slice(0, 200)
    }
    return { events, byKind, examples }
  } finally {
    db.close()
  }
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now()
  const progress = options.progress ?? (() => undefined)
  const rng = new Rng(`fuzz:${options.seed}`)
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), 'blo-fuzz-'))
  const ownWorkDir = !options.workDir
  mkdirSync(workDir, { recursive: true })
  const targetDir = join(workDir, 'station')
  const problems: string[] = []
  const host = await startSourceHost(targetDir)
  let crashes = 0
  try {
    const local = await connectToHost({ url: host.origin, token: host.token })
    let fixtures: { caseId: string; planId: string; planUpdate: string }
    let targetId: string
    let peer: Awaited<ReturnType<typeof peerMaterial>>
    try {
      await must(local, 'users.create', OFFICER)
      const c = await must(local, 'cases.create', {
        occurredAt: '2026-11-20T08:30:00+07:00',
        category: 'narcotics',
        location: 'Friendship Bridge 4',
        summary: 'ยาบ้าในรถกระบะ'
      })
      targetId = (await must(local, 'link.station', {})).stationId
      peer = await peerMaterial(join(workDir, 'peer'), targetId, new Rng(`fuzz-peer:${options.seed}`))
      // The station dials the peer too; nobody answers there, which it shrugs off with its backoff.
      await must(local, 'counterparts.add', { stationId: peer.identity.stationId, address: '127.0.0.1:9', name: 'Fuzzing peer' })
      await must(local, 'exchange.share', { caseId: c.id })
      await must(local, 'exchange.sendAlert', { subject: 'vehicle', text: 'รถกระบะสีขาว', plate: '1กข 1234' })
      const plan = await must(local, 'plans.create', { title: 'ปฏิบัติการร่วม', notes: 'ลาดตระเวน' })
      fixtures = { caseId: c.id, planId: plan.id, planUpdate: (await must(local, 'plans.open', { id: plan.id })).state }
    } finally {
      local.close()
    }

    const own = (docs: ReturnType<typeof storedDocuments>) =>
      JSON.stringify([...docs].filter(([, d]) => d.owner === targetId).map(([name, d]) => [name, d.stateVector, d.deleteHash, d.content]))
    const before = own(storedDocuments(targetDir))
    progress(`sync fuzz: ${options.frames} frames from a paired peer`)
    const screen = await connectToHost({ url: host.origin, token: host.token })
    const probe = probeApi(screen)
    const sync = await fuzzSync({
      address: host.ready.sync!,
      targetId,
      identity: peer.identity,
      corpus: new FrameCorpus(rng, peer.identity.stationId, targetId, peer.updates),
      frames: options.frames,
      rng,
      progress
    })
    const apiDuringSync = await probe.stop().finally(() => screen.close())
    problems.push(...sync.problems.map((p) => `sync fuzz: ${p}`))
    problems.push(...apiDuringSync.failures.map((f) => `a screen's exchange.list during the sync fuzz failed: ${f}`))
    const responseMs = [await responseTime(host)]
    if (own(storedDocuments(targetDir)) !== before) problems.push("a fuzzed frame changed one of the station's own documents")

    const check = await connectToHost({ url: host.origin, token: host.token })
    let receivedRecords = 0
    try {
      receivedRecords = (await must(check, 'exchange.list', { box: 'received', limit: 1 })).total
    } finally {
      check.close()
    }

    progress('API fuzz')
    const api = await fuzzApi({
      origin: host.origin,
      token: host.token,
      calls: options.calls ?? Math.max(300, Math.round(options.frames / 20)),
      rng,
      fixtures,
      officer: { username: OFFICER.username, password: OFFICER.password }
    })
    problems.push(...api.problems.map((p) => `API fuzz: ${p}`))
    responseMs.push(await responseTime(host))

    progress('import fuzz')
    const imports = await fuzzImports({ dataDir: targetDir, workDir, rng, hugeMb: options.hugeImportMb ?? 8 })
    problems.push(...imports.problems.map((p) => `import fuzz: ${p}`))
    responseMs.push(await responseTime(host))

    const log = linkLog(targetDir)
    if (!host.alive()) {
      crashes++
      problems.push(`the station host died: ${host.stderr().slice(-2000)}`)
    } else {
      const code = await host.stop()
      if (code !== 0) problems.push(`the station host stopped with ${code}`)
    }
    // The dispatcher logs "<method> failed" for anything that escaped as an internal error.
    for (const line of host.stderr().split('\n')) if (/ failed\b|uncaught|unhandled/i.test(line)) problems.push(`station log: ${line.slice(0, 500)}`)
    problems.push(...dataDirProblems(targetDir).map((p) => `data folder after fuzzing: ${p}`))
    if (problems.length) problems.push(`station log (last lines): ${host.stderr().trim().split('\n').slice(-15).join(' | ')}`)
    return { seed: options.seed, sync, apiDuringSync, linkLog: log, receivedRecords, api, imports, responseMs, crashes, problems, elapsedMs: Math.round(performance.now() - started) }
  } finally {
    if (host.alive()) await host.stop()
    if (ownWorkDir) rmSync(workDir, { recursive: true, force: true })
  }
}
