/**
 * `blo`: the BLO Station command line. Exit codes: 0 done, 1 the station or a file refused the request,
 * 2 the command line itself was wrong. Every error is one line on stderr.
 */
import { auditCommand } from './audit-command'
import { backupCommand, restoreCommand } from './backup-commands'
import { caseCommand } from './case-commands'
import { alertCommand, exchangeCommand, replyCommand, requestCommand, shareCommand, withdrawCommand } from './exchange-commands'
import { exportCommand } from './export-commands'
import { UsageError } from './flags'
import { initCommand } from './init-command'
import { pairCommand, syncCommand } from './link-commands'
import { planCommand } from './plan-commands'
import { seedCommand } from './seed-command'
import type { Command } from './subcommands'
import { updateCommand } from './update-command'
import { userCommand } from './user-commands'
import { MAIN_USAGE } from './usage'

const COMMANDS: Record<string, Command> = {
  init: initCommand,
  case: caseCommand,
  seed: seedCommand,
  pair: pairCommand,
  sync: syncCommand,
  share: shareCommand,
  withdraw: withdrawCommand,
  exchange: exchangeCommand,
  alert: alertCommand,
  request: requestCommand,
  reply: replyCommand,
  plan: planCommand,
  export: exportCommand,
  audit: auditCommand,
  backup: backupCommand,
  restore: restoreCommand,
  update: updateCommand,
  user: userCommand
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
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined
    if (!run) throw new UsageError(`unknown command '${command}'; see blo --help`)
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
