/** `blo plan …`: joint operation plans for scripts and reports — fields, tasks, sign-off state, notes as text. */
import { dataDirFlag, integerFlag, parseFlags, UsageError } from './flags'
import { printCall } from './station-connection'
import { subcommands } from './subcommands'
import { PLAN_USAGE } from './usage'

const DATA = { data: { type: 'string' }, json: { type: 'boolean' } } as const

async function list(args: string[]): Promise<void> {
  const { values } = parseFlags({
    args,
    options: { ...DATA, q: { type: 'string' }, status: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, limit: { type: 'string' } }
  })
  // Only the flags given: the API fills in its defaults and names any value it refuses.
  const query = Object.fromEntries(
    Object.entries({
      q: values.q,
      status: values.status,
      from: values.from,
      to: values.to,
      limit: values.limit === undefined ? undefined : integerFlag('limit', values.limit, 1, 500)
    }).filter(([, value]) => value !== undefined)
  )
  await printCall(dataDirFlag(values.data), 'plans.list', query)
}

async function show(args: string[]): Promise<void> {
  const { values, positionals } = parseFlags({ args, allowPositionals: true, options: DATA })
  if (positionals.length !== 1) throw new UsageError('plan show needs exactly one plan ID')
  await printCall(dataDirFlag(values.data), 'plans.get', { id: positionals[0] })
}

export const planCommand = subcommands('plan', { list, show }, PLAN_USAGE)
