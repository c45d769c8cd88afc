/** `blo audit verify`: checks the hash chain of a station's audit trail, read-only, even while the station runs. */
import { join } from 'node:path'
import { DATABASE_FILE } from '../core/db/database-file'
import { dataDirFlag, parseFlags } from './flags'
import { printJson } from './output'
import { subcommands } from './subcommands'

export const AUDIT_USAGE = `Usage: blo audit verify --data DIR [--json]

Checks every entry of the station's audit trail: each must hold the hash of the one before, and its content must
still give its own hash. Opens the database read-only (works while the station runs, and on a copied folder).

  Prints "intact" and the number of entries, or names the first entry that does not verify and why:
  content_changed (edited after it was written), chain_broken (rewritten or replaced), entry_missing (removed),
  entry_added (added outside the station).
  --json   prints {"intact", "verified", "head": {"id", "hash"}, "failure": {"entryId", "reason", "message"} | null}
Exit code 0 when intact, 1 when not (or when the folder holds no station).`

async function verify(args: string[]): Promise<void> {
  const { values } = parseFlags({ args, options: { data: { type: 'string' }, json: { type: 'boolean' } } })
  const { verifyAuditFile } = await import('../core/audit/audit-file')
  const result = verifyAuditFile(join(dataDirFlag(values.data), DATABASE_FILE))
  if (values.json) printJson(result)
  if (result.failure) throw new Error(`the audit trail is NOT intact: ${result.failure.message}`)
  if (!values.json) {
    const last = result.head ? `, the last is entry ${result.head.id} (hash ${result.head.hash})` : ''
    process.stdout.write(`intact: ${result.verified} entries verified${last}\n`)
  }
}

export const auditCommand = subcommands('audit', { verify }, AUDIT_USAGE)
