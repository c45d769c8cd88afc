/**
 * The crash loop: a child station writes (crash-driver.ts) and is killed with SIGKILL at an advancing point —
 * after so many acknowledged writes, so many milliseconds after it is ready, or while it opens its database.
 * After each kill the data folder is checked: SQLite sound, every derived table consistent, the views equal to
 * those rebuilt from the stored Yjs updates, every acknowledged write still there; and every so often the
 * station starts its link and syncs with a counterpart, which must end up with the same documents.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Rng } from '../../../main/core/cases/seed-data/random'
import { openStation, systemConnection } from '../../../main/core/station'
import { databaseFile, dataDirProblems } from '../lib/consistency'
import { LAO_OFFICE, openOffice, pair, THAI_OFFICE } from '../lib/offices'
import { awaitSameDocuments } from '../lib/waiting'
import { absence, memoised, type Element } from '../lib/workload'

const ROOT = resolve(__dirname, '../../..')
const DRIVER = join(__dirname, 'crash-driver.ts')
const LINK = { backoffBaseMs: 50, backoffMaxMs: 500 }

export interface CrashLoopOptions {
  kills: number
  seed: string
  /** A new data folder (and counterpart) after this many kills, so that the checks stay quick. */
  generation?: number
  /** Start the link and sync with the counterpart after every so many kills (and at the end of each generation). */
  syncEvery?: number
  /** Where the data folders go; a temporary folder, removed afterwards, by default. */
  workDir?: string
  progress?: (line: string) => void
}

type KillPlan = { mode: 'count'; after: number } | { mode: 'time'; ms: number } | { mode: 'startup'; ms: number }

export interface CrashReport {
  seed: string
  kills: number
  killsBy: Record<KillPlan['mode'], number>
  /** Runs that ended on their own before the kill came (the kill point lay beyond the run). */
  unkilled: number
  acknowledged: number
  /** Acknowledged writes missing or changed after a kill: must be empty. */
  lost: string[]
  /** Any other failed check (SQLite, derived tables, views, audit trail, sync, the child itself): must be empty. */
  problems: string[]
  syncChecks: number
  slowestSyncMs: number
  slowestCheckMs: number
  elapsedMs: number
}

interface ChildRun {
  acks: Element[]
  killed: boolean
  ready: boolean
  exitCode: number | null
  stderr: string
  refused: string | null
}

function killPlan(kill: number, generation: number, rng: Rng): KillPlan {
  // The points advance through each range, with seeded jitter so that two runs with other seeds differ.
  // A new folder's first run is killed while it creates the database, migrates it and makes the station key.
  if (kill % generation === 0) return { mode: 'startup', ms: rng.int(0, 400) }
  if (kill % 7 === 6) return { mode: 'startup', ms: (kill * 3 + rng.int(0, 5)) % 40 }
  if (kill % 2 === 0) return { mode: 'count', after: 1 + ((kill * 7 + rng.int(0, 6)) % 60) }
  return { mode: 'time', ms: (kill * 37 + rng.int(0, 30)) % 700 }
}

function runChild(dir: string, counterpart: string, seed: string, run: number, plan: KillPlan): Promise<ChildRun> {
  const args = ['--import', 'tsx', DRIVER, '--data', dir, '--counterpart', counterpart, '--seed', seed, '--run', String(run)]
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const result: ChildRun = { acks: [], killed: false, ready: false, exitCode: null, stderr: '', refused: null }
  let pending = ''
  const kill = () => {
    if (result.killed || child.exitCode !== null || child.signalCode !== null) return
    result.killed = true
    child.kill('SIGKILL')
  }
  const hung = setTimeout(kill, 120_000)
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (result.stderr = (result.stderr + chunk).slice(-20_000)))
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
      const line = pending.slice(0, end)
      pending = pending.slice(end + 1)
      const message = JSON.parse(line) as { opening?: true; ready?: true; ack?: Element; refused?: string }
      if (message.ack) {
        result.acks.push(message.ack)
        if (plan.mode === 'count' && result.acks.length >= plan.after) kill()
      } else if (message.ready) {
        result.ready = true
        if (plan.mode === 'time') setTimeout(kill, plan.ms)
      } else if (message.opening && plan.mode === 'startup') {
        setTimeout(kill, plan.ms)
      } else if (message.refused) {
        result.refused = message.refused
      }
    }
  })
  return new Promise((resolveRun) => {
    child.once('close', (code) => {
      clearTimeout(hung)
      result.exitCode = code
      resolveRun(result)
    })
  })
}

/** Every acknowledged write, looked up through the API of the station reopened on the folder. */
async function lostWrites(dir: string, acks: Element[]): Promise<string[]> {
  const logs: string[] = []
  const station = openStation({ dataDir: dir, log: (message) => logs.push(message) })
  try {
    const connection = systemConnection('crash-check')
    const call = memoised((method, input) => station.dispatch(method, input, connection))
    const lost: string[] = []
    for (const ack of acks) {
      const why = await absence(call, ack)
      if (why) lost.push(why)
    }
    return [...lost, ...logs.map((m) => `station log on reopening: ${m}`)]
  } finally {
    await station.close()
  }
}

/** The folder's station starts its link and syncs with its counterpart, which then holds every shared element. */
async function syncCheck(dir: string, peerDir: string, acks: Element[]): Promise<{ ms: number; problems: string[] }> {
  const station = await openOffice(dir, THAI_OFFICE, LINK)
  const peer = await openOffice(peerDir, LAO_OFFICE, LINK).catch(async (error: unknown) => {
    await station.close()
    throw error
  })
  try {
    await pair(station, peer, { aDialsB: `127.0.0.1:${peer.port}`, bDialsA: `127.0.0.1:${station.port}` })
    const { differences, ms } = await awaitSameDocuments(dir, peerDir, 60_000)
    const problems = differences.map((d) => `after sync: ${d}`)
    if (differences.length === 0) {
      const call = memoised(peer.call)
      for (const ack of acks) {
        if (ack.kind === 'case') continue // cases stay home; only what was shared crosses
        const why = await absence(call, ack)
        if (why) problems.push(`not on the counterpart after sync: ${why}`)
      }
    }
    problems.push(...[...station.logs, ...peer.logs].map((m) => `station log during sync: ${m}`))
    return { ms, problems }
  } finally {
    await Promise.all([station.close(), peer.close()])
  }
}

export async function runCrashLoop(options: CrashLoopOptions): Promise<CrashReport> {
  const started = performance.now()
  const generation = options.generation ?? 100
  const syncEvery = options.syncEvery ?? 25
  const progress = options.progress ?? (() => undefined)
  const ownWorkDir = !options.workDir
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), 'blo-crash-'))
  mkdirSync(workDir, { recursive: true })
  const rng = new Rng(`crash-schedule:${options.seed}`)
  const report: CrashReport = {
    seed: options.seed,
    kills: 0,
    killsBy: { count: 0, time: 0, startup: 0 },
    unkilled: 0,
    acknowledged: 0,
    lost: [],
    problems: [],
    syncChecks: 0,
    slowestSyncMs: 0,
    slowestCheckMs: 0,
    elapsedMs: 0
  }
  let dir = ''
  let peerDir = ''
  let peerId = ''
  let acks: Element[] = []
  try {
    for (let run = 0; run < options.kills; run++) {
      if (run % generation === 0) {
        dir = join(workDir, `station-${run}`)
        peerDir = join(workDir, `counterpart-${run}`)
        // The counterpart exists from the start: what the station shares is addressed to it.
        const peer = await openOffice(peerDir, LAO_OFFICE, LINK)
        peerId = peer.id
        await peer.close()
        acks = []
      }
      const plan = killPlan(run, generation, rng)
      const child = await runChild(dir, peerId, options.seed, run, plan)
      const where = `run ${run} (${plan.mode} ${'after' in plan ? plan.after : `${plan.ms} ms`})`
      acks.push(...child.acks)
      report.acknowledged += child.acks.length
      if (child.killed) {
        report.kills++
        report.killsBy[plan.mode]++
      } else {
        report.unkilled++
        if (child.exitCode !== 0) report.problems.push(`${where}: the child exited with ${child.exitCode}: ${child.stderr.trim().slice(-2000)}`)
      }
      if (child.refused) report.problems.push(`${where}: the station refused a write: ${child.refused}`)

      const checkStarted = performance.now()
      if (existsSync(databaseFile(dir))) {
        report.problems.push(...dataDirProblems(dir).map((p) => `${where}: ${p}`))
        report.lost.push(...(await lostWrites(dir, acks)).map((p) => `${where}: ${p}`))
      } else if (child.acks.length) {
        report.lost.push(`${where}: ${child.acks.length} writes acknowledged but there is no database`)
      }
      report.slowestCheckMs = Math.max(report.slowestCheckMs, performance.now() - checkStarted)

      const endOfGeneration = run % generation === generation - 1 || run === options.kills - 1
      if (existsSync(databaseFile(dir)) && (run % syncEvery === syncEvery - 1 || endOfGeneration)) {
        const sync = await syncCheck(dir, peerDir, acks)
        report.syncChecks++
        report.slowestSyncMs = Math.max(report.slowestSyncMs, sync.ms)
        report.problems.push(...sync.problems.map((p) => `${where}: ${p}`))
      }
      progress(
        `${where}: ${child.killed ? 'killed' : 'ran to the end'} after ${child.acks.length} acknowledged writes; ` +
          `${acks.length} checked; lost ${report.lost.length}, problems ${report.problems.length}`
      )
      if (endOfGeneration && ownWorkDir) {
        rmSync(dir, { recursive: true, force: true })
        rmSync(peerDir, { recursive: true, force: true })
      }
    }
  } finally {
    if (ownWorkDir) rmSync(workDir, { recursive: true, force: true })
  }
  report.elapsedMs = performance.now() - started
  return report
}
