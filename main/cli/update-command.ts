/**
 * `blo update verify FILE`: checks an installer or update file against its signature before anyone runs it.
 * `blo update sign FILE --key KEY.pem`: the publisher's side, run from the release checkout (npm run dist does it).
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseFlags, requiredFlag, UsageError } from './flags'
import { printJson } from './output'
import { subcommands, type Command } from './subcommands'

export const UPDATE_USAGE = `Usage: blo update verify FILE
       blo update sign FILE --key KEY.pem [--version X.Y.Z]

Checks an installer (.exe, .deb, .AppImage) brought on a USB stick against its signature FILE.sig: it must be
signed by a BLO Station publisher key built into this version, and be exactly the file that was signed.
Prints {"file", "version", "platform", "sha256", "keyId", "signedAt", "installedVersion", "newer", "forThisSystem"};
exit code 1, with the reason, when the file must not be installed.

sign (publishers only) writes FILE.sig with the Ed25519 private key KEY.pem (openssl genpkey -algorithm ed25519);
the version defaults to this build's. Prints {"signature", "keyId"}; the key's public half must be built into the app.`

/** trustedKeys: the publisher keys built into this version (tests pass their own). */
export function updateCommandWith(trustedKeys: readonly string[]): Command {
  const verify: Command = async (args) => {
    const { positionals } = parseFlags({ args, allowPositionals: true, options: {} })
    if (positionals.length !== 1) throw new UsageError('update verify needs exactly one FILE')
    const { verifyUpdate } = await import('../core/update/update-signature')
    printJson(verifyUpdate(resolve(positionals[0]), trustedKeys))
  }
  const sign: Command = async (args) => {
    const { values, positionals } = parseFlags({ args, allowPositionals: true, options: { key: { type: 'string' }, version: { type: 'string' } } })
    if (positionals.length !== 1) throw new UsageError('update sign needs exactly one FILE')
    let keyPem: string
    try {
      keyPem = readFileSync(resolve(requiredFlag('update sign', 'key', values.key)), 'utf8')
    } catch (error) {
      if (error instanceof UsageError) throw error
      throw new Error(`--key: cannot read the private key (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
    }
    const { publisherKeyId, signUpdate } = await import('../core/update/update-signature')
    const signature = signUpdate(resolve(positionals[0]), keyPem, { version: values.version })
    printJson({ signature, keyId: publisherKeyId(keyPem) })
  }
  return subcommands('update', { verify, sign }, UPDATE_USAGE)
}

export const updateCommand: Command = async (args) =>
  updateCommandWith((await import('../core/update/publisher-keys')).PUBLISHER_KEYS)(args)
