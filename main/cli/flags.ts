/** Command-line flag parsing shared by `blo` and the station host: node:util parseArgs (strict by default) with one-line errors. */
import { resolve } from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { defaultDataDir } from '../core/data-dir'

/** Bad command-line input: shown to the user as one line, with exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export function parseFlags<const C extends ParseArgsConfig>(config: C): ReturnType<typeof parseArgs<C>> {
  try {
    return parseArgs(config)
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException
    // Node's own messages are right but long (they go on to explain `--`): keep the first sentence.
    if (code?.startsWith('ERR_PARSE_ARGS_')) throw new UsageError(message.split(/\.\s/)[0].replace(/\.$/, ''))
    throw error
  }
}

/** A whole number from a flag, or a UsageError naming the flag. */
export function integerFlag(name: string, value: string, min: number, max: number): number {
  const parsed = /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got '${value}'`)
  }
  return parsed
}

/** The station data folder from --data (absolute), or the per-user folder the desktop app uses. */
export function dataDirFlag(value: string | undefined): string {
  if (value === undefined) return defaultDataDir()
  if (value.trim() === '') throw new UsageError('--data must name a folder')
  return resolve(value)
}

/** A flag the command cannot do without, or a UsageError naming it. */
export function requiredFlag(command: string, name: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`${command} needs --${name}`)
  return value
}
