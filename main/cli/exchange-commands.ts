/**
 * Exchange with the counterpart from the command line: share and withdraw cases, list and read what went
 * across either way, send alerts and requests for information, reply to them. Each is the API method of
 * the same name, JSON out; `exchange list` without --box gathers every box in one answer.
 */
import type { ExchangeBox, ExchangePage, MessageThread, MethodName } from '../../preload/api'
import { EXCHANGE_BOXES } from '../../preload/vocabulary'
import { dataDirFlag, integerFlag, parseFlags, requiredFlag, UsageError } from './flags'
import { printJson, unwrap } from './output'
import { printCall, withStation, type StationConnection } from './station-connection'
import { subcommands, withHelp } from './subcommands'
import { EXCHANGE_USAGE } from './usage'

const DATA = { data: { type: 'string' }, json: { type: 'boolean' } } as const

/** Only the flags given: the API fills in its own defaults and names the field it refuses. */
function given<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>
}

function oneCaseId(command: string, positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError(`${command} needs exactly one case ID`)
  return positionals[0]
}

const commaList = (value: string | undefined) => value?.split(',').map((f) => f.trim()).filter((f) => f !== '')

/**
 * `--to ID[,ID…]`, or `--to all` for every paired station (only when typed: with more than one counterpart
 * the station refuses to guess). Without it the API's rule holds: the one counterpart, if only one is paired.
 */
async function audience(station: StationConnection, command: string, value: string | undefined): Promise<{ to?: string[] }> {
  if (value === undefined) return {}
  if (value.trim() === 'all') {
    const paired = unwrap(await station.call('counterparts.list', {})) as { stationId: string }[]
    if (!paired.length) throw new UsageError(`${command} --to all: no counterpart is paired yet (blo pair add)`)
    return { to: paired.map((p) => p.stationId) }
  }
  const to = commaList(value)
  if (!to?.length) throw new UsageError(`${command} --to needs STATION_ID[,STATION_ID…] or all`)
  return { to }
}

/** One method call whose input names an audience (`--to`). */
async function sendTo(values: { data?: string; to?: string }, command: string, method: MethodName, input: Record<string, unknown>): Promise<void> {
  await withStation(dataDirFlag(values.data), async (station) =>
    printJson(unwrap(await station.call(method, { ...input, ...(await audience(station, command, values.to)) })))
  )
}

async function share(args: string[]): Promise<void> {
  const { values, positionals } = parseFlags({ args, allowPositionals: true, options: { ...DATA, fields: { type: 'string' }, to: { type: 'string' } } })
  const caseId = oneCaseId('share', positionals)
  // "--fields summary,items": the groups to send; `core` always goes, personal data only when named.
  const fields = commaList(values.fields)
  await sendTo(values, 'share', 'exchange.share', { caseId, ...given({ fields }) })
}

async function withdraw(args: string[]): Promise<void> {
  const { values, positionals } = parseFlags({ args, allowPositionals: true, options: { ...DATA, reason: { type: 'string' }, from: { type: 'string' } } })
  const caseId = oneCaseId('withdraw', positionals)
  const from = commaList(values.from)
  if (values.from !== undefined && !from?.length) throw new UsageError('withdraw --from needs STATION_ID[,STATION_ID…]')
  await printCall(dataDirFlag(values.data), 'exchange.withdraw', { caseId, reason: requiredFlag('withdraw', 'reason', values.reason), ...given({ from }) })
}

type ListQuery = { q?: string; from?: string; to?: string; unreadOnly?: boolean; counterpart?: string; limit?: number }
type ThreadRow = Extract<ExchangePage['rows'][number], { type: 'message' }>

/** One box; alert and request threads carry their replies, so a script sees a question and its answers together. */
async function listBox(station: StationConnection, box: ExchangeBox, query: ListQuery) {
  const page = unwrap(await station.call('exchange.list', { ...query, box })) as ExchangePage
  const withReplies = async (row: ThreadRow) => {
    if (row.replyCount === 0) return { ...row, replies: [] }
    const thread = unwrap(await station.call('exchange.get', { type: 'message', origin: row.origin, id: row.message.id })) as MessageThread
    return { ...row, replies: thread.replies }
  }
  const rows = []
  for (const row of page.rows) rows.push(row.type === 'message' ? await withReplies(row) : row)
  return { ...page, rows }
}

async function list(args: string[]): Promise<void> {
  const { values } = parseFlags({
    args,
    options: {
      ...DATA,
      box: { type: 'string' },
      q: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      unread: { type: 'boolean' },
      counterpart: { type: 'string' },
      limit: { type: 'string' }
    }
  })
  const query: ListQuery = given({
    q: values.q,
    from: values.from,
    to: values.to,
    unreadOnly: values.unread,
    counterpart: values.counterpart,
    limit: values.limit === undefined ? undefined : integerFlag('limit', values.limit, 1, 1000)
  })
  await withStation(dataDirFlag(values.data), async (station) => {
    // The API checks the box name and says which ones exist.
    if (values.box !== undefined) return printJson(await listBox(station, values.box as ExchangeBox, query))
    const all: Record<string, unknown> = {}
    let unread: ExchangePage['unread'] | undefined
    for (const box of EXCHANGE_BOXES) {
      const { total, rows, unread: counts } = await listBox(station, box, query)
      all[box] = { total, rows }
      unread = counts
    }
    printJson({ unread, ...all })
  })
}

async function get(args: string[]): Promise<void> {
  const { values } = parseFlags({ args, options: { ...DATA, origin: { type: 'string' }, record: { type: 'string' }, message: { type: 'string' } } })
  if ((values.record === undefined) === (values.message === undefined)) throw new UsageError('exchange get needs either --record ID or --message ID')
  const origin = requiredFlag('exchange get', 'origin', values.origin)
  const pointer = values.record !== undefined ? { type: 'record', origin, id: values.record } : { type: 'message', origin, id: values.message }
  await printCall(dataDirFlag(values.data), 'exchange.get', pointer)
}

async function sendAlert(args: string[]): Promise<void> {
  const { values } = parseFlags({
    args,
    options: {
      ...DATA,
      subject: { type: 'string' },
      priority: { type: 'string' },
      text: { type: 'string' },
      plate: { type: 'string' },
      name: { type: 'string' },
      route: { type: 'string' },
      'expires-at': { type: 'string' },
      to: { type: 'string' }
    }
  })
  const input = {
    subject: requiredFlag('alert send', 'subject', values.subject),
    text: requiredFlag('alert send', 'text', values.text),
    ...given({ priority: values.priority, plate: values.plate, name: values.name, route: values.route, expiresAt: values['expires-at'] })
  }
  await sendTo(values, 'alert send', 'exchange.sendAlert', input)
}

async function sendRequest(args: string[]): Promise<void> {
  const { values } = parseFlags({
    args,
    options: {
      ...DATA,
      title: { type: 'string' },
      text: { type: 'string' },
      priority: { type: 'string' },
      origin: { type: 'string' },
      record: { type: 'string' },
      to: { type: 'string' }
    }
  })
  const input: Record<string, unknown> = {
    title: requiredFlag('request send', 'title', values.title),
    text: requiredFlag('request send', 'text', values.text),
    ...given({ priority: values.priority })
  }
  // A request may ask about one of the counterpart's records: --record ID --origin ITS_STATION_ID.
  if (values.record !== undefined) input.about = { origin: requiredFlag('request send --record', 'origin', values.origin), recordId: values.record }
  else if (values.origin !== undefined) throw new UsageError('request send: --origin goes with --record (the record the request is about)')
  await sendTo(values, 'request send', 'exchange.sendRequest', input)
}

async function reply(args: string[]): Promise<void> {
  const { values } = parseFlags({ args, options: { ...DATA, origin: { type: 'string' }, message: { type: 'string' }, text: { type: 'string' } } })
  const input = {
    origin: requiredFlag('reply', 'origin', values.origin),
    messageId: requiredFlag('reply', 'message', values.message),
    text: requiredFlag('reply', 'text', values.text)
  }
  await printCall(dataDirFlag(values.data), 'exchange.reply', input)
}

export const shareCommand = withHelp(EXCHANGE_USAGE, share)
export const withdrawCommand = withHelp(EXCHANGE_USAGE, withdraw)
export const replyCommand = withHelp(EXCHANGE_USAGE, reply)
export const exchangeCommand = subcommands('exchange', { list, get }, EXCHANGE_USAGE)
export const alertCommand = subcommands('alert', { send: sendAlert }, EXCHANGE_USAGE)
export const requestCommand = subcommands('request', { send: sendRequest }, EXCHANGE_USAGE)
