/**
 * The station host and the blo CLI as separate processes, run from source with tsx, so that the reliability
 * runs need no build and a crash shows as a dead process, not as a failed test.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join, resolve } from 'node:path'
import { parseReadyLine, type ReadyLine } from '../../helpers/built-programs'

const ROOT = resolve(__dirname, '../../..')
const HOST = join(ROOT, 'main/host/main.ts')
const CLI = join(ROOT, 'main/cli/main.ts')

export interface SourceHost {
  ready: ReadyLine
  origin: string
  token: string
  child: ChildProcess
  stderr(): string
  alive(): boolean
  /** SIGTERM; resolves with the exit code (null if it died of a signal). */
  stop(): Promise<number | null>
}

export async function startSourceHost(dataDir: string): Promise<SourceHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOST, '--data', dataDir, '--port', '0', '--sync-port', '0', '--sync-host', '127.0.0.1'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  let err = ''
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err = (err + chunk).slice(-1_000_000)))
  const exited = new Promise<number | null>((done) => child.once('close', (code) => done(code)))
  const line = await new Promise<string>((resolveLine, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line within 60 s; stderr: ${err}`)), 60_000)
    const poll = setInterval(() => {
      const end = out.indexOf('\n')
      if (end >= 0) {
        clearInterval(poll)
        clearTimeout(timer)
        resolveLine(out.slice(0, end))
      }
    }, 20)
    void exited.then((code) => {
      clearInterval(poll)
      clearTimeout(timer)
      reject(new Error(`the station exited with ${code} before it was ready: ${err}`))
    })
  })
  const ready = parseReadyLine(line)
  const url = new URL(ready.url)
  return {
    ready,
    origin: url.origin,
    token: new URLSearchParams(url.hash.slice(1)).get('token') ?? '',
    child,
    stderr: () => err,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: () => {
      child.kill('SIGTERM')
      return exited
    }
  }
}

export interface CliRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export function runSourceCli(args: string[]): Promise<CliRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  return new Promise((done) => child.once('close', (code, signal) => done({ code, signal, stdout, stderr })))
}
