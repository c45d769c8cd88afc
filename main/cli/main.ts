/**
 * `blo`: the BLO Station command line. Exit codes: 0 done, 1 the station or a file refused the request,
 * 2 the command line itself was wrong. Every error is one line on stderr.
 */
import { UsageError } from './flags'
import type { Command } from './subcommands'
import { MAIN_USAGE } from './usage'

/**
 * Each command's module is loaded only when that command runs, so `blo --help` and a mistyped command cost a
 * bare Node start, not the station's database, Yjs, PDF and XLSX code (which the command modules load later still).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  init: async () => (await import('./init-command')).initCommand,
  case: async () => (await import('./case-commands')).caseCommand,
  seed: async () => (await import('./seed-command')).seedCommand,
  pair: async () => (await import('./link-commands')).pairCommand,
  sync: async () => (await import('./link-commands')).syncCommand,
  bundle: async () => (await import('./bundle-commands')).bundleCommand,
  relay: async () => (await import('./relay-commands')).relayCommand,
  share: async () => (await import('./exchange-commands')).shareCommand,
  withdraw: async () => (await import('./exchange-commands')).withdrawCommand,
  exchange: async () => (await import('./exchange-commands')).exchangeCommand,
  alert: async () => (await import('./exchange-commands')).alertCommand,
  request: async () => (await import('./exchange-commands')).requestCommand,
  reply: async () => (await import('./exchange-commands')).replyCommand,
  plan: async () => (await import('./plan-commands')).planCommand,
  export: async () => (await import('./export-commands')).exportCommand,
  audit: async () => (await import('./audit-command')).auditCommand,
  backup: async () => (await import('./backup-commands')).backupCommand,
  restore: async () => (await import('./backup-commands')).restoreCommand,
  update: async () => (await import('./update-command')).updateCommand,
  user: async () => (await import('./user-commands')).userCommand
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim()

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(`${MAIN_USAGE}\n`)
      return 0
    }
    if (command === undefined) throw new UsageError('no command given; see blo --help')
    const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined
    if (!load) throw new UsageError(`unknown command '${command}'; see blo --help`)
    const run = await load()
    await run(rest)
    return 0
  } catch (error) {
    const usage = error instanceof UsageError
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(`blo: ${oneLine(message)}\n`)
    return usage ? 2 : 1
  }
}

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
