/** `blo bundle …`: exchange with a counterpart by a file on removable media, for stations with no link. */
import { resolve } from 'node:path'
import { dataDirFlag, parseFlags, requiredFlag, UsageError } from './flags'
import { printCall } from './station-connection'
import { subcommands } from './subcommands'
import { BUNDLE_USAGE } from './usage'

const DATA = { data: { type: 'string' }, json: { type: 'boolean' } } as const

async function exportBundle(args: string[]): Promise<void> {
  const { values } = parseFlags({ args, options: { ...DATA, to: { type: 'string' }, out: { type: 'string' }, full: { type: 'boolean' } } })
  const input = {
    to: requiredFlag('bundle export', 'to', values.to),
    path: resolve(requiredFlag('bundle export', 'out', values.out)),
    full: values.full ?? false
  }
  await printCall(dataDirFlag(values.data), 'bundles.export', input)
}

/** The one FILE of inspect and import, made absolute: the station may run in another working folder. */
function bundleFile(command: string, positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError(`bundle ${command} needs exactly one FILE (the bundle)`)
  return resolve(positionals[0])
}

async function inspect(args: string[]): Promise<void> {
  const { values, positionals } = parseFlags({ args, allowPositionals: true, options: DATA })
  await printCall(dataDirFlag(values.data), 'bundles.inspect', { file: bundleFile('inspect', positionals) })
}

async function importBundle(args: string[]): Promise<void> {
  const { values, positionals } = parseFlags({ args, allowPositionals: true, options: DATA })
  await printCall(dataDirFlag(values.data), 'bundles.import', { file: bundleFile('import', positionals) })
}

async function history(args: string[]): Promise<void> {
  const { values } = parseFlags({ args, options: { ...DATA, peer: { type: 'string' } } })
  await printCall(dataDirFlag(values.data), 'bundles.history', values.peer === undefined ? {} : { peer: values.peer })
}

export const bundleCommand = subcommands('bundle', { export: exportBundle, inspect, import: importBundle, history }, BUNDLE_USAGE)
