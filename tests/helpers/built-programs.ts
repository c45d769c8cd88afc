/**
 * Runs the built programs (out/main/station.js, out/main/cli.js) as real child processes, the way a user
 * or a parent process would: no in-process shortcuts. `npm test` builds them first.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ROOT = resolve(__dirname, '../..')
export const STATION_JS = join(ROOT, 'out/main/station.js')
export const CLI_JS = join(ROOT, 'out/main/cli.js')

export interface ReadyLine {
  event: 'ready'
  url: string
  data: string
  /** HOST:PORT the counterpart dials, or null when the station only dials out. */
  sync: string | null
}

/** The host's one stdout line, checked for exactly the documented shape. */
export function parseReadyLine(line: string): ReadyLine {
  const parsed = JSON.parse(line) as Record<string, unknown>
  const keys = Object.keys(parsed).join(',')
  if (
    keys !== 'event,url,data,sync' ||
    parsed.event !== 'ready' ||
    typeof parsed.url !== 'string' ||
    typeof parsed.data !== 'string' ||
    !(parsed.sync === null || typeof parsed.sync === 'string')
  ) {
    throw new Error(`not a ready line: ${line}`)
  }
  return parsed as unknown as ReadyLine
}

/**
 * Tests never listen for a counterpart on every interface or on the one default port (parallel hosts would
 * fight over it): a test that names neither --sync-port nor --sync-host gets any free port on loopback.
 */
function withLoopbackSync(args: string[]): string[] {
  if (args.includes('--sync-port') || args.includes('--sync-host')) return args
  return [...args, '--sync-port', '0', '--sync-host', '127.0.0.1']
}

export interface RunningHost {
  ready: ReadyLine
  /** http://127.0.0.1:PORT */
  origin: string
  port: number
  token: string
  /** ms from spawn to the ready line */
  startMs: number
  child: ChildProcess
  stdout(): string
  stderr(): string
  /** SIGTERM, then the exit code (null if killed by a signal). */
  stop(): Promise<number | null>
}

function assertBuilt(file: string): void {
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first (npm test does)`)
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

const hosts = new Set<ChildProcess>()

/** For test teardown: stops every host this process started that is still running. */
export async function stopAllHosts(): Promise<void> {
  await Promise.all(
    [...hosts].map((child) => {
      child.kill('SIGKILL')
      return exited(child)
    })
  )
}

export async function startHost(args: string[], timeoutMs = 30_000): Promise<RunningHost> {
  assertBuilt(STATION_JS)
  const started = performance.now()
  const child = spawn(process.execPath, [STATION_JS, ...withLoopbackSync(args)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  hosts.add(child)
  child.once('exit', () => hosts.delete(child))
  let out = ''
  let err = ''
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))

  const line = await new Promise<string>((resolveLine, reject) => {
    const timer = setTimeout(() => fail(`no ready line within ${timeoutMs} ms`), timeoutMs)
    const onData = (): void => {
      const end = out.indexOf('\n')
      if (end < 0) return
      cleanup()
      resolveLine(out.slice(0, end))
    }
    const onExit = (code: number | null): void => fail(`station exited with ${code} before it was ready`)
    function fail(why: string): void {
      cleanup()
      child.kill('SIGKILL')
      reject(new Error(`${why}; stderr: ${err.trim()}`))
    }
    function cleanup(): void {
      clearTimeout(timer)
      child.stdout!.off('data', onData)
      child.off('close', onExit)
    }
    child.stdout!.on('data', onData)
    child.once('close', onExit)
  })
  const startMs = performance.now() - started
  const ready = parseReadyLine(line)
  const url = new URL(ready.url)
  return {
    ready,
    origin: url.origin,
    port: Number(url.port),
    token: new URLSearchParams(url.hash.slice(1)).get('token') ?? '',
    startMs,
    child,
    stdout: () => out,
    stderr: () => err,
    stop: async () => {
      child.kill('SIGTERM')
      return exited(child)
    }
  }
}

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
  ms: number
  json<T = unknown>(): T
}

export function runCli(args: string[], options: { stdin?: string } = {}): Promise<CliResult> {
  assertBuilt(CLI_JS)
  const started = performance.now()
  const child = spawn(process.execPath, [CLI_JS, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  child.stdin.end(options.stdin ?? '')
  return new Promise((resolveResult, reject) => {
    child.once('error', reject)
    child.once('close', (code) =>
      resolveResult({
        code,
        stdout,
        stderr,
        ms: performance.now() - started,
        json: <T>() => {
          try {
            return JSON.parse(stdout) as T
          } catch {
            throw new Error(`blo ${args.join(' ')} printed no JSON (exit ${code}); stderr: ${stderr.trim()}`)
          }
        }
      })
    )
  })
}
