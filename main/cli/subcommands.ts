/** `blo <command> <subcommand>`: help anywhere on the line, and one-line errors that name the choices. */
import { UsageError } from './flags'

export type Command = (args: string[]) => Promise<void>

const isHelp = (arg: string): boolean => arg === '--help' || arg === '-h'

/** "a", "a or b", "a, b or c" */
const choices = (names: readonly string[]): string =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`

/** A command that prints its usage text on --help instead of running. */
export function withHelp(usage: string, run: Command): Command {
  return async (args) => {
    if (args.some(isHelp)) return void process.stdout.write(`${usage}\n`)
    await run(args)
  }
}

export function subcommands(command: string, table: Record<string, Command>, usage: string): Command {
  const names = Object.keys(table)
  return withHelp(usage, async ([sub, ...rest]) => {
    // "blo sync --data DIR status": flags come after the subcommand.
    if (sub === undefined || sub.startsWith('-')) throw new UsageError(`${command} needs a subcommand first: ${choices(names)} (see blo ${command} --help)`)
    if (!Object.hasOwn(table, sub)) throw new UsageError(`unknown ${command} subcommand '${sub}'; use ${choices(names)}`)
    await table[sub](rest)
  })
}
