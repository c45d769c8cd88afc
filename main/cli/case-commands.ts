/** `blo case add | list | get`: each one method call on the station, JSON in and out. */
import { readFile } from 'node:fs/promises'
import { dataDirFlag, integerFlag, parseFlags, UsageError } from './flags'
import { printJson, unwrap } from './output'
import { withStation } from './station-link'
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
  await withStation(dataDirFlag(values.data), async (link) => printJson(unwrap(await link.call('cases.create', input))))
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
  await withStation(dataDirFlag(values.data), async (link) => printJson(unwrap(await link.call('cases.search', query))))
}

async function get(args: string[]): Promise<void> {
  const { values, positionals } = parseFlags({
    args,
    allowPositionals: true,
    options: { data: { type: 'string' }, json: { type: 'boolean' } }
  })
  if (positionals.length !== 1) throw new UsageError('case get needs exactly one case ID')
  await withStation(dataDirFlag(values.data), async (link) => printJson(unwrap(await link.call('cases.get', { id: positionals[0] }))))
}

const SUBCOMMANDS: Record<string, (args: string[]) => Promise<void>> = { add, list, get }

export async function caseCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args
  if (sub === undefined) throw new UsageError('case needs a subcommand: add, list or get (see blo case --help)')
  if ([sub, ...rest].some((arg) => arg === '--help' || arg === '-h')) return void process.stdout.write(`${CASE_USAGE}\n`)
  const run = SUBCOMMANDS[sub]
  if (!run) throw new UsageError(`unknown case subcommand '${sub}'; use add, list or get`)
  await run(rest)
}
