/** `blo case add | list | get`: each one method call on the station, JSON in and out. */
import { readFile } from 'node:fs/promises'
import { dataDirFlag, integerFlag, parseFlags, UsageError } from './flags'
import { printCall } from './station-connection'
import { subcommands } from './subcommands'
import { CASE_USAGE } from './usage'

async function readJsonInput(source: string): Promise<unknown> {
  let text: string
  try {
    text = source === '-' ? await readStdin() : await readFile(source, 'utf8')
  } catch (error) {
    throw new Error(`--json: cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new Error(`--json: ${source === '-' ? 'stdin' : source} is not valid JSON (${(error as Error).message})`)
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

async function add(args: string[]): Promise<void> {
  const { values } = parseFlags({ args, options: { data: { type: 'string' }, json: { type: 'string' } } })
  if (values.json === undefined) throw new UsageError('case add needs --json FILE (or --json - for stdin)')
  const input = await readJsonInput(values.json)
  await printCall(dataDirFlag(values.data), 'cases.create', input)
}

async function list(args: string[]): Promise<void> {
  const { values } = parseFlags({
    args,
    options: {
      data: { type: 'string' },
      // Output is always JSON; the flag is accepted so scripts can say what they expect.
      json: { type: 'boolean' },
      q: { type: 'string' },
      category: { type: 'string' },
      status: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      limit: { type: 'string' }
    }
  })
  const query: Record<string, unknown> = {}
  for (const key of ['q', 'category', 'status', 'from', 'to'] as const) if (values[key] !== undefined) query[key] = values[key]
  if (values.limit !== undefined) query.limit = integerFlag('limit', values.limit, 1, Number.MAX_SAFE_INTEGER)
  await printCall(dataDirFlag(values.data), 'cases.search', query)
}

async function get(args: string[]): Promise<void> {
  const { values, positionals } = parseFlags({
    args,
    allowPositionals: true,
    options: { data: { type: 'string' }, json: { type: 'boolean' } }
  })
  if (positionals.length !== 1) throw new UsageError('case get needs exactly one case ID')
  await printCall(dataDirFlag(values.data), 'cases.get', { id: positionals[0] })
}

export const caseCommand = subcommands('case', { add, list, get }, CASE_USAGE)
