/**
 * `blo user …`: the station's accounts, and the way back in for an administrator who forgot the password or
 * locked the account with wrong ones. The CLI has the operating-system user's authority over the data folder,
 * so it makes the same users.* calls an administrator's screen makes, recorded as `cli:<os user>`.
 */
import { randomInt } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Account } from '../../preload/api'
import { dataDirFlag, parseFlags, UsageError } from './flags'
import { printJson, unwrap } from './output'
import { printCall, withStation } from './station-connection'
import { subcommands } from './subcommands'
import { USER_USAGE } from './usage'

/** No 0/O, 1/l/I: read aloud or copied from a screen by hand without doubt. */
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const GROUPS = 4
const GROUP_LENGTH = 5

/** 20 characters from 57 (about 116 bits), in groups of five: "k7mQ2-xr9Tz-…". */
export function temporaryPassword(): string {
  const group = () => Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
  return Array.from({ length: GROUPS }, group).join('-')
}

/** The password in FILE as typed: only the line ending an editor or `echo` adds is dropped (spaces count). */
function passwordFromFile(file: string): string {
  let text: string
  try {
    text = readFileSync(resolve(file), 'utf8')
  } catch (error) {
    throw new UsageError(`--password-file: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
  const password = text.replace(/\r?\n$/, '')
  if (/[\r\n]/.test(password)) throw new UsageError(`--password-file: ${file} must hold the password on one line`)
  return password
}

async function list(args: string[]): Promise<void> {
  const { values, positionals } = parseFlags({ args, allowPositionals: true, options: { data: { type: 'string' }, json: { type: 'boolean' } } })
  if (positionals.length) throw new UsageError(`user list takes no '${positionals[0]}'`)
  await printCall(dataDirFlag(values.data), 'users.list', {})
}

async function resetPassword(args: string[]): Promise<void> {
  const { values, positionals } = parseFlags({
    args,
    allowPositionals: true,
    options: { data: { type: 'string' }, 'password-file': { type: 'string' }, json: { type: 'boolean' } }
  })
  if (positionals.length !== 1) throw new UsageError('user reset-password needs exactly one USERNAME (see blo user list)')
  const file = values['password-file']
  if (file !== undefined && file.trim() === '') throw new UsageError('--password-file must name a file')
  const generated = file === undefined ? temporaryPassword() : null
  const password = generated ?? passwordFromFile(file!)
  const dataDir = dataDirFlag(values.data)
  const account = await withStation(dataDir, async (station) => unwrap(await station.call('users.resetPassword', { username: positionals[0], password })) as Account)
  printJson(generated ? { account, temporaryPassword: generated } : { account })
  if (generated) {
    process.stderr.write(
      `blo: this temporary password is shown only once: give it to ${account.displayName} in person, and have them change it ` +
        `(user menu › Change my password) after signing in.\n`
    )
  }
}

export const userCommand = subcommands('user', { list, 'reset-password': resetPassword }, USER_USAGE)
