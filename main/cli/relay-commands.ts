/** `blo relay …`: run the meeting point for stations that cannot dial each other (a Mosquitto broker). */
import { readFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { enrollStation, initRelay, revokeStation } from '../core/relay/relay-folder'
import { runRelay } from '../core/relay/relay-process'
import { integerFlag, parseFlags, requiredFlag, UsageError } from './flags'
import { printJson } from './output'
import { subcommands } from './subcommands'
import { RELAY_USAGE } from './usage'

const DIR = { dir: { type: 'string' }, json: { type: 'boolean' } } as const

async function init(args: string[]): Promise<void> {
  const { values } = parseFlags({ args, options: { ...DIR, host: { type: 'string' }, port: { type: 'string' }, bind: { type: 'string' } } })
  const dir = requiredFlag('relay init', 'dir', values.dir)
  const settings = {
    host: requiredFlag('relay init', 'host', values.host),
    port: integerFlag('port', requiredFlag('relay init', 'port', values.port), 1, 65535),
    bind: values.bind ?? '0.0.0.0',
    user: userInfo().username
  }
  printJson(await initRelay(dir, settings))
}

async function start(args: string[]): Promise<void> {
  const { values } = parseFlags({ args, options: DIR })
  const dir = requiredFlag('relay start', 'dir', values.dir)
  const run = runRelay(dir, { ready: (line) => console.log(line), log: (line) => process.stderr.write(`${line}\n`) })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => run.stop())
  const code = await run.exited
  if (code !== 0) throw new Error(`Mosquitto stopped with exit code ${code}; its log above says why.`)
}

async function enroll(args: string[]): Promise<void> {
  const { values } = parseFlags({ args, options: { ...DIR, 'station-cert': { type: 'string' } } })
  const dir = requiredFlag('relay enroll', 'dir', values.dir)
  const file = requiredFlag('relay enroll', 'station-cert', values['station-cert'])
  let pem: string
  try {
    pem = readFileSync(file, 'utf8')
  } catch (error) {
    throw new UsageError(`relay enroll: cannot read ${file} (${(error as NodeJS.ErrnoException).code}); give the file "blo pair show --cert" wrote`)
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new UsageError(`relay enroll: ${file} is not a certificate (PEM); give the file "blo pair show --cert" wrote`)
  printJson(await enrollStation(dir, pem))
}

async function revoke(args: string[]): Promise<void> {
  const { values } = parseFlags({ args, options: { ...DIR, id: { type: 'string' } } })
  const dir = requiredFlag('relay revoke', 'dir', values.dir)
  printJson(await revokeStation(dir, requiredFlag('relay revoke', 'id', values.id)))
}

export const relayCommand = subcommands('relay', { init, start, enroll, revoke }, RELAY_USAGE)
