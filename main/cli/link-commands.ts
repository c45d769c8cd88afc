/** `blo pair …` and `blo sync …`: who this station trusts across the border, and how the link is doing. */
import { dataDirFlag, integerFlag, parseFlags, requiredFlag } from './flags'
import { unwrap } from './output'
import { printCall, withStation } from './station-connection'
import { subcommands } from './subcommands'
import { PAIR_USAGE, SYNC_USAGE } from './usage'

// --json is accepted everywhere so scripts can say what they expect; output is always JSON.
const DATA = { data: { type: 'string' }, json: { type: 'boolean' } } as const

/** This station's ID card, to read out or send to the counterpart; with --cert, its certificate (PEM) for a relay. */
async function show(args: string[]): Promise<void> {
  const { values } = parseFlags({ args, options: { ...DATA, cert: { type: 'boolean' } } })
  if (!values.cert) return printCall(dataDirFlag(values.data), 'link.station', {})
  await withStation(dataDirFlag(values.data), async (station) => {
    process.stdout.write((unwrap(await station.call('link.certificate', {})) as { certificatePem: string }).certificatePem)
  })
}

async function add(args: string[]): Promise<void> {
  const { values } = parseFlags({ args, options: { ...DATA, id: { type: 'string' }, address: { type: 'string' }, name: { type: 'string' } } })
  const input = {
    stationId: requiredFlag('pair add', 'id', values.id),
    address: requiredFlag('pair add', 'address', values.address),
    ...(values.name === undefined ? {} : { name: values.name })
  }
  await printCall(dataDirFlag(values.data), 'counterparts.add', input)
}

async function remove(args: string[]): Promise<void> {
  const { values } = parseFlags({ args, options: { ...DATA, id: { type: 'string' } } })
  await printCall(dataDirFlag(values.data), 'counterparts.remove', { stationId: requiredFlag('pair remove', 'id', values.id) })
}

async function list(args: string[]): Promise<void> {
  const { values } = parseFlags({ args, options: DATA })
  await printCall(dataDirFlag(values.data), 'counterparts.list', {})
}

async function status(args: string[]): Promise<void> {
  const { values } = parseFlags({ args, options: DATA })
  await printCall(dataDirFlag(values.data), 'link.status', {})
}

async function log(args: string[]): Promise<void> {
  const { values } = parseFlags({ args, options: { ...DATA, limit: { type: 'string' } } })
  const input = values.limit === undefined ? {} : { limit: integerFlag('limit', values.limit, 1, 1000) }
  await printCall(dataDirFlag(values.data), 'link.log', input)
}

export const pairCommand = subcommands('pair', { show, add, remove, list }, PAIR_USAGE)
export const syncCommand = subcommands('sync', { status, log }, SYNC_USAGE)
