import { defaultDataDir } from '../core/data-dir'
import { dataDirFlag, integerFlag, parseFlags } from '../cli/flags'

export const HOST_USAGE = `Usage: npm run station -- [--data DIR] [--port N] [--demo]

Serves the BLO Station UI and API on 127.0.0.1 only, for this machine's browser.
  --data DIR   station data folder (default: ${defaultDataDir()})
  --port N     port to listen on; 0 picks any free port (default: 0)
  --demo       on first run, set up a demo Thai BLO at Chiang Khong with sample cases
  --help       show this text

When ready it prints one JSON line to stdout: {"event":"ready","url":…,"data":…}.`

export interface HostOptions {
  dataDir: string
  port: number
  demo: boolean
  help: boolean
}

export function parseHostArgs(argv: string[]): HostOptions {
  const { values } = parseFlags({
    args: argv,
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '0' },
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false }
    }
  })
  return {
    dataDir: dataDirFlag(values.data),
    port: integerFlag('port', values.port, 0, 65535),
    demo: values.demo,
    help: values.help
  }
}
