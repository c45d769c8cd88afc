/** `blo update verify FILE`: checks an installer or update file against its signature before anyone runs it. */
import { resolve } from 'node:path'
import { PUBLISHER_KEYS } from '../core/update/publisher-keys'
import { verifyUpdate } from '../core/update/update-signature'
import { parseFlags, UsageError } from './flags'
import { printJson } from './output'
import { subcommands, type Command } from './subcommands'

export const UPDATE_USAGE = `Usage: blo update verify FILE

Checks an installer (.exe, .deb, .AppImage) brought on a USB stick against its signature FILE.sig: it must be
signed by a BLO Station publisher key built into this version, and be exactly the file that was signed.
Prints {"file", "version", "platform", "sha256", "keyId", "signedAt", "installedVersion", "newer", "forThisSystem"};
exit code 1, with the reason, when the file must not be installed.`

/** trustedKeys: the publisher keys built into this version (tests pass their own). */
export function updateCommandWith(trustedKeys: readonly string[]): Command {
  const verify: Command = async (args) => {
    const { positionals } = parseFlags({ args, allowPositionals: true, options: {} })
    if (positionals.length !== 1) throw new UsageError('update verify needs exactly one FILE')
    printJson(verifyUpdate(resolve(positionals[0]), trustedKeys))
  }
  return subcommands('update', { verify }, UPDATE_USAGE)
}

export const updateCommand = updateCommandWith(PUBLISHER_KEYS)
