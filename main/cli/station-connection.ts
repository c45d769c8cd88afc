/**
 * How a `blo` command reaches the station on a data folder: through the running station host when there
 * is one (never a second writer behind its back), otherwise by opening the station in this process.
 * Either way the command makes the same method call; only the transport differs.
 * The station and the host client are loaded when a command first needs them, so that help and bad flags stay fast.
 */
import { userInfo } from 'node:os'
import type { MethodName, Reply } from '../../preload/api'
import type { Station } from '../core/station'
import { systemConnection, type ConnectionState } from '../core/users/connection'
import { printJson, unwrap } from './output'

export interface StationConnection {
  readonly via: 'local' | 'host'
  call(method: MethodName, input: unknown): Promise<Reply<unknown>>
  close(): Promise<void>
}

const logToStderr = (message: string, error?: unknown): void => {
  process.stderr.write(`blo: ${message}${error instanceof Error ? `: ${error.message}` : ''}\n`)
}

/**
 * blo runs with the OS user's authority over the data folder (it could read the database anyway): it acts as an
 * administrator and is recorded as `cli:<os user>`. Through a running host the token gives it the same standing.
 */
export const localConnection = (): ConnectionState => systemConnection(`cli:${userInfo().username}`)

/** Opens the station in this process; only for a folder no other process holds (the lock enforces it). */
export async function openLocalStation(dataDir: string): Promise<Station> {
  const { openStation } = await import('../core/station')
  return openStation({ dataDir, log: logToStderr })
}

export async function connectToStation(dataDir: string): Promise<StationConnection> {
  const { readRunningStation } = await import('../core/data-dir-lock')
  const running = readRunningStation(dataDir)
  if (running?.url && running.token) {
    const { connectToHost } = await import('./host-client')
    const host = await connectToHost({ url: running.url, token: running.token })
    return { via: 'host', call: (method, input) => host.call(method, input), close: async () => host.close() }
  }
  // A station process without an API (the desktop app, another blo) makes openStation refuse with a clear message.
  const station = await openLocalStation(dataDir)
  const connection = localConnection()
  return { via: 'local', call: (method, input) => station.dispatch(method, input, connection), close: () => station.close() }
}

/** Runs one command's calls over a connection and always lets go of it, so the station's lock is released. */
export async function withStation<T>(dataDir: string, work: (station: StationConnection) => Promise<T>): Promise<T> {
  const station = await connectToStation(dataDir)
  try {
    return await work(station)
  } finally {
    await station.close()
  }
}

/** Most commands are this: one method call on the station, its value printed as JSON. */
export function printCall(dataDir: string, method: MethodName, input: unknown): Promise<void> {
  return withStation(dataDir, async (station) => printJson(unwrap(await station.call(method, input))))
}

/** For commands that write the database directly (init, seed): refuse while a station runs on the folder. */
export async function assertNoRunningStation(dataDir: string, command: string): Promise<void> {
  const { readRunningStation } = await import('../core/data-dir-lock')
  const running = readRunningStation(dataDir)
  if (!running) return
  const where = running.url ? ` at ${running.url}` : ''
  throw new Error(`a BLO Station is running on ${dataDir} (pid ${running.pid}${where}); stop it before "blo ${command}"`)
}
