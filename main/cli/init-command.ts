/** `blo init`: gives an empty data folder its station identity, then reports it as station.info does. */
import { initStation } from '../core/station'
import { dataDirFlag, parseFlags, UsageError } from './flags'
import { printJson, unwrap } from './output'
import { assertNoRunningStation, withStation } from './station-link'

export async function initCommand(args: string[]): Promise<void> {
  const { values } = parseFlags({
    args,
    options: {
      data: { type: 'string' },
      name: { type: 'string' },
      country: { type: 'string' },
      crossing: { type: 'string' }
    }
  })
  for (const flag of ['name', 'country'] as const) {
    if (values[flag] === undefined) throw new UsageError(`init needs --${flag}`)
  }
  const dataDir = dataDirFlag(values.data)
  assertNoRunningStation(dataDir, 'init')
  initStation({ dataDir, identity: { name: values.name!, country: values.country!, crossing: values.crossing } })
  await withStation(dataDir, async (link) => printJson(unwrap(await link.call('station.info', {}))))
}
