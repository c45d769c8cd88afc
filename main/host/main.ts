/**
 * The station host: `npm run station -- --data DIR [--port N] [--sync-port N] [--sync-host ADDR] [--demo]`.
 * Serves the UI and the API on 127.0.0.1 for this machine's browser and listens for the paired counterpart.
 * stdout carries exactly one line, the ready event, so a parent process can read the URL and the sync
 * address; everything else goes to stderr.
 */
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { systemConnection } from '../core/station'
import { createAccessToken } from './access-token'
import { startLink } from './start-link'
import { openOrCreateStation } from './first-run'
import { HOST_USAGE, parseHostArgs } from './host-args'
import { startStationServer } from './station-server'
import { UsageError } from '../cli/flags'

const log = (message: string, error?: unknown): void => {
  const detail = error instanceof Error ? `: ${error.stack ?? error.message}` : ''
  process.stderr.write(`[station] ${message}${detail}\n`)
}

async function main(argv: string[]): Promise<void> {
  const options = parseHostArgs(argv)
  if (options.help) return void process.stdout.write(`${HOST_USAGE}\n`)

  const osUser = userInfo().username
  // The host's own calls (seeding the demo, reading the link status) act with the authority of whoever started it.
  const self = systemConnection(`station:${osUser}`)
  const { station, created } = openOrCreateStation(options.dataDir, options.demo, self, log)
  if (created) log(`created ${options.demo ? 'the demo station' : 'a new station'} "${station.meta.name}" in ${options.dataDir}`)
  else if (options.demo) log(`--demo ignored: ${options.dataDir} already holds the station "${station.meta.name}"`)

  const token = createAccessToken()
  const server = await startStationServer({
    station,
    rendererDir: join(__dirname, '../renderer'),
    port: options.port,
    token,
    localActor: `cli:${osUser}`,
    log
  }).catch((error: unknown) => {
    station.close()
    throw error
  })
  station.advertise({ url: server.origin, token })

  let stopping = false
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return
    stopping = true
    log(`${signal}: closing`)
    void server
      .close()
      .finally(() => station.close())
      .finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)

  // After the API, so a counterpart that connects at once finds a station that can already be watched.
  const sync = await startLink(station, options, self, log).catch(async (error: unknown) => {
    await server.close()
    await station.close()
    throw error
  })
  // Last, so whoever reads this line can already stop us cleanly.
  process.stdout.write(`${JSON.stringify({ event: 'ready', url: `${server.origin}/#token=${token}`, data: options.dataDir, sync })}\n`)
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`station: ${message.replace(/\s*\n\s*/g, ' ')}\n`)
  process.exitCode = error instanceof UsageError ? 2 : 1
})
