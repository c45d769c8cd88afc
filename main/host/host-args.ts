import { isIP } from 'node:net'
import { defaultDataDir } from '../core/data-dir'
import { DEFAULT_SYNC_PORT } from '../core/sync/link-service'
import { dataDirFlag, integerFlag, parseFlags, UsageError } from '../cli/flags'

/** Every interface: the counterpart dials in over whichever network faces the border. */
export const DEFAULT_SYNC_HOST = '0.0.0.0'

export const HOST_USAGE = `Usage: npm run station -- [--data DIR] [--port N] [--sync-port N] [--sync-host ADDR] [--demo]

Serves the BLO Station UI and API on 127.0.0.1 only, for this machine's browser, and listens for the
paired counterpart station (mutual TLS; only paired stations get in).
  --data DIR        station data folder (default: ${defaultDataDir()})
  --port N          UI/API port on 127.0.0.1; 0 picks any free port (default: 0)
  --sync-port N     port the counterpart dials; 0 picks any free port (default: ${DEFAULT_SYNC_PORT}; if that
                    port is busy the station carries on dialling out only, with a warning)
  --sync-host ADDR  IP address of the interface facing the counterpart (default: ${DEFAULT_SYNC_HOST}, every interface)
  --demo            on first run, set up a demo Thai BLO at Chiang Khong with sample cases
  --help            show this text

When ready it prints one JSON line to stdout:
  {"event":"ready","url":…,"data":…,"sync":"HOST:PORT"} ("sync" is null when not listening).`

export interface HostOptions {
  dataDir: string
  port: number
  /** null: the default port, given up quietly (dial-only) when busy; a number was asked for and must be had. */
  syncPort: number | null
  syncHost: string
  demo: boolean
  help: boolean
}

function syncHostFlag(value: string): string {
  const host = value.trim().replace(/^\[(.*)\]$/, '$1')
  if (isIP(host) === 0) {
    throw new UsageError(`--sync-host must be an IP address of this machine (e.g. ${DEFAULT_SYNC_HOST}, 192.0.2.10 or ::), got '${value}'`)
  }
  return host
}

export function parseHostArgs(argv: string[]): HostOptions {
  const { values } = parseFlags({
    args: argv,
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '0' },
      'sync-port': { type: 'string' },
      'sync-host': { type: 'string', default: DEFAULT_SYNC_HOST },
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false }
    }
  })
  return {
    dataDir: dataDirFlag(values.data),
    port: integerFlag('port', values.port, 0, 65535),
    syncPort: values['sync-port'] === undefined ? null : integerFlag('sync-port', values['sync-port'], 0, 65535),
    syncHost: syncHostFlag(values['sync-host']),
    demo: values.demo,
    help: values.help
  }
}
