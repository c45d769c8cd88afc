/**
 * Partition and flapping: two complete stations, paired over real mutual TLS through throttling proxies, both
 * writing at a steady rate (cases shared, alerts, requests and replies, plan text, tasks and a screen's
 * replica edits) while a seeded schedule cuts the link hard or silently, flaps it, slows it and restores it.
 *
 * After each restore it measures how long until everything either side had stored before the restore is
 * stored on the other side too. At the end it heals the link, waits for identical documents (state vectors
 * and delete sets), and checks, as a Jepsen set test does, that every element either side added is present on
 * both, that the materialised views are identical, and that each station's views equal a rebuild.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Rng } from '../../../main/core/cases/seed-data/random'
import type { LinkConditions } from '../../helpers/throttle-proxy'
import {
  catchUpBytes,
  dataDirProblems,
  databaseFile,
  lacking,
  materialisedViews,
  storedStateVectors,
  storedUpdates,
  viewDifferences,
  type MaterialisedViews
} from '../lib/consistency'
import { LAO_OFFICE, openOffice, pair, THAI_OFFICE, type Office } from '../lib/offices'
import { awaitSameDocuments, sleep } from '../lib/waiting'
import { absence, memoised, PARTITION_MIX, Refused, Workload, type Element } from '../lib/workload'
import { BorderLink } from './border-link'
import Database from 'better-sqlite3'

/** Reconnects quickly enough for a run of minutes, and notices a silent link within seconds. */
const LINK = {
  backoffBaseMs: 250,
  backoffMaxMs: 4000,
  dialTimeoutMs: 8000,
  session: { livenessMs: 6000, pingEveryMs: 1500 }
}
/** Where the run ends: a poor but working link (256 kbit/s, 300 ms RTT). */
const HEALED: Required<LinkConditions> = { rateBitsPerSecond: 256_000, delayMs: 150 }

export interface PartitionOptions {
  seconds: number
  seed: string
  /** Mean time between two writes on each side. */
  writeEveryMs?: number
  workDir?: string
  progress?: (line: string) => void
}

export interface HealMeasure {
  /** Seconds into the run. */
  at: number
  ms: number
  /** Reconnect wait (at most the backoff ceiling) + 6 RTT of handshakes and listing + bytes at the link rate. */
  boundMs: number
  bytes: number
  link: Required<LinkConditions>
  /** The fault the link came back from (the last one, when several followed each other); none for the final heal. */
  after?: CutKind
  /** TCP connections the link carried from the restore until convergence (new dials; 0 if the sessions survived). */
  connections: number
  /** Final heal only: the Yjs diffs the two sides lacked of each other when it began (catchUpBytes, both ways). */
  lackedBytes?: number
  /** Final heal only: the documents either side held when it began. */
  documents?: number
}

type CutKind = 'hard' | 'silent' | 'flap'

export interface PartitionReport {
  seed: string
  seconds: number
  writes: { a: number; b: number }
  added: { a: number; b: number }
  faults: { hardCuts: number; silentCuts: number; flaps: number; slowdowns: number }
  /** Restores after which everything stored before them reached the other side while the link stayed up. */
  heals: HealMeasure[]
  /** Restores cut again before that happened (not failures: the link went down again). */
  interruptedHeals: number
  slowestHeal: HealMeasure | null
  finalHeal: HealMeasure | null
  /** Elements acknowledged on one side and missing on either: must be empty. */
  missing: string[]
  /** Must be 0: documents not identical after the final heal. */
  convergenceFailures: number
  problems: string[]
  elapsedMs: number
}

interface Side {
  name: 'a' | 'b'
  office: Office
  workload: Workload
  added: Element[]
  writes: number
}

const rttOf = (l: Required<LinkConditions>) => 2 * l.delayMs

function bound(bytes: number, link: Required<LinkConditions>): number {
  return LINK.backoffMaxMs + 6 * rttOf(link) + (bytes * 8 * 1000) / link.rateBitsPerSecond
}

/**
 * The most bytes the final heal may carry, a bound in counts rather than time: what the two sides lacked of each
 * other (and a tenth more for frame and chunk headers; compression mostly makes it less); for each session (the
 * one that survived, or one per new connection) a listing entry, a frame header and an ack per document, both
 * ways; for each new connection its TLS and WebSocket handshakes (about 4 KB with both certificates); and the
 * pings of an idle link (a ping and its answer each way per 1.5 s, about 90 B/s), allowed for the time the heal
 * took, so that a slow machine only widens the bound.
 */
export function healByteBound(heal: Required<Pick<HealMeasure, 'ms' | 'connections' | 'lackedBytes' | 'documents'>>): number {
  const sessions = heal.connections + 1
  return 1.1 * heal.lackedBytes + sessions * heal.documents * 512 + heal.connections * 8 * 1024 + (heal.ms / 1000 + 1) * 256 + 4 * 1024
}

function randomConditions(rng: Rng): Required<LinkConditions> {
  // The "normal" border link: 64–512 kbit/s, 300–800 ms RTT.
  return { rateBitsPerSecond: rng.pick([64_000, 128_000, 256_000, 512_000]), delayMs: rng.int(150, 400) }
}

async function keepWriting(side: Side, rng: Rng, everyMs: number, running: () => boolean, problems: string[]): Promise<void> {
  while (running()) {
    const started = performance.now()
    try {
      const { added } = await side.workload.step()
      side.added.push(...added)
      side.writes++
    } catch (error) {
      problems.push(`${side.name}: ${error instanceof Refused ? 'refused' : 'failed'}: ${(error as Error).message}`)
    }
    await sleep(Math.max(0, everyMs * (0.5 + rng.next()) - (performance.now() - started)))
  }
}

/** The exchange views and plan rows both stations must agree on (a plan's last-edit time and source are each station's own). */
function sharedViews(dir: string): MaterialisedViews {
  const db = new Database(databaseFile(dir), { readonly: true, fileMustExist: true })
  try {
    const views = materialisedViews(db)
    return { ...views, plans: views.plans.map(({ updated_at: _at, updated_from: _from, ...row }) => row) }
  } finally {
    db.close()
  }
}

export async function runPartition(options: PartitionOptions): Promise<PartitionReport> {
  const started = performance.now()
  const progress = options.progress ?? (() => undefined)
  const rng = new Rng(`partition:${options.seed}`)
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), 'blo-partition-'))
  const ownWorkDir = !options.workDir
  const report: PartitionReport = {
    seed: options.seed,
    seconds: options.seconds,
    writes: { a: 0, b: 0 },
    added: { a: 0, b: 0 },
    faults: { hardCuts: 0, silentCuts: 0, flaps: 0, slowdowns: 0 },
    heals: [],
    interruptedHeals: 0,
    slowestHeal: null,
    finalHeal: null,
    missing: [],
    convergenceFailures: 0,
    problems: [],
    elapsedMs: 0
  }
  const offices: Office[] = []
  let link: BorderLink | null = null
  try {
    const th = await openOffice(join(workDir, 'chiang-khong'), THAI_OFFICE, LINK)
    offices.push(th)
    const la = await openOffice(join(workDir, 'houayxay'), LAO_OFFICE, LINK)
    offices.push(la)
    const conditions = randomConditions(rng)
    link = await BorderLink.start([th.port, la.port], conditions)
    await pair(th, la, { aDialsB: `127.0.0.1:${link.port(1)}`, bDialsA: `127.0.0.1:${link.port(0)}` })
    const sides: Side[] = [th, la].map((office, i) => ({
      name: i ? 'b' : 'a',
      office,
      workload: new Workload(office.call, new Rng(`${options.seed}:${i}`), { mix: PARTITION_MIX, tag: i ? 'LA' : 'TH', maxPlans: 3 }),
      added: [],
      writes: 0
    }))
    for (const side of sides) await side.workload.init()

    const deadline = performance.now() + options.seconds * 1000
    const running = () => performance.now() < deadline
    const writers = sides.map((side, i) => keepWriting(side, new Rng(`${options.seed}:pace:${i}`), options.writeEveryMs ?? 300, running, report.problems))
    const dirs = sides.map((s) => s.office.dir)
    const at = () => Math.round((performance.now() - started) / 100) / 10

    /** Link up for ms; after a cut, measures how long until both sides hold what the other had stored at the restore. */
    const holdUp = async (ms: number, after: CutKind | null) => {
      const end = Math.min(deadline, performance.now() + ms)
      if (!after) return sleep(Math.max(0, end - performance.now()))
      const t0 = performance.now()
      const bytes0 = link!.bytes()
      const connections0 = link!.connections()
      const wanted = dirs.map((d) => storedStateVectors(d))
      while (performance.now() < end) {
        await sleep(250)
        const held = dirs.map((d) => storedStateVectors(d))
        if (lacking(held[1], wanted[0]).length === 0 && lacking(held[0], wanted[1]).length === 0) {
          const bytes = link!.bytes() - bytes0
          const state = link!.state
          const connections = link!.connections() - connections0
          const heal = { at: at(), ms: Math.round(performance.now() - t0), bytes, boundMs: Math.round(bound(bytes, state)), link: state, after, connections }
          report.heals.push(heal)
          if (!report.slowestHeal || heal.ms > report.slowestHeal.ms) report.slowestHeal = heal
          return sleep(Math.max(0, end - performance.now()))
        }
      }
      report.interruptedHeals++
    }

    let cutBy: CutKind | null = null
    while (running()) {
      const phase = rng.weighted([
        ['up', 4],
        ['hard', 2],
        ['silent', 2],
        ['flap', 1],
        ['slow', 1]
      ] as const)
      if (phase === 'up' || phase === 'slow') {
        const next = phase === 'slow' ? { rateBitsPerSecond: 64_000, delayMs: 400 } : randomConditions(rng)
        if (phase === 'slow') report.faults.slowdowns++
        link.set(next)
        link.restore()
        await holdUp(rng.int(3000, 12_000), cutBy)
        cutBy = null
      } else if (phase === 'flap') {
        report.faults.flaps++
        for (let i = rng.int(4, 12); i > 0 && running(); i--) {
          link.cut(rng.chance(0.5))
          await sleep(rng.int(100, 700))
          link.restore()
          await sleep(rng.int(100, 700))
        }
        cutBy = 'flap'
      } else {
        const silent = phase === 'silent'
        if (silent) report.faults.silentCuts++
        else report.faults.hardCuts++
        link.cut(silent)
        await sleep(rng.int(500, silent ? 10_000 : 6000))
        cutBy = phase
      }
      progress(
        `${at()} s: ${phase}; writes ${sides[0].writes}/${sides[1].writes}; heals ${report.heals.length} (slowest ${report.slowestHeal?.ms ?? '-'} ms), ` +
          `interrupted ${report.interruptedHeals}; problems ${report.problems.length}`
      )
    }
    await Promise.all(writers)
    for (const side of sides) {
      report.writes[side.name] = side.writes
      report.added[side.name] = side.added.length
    }

    // Heal for good and wait for identical documents.
    const [updatesA, updatesB] = dirs.map((d) => storedUpdates(d))
    const lackedBytes = catchUpBytes(updatesA, updatesB) + catchUpBytes(updatesB, updatesA)
    const documents = new Set([...updatesA.keys(), ...updatesB.keys()]).size
    const bytes0 = link.bytes()
    const connections0 = link.connections()
    link.set(HEALED)
    link.restore()
    const { differences, ms } = await awaitSameDocuments(dirs[0], dirs[1], 180_000, 200)
    const bytes = link.bytes() - bytes0
    const connections = link.connections() - connections0
    report.finalHeal = { at: at(), ms: Math.round(ms), bytes, boundMs: Math.round(bound(bytes, HEALED)), link: HEALED, connections, lackedBytes, documents }
    if (differences.length) {
      report.convergenceFailures = differences.length
      report.problems.push(...differences.map((d) => `not converged ${Math.round(ms / 1000)} s after the final heal: ${d}`))
    }

    // Jepsen set: every element either side added, on both sides (cases themselves stay home).
    const readers = new Map([th, la].map((o) => [o, memoised(o.call)]))
    for (const side of sides) {
      for (const element of side.added) {
        for (const office of element.kind === 'case' ? [side.office] : [th, la]) {
          const why = await absence(readers.get(office)!, element)
          if (why) report.missing.push(`${side.name}'s element on ${office === th ? 'a' : 'b'}: ${why}`)
        }
      }
    }
    report.problems.push(...viewDifferences('station a vs station b', sharedViews(dirs[0]), sharedViews(dirs[1])))
    for (const office of offices.splice(0)) {
      report.problems.push(...office.logs.map((m) => `${office.dir} logged: ${m}`))
      await office.close()
    }
    for (const dir of dirs) report.problems.push(...dataDirProblems(dir).map((p) => `${dir}: ${p}`))
    for (const side of sides) side.workload.close()
  } finally {
    await Promise.all(offices.map((o) => o.close()))
    await link?.close()
    if (ownWorkDir) rmSync(workDir, { recursive: true, force: true })
  }
  report.elapsedMs = Math.round(performance.now() - started)
  return report
}
