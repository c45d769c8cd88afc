/** `blo init`: gives an empty data folder its station identity, then reports it as station.info does. */
import { dataDirFlag, parseFlags, requiredFlag } from './flags'
import { assertNoRunningStation, printCall } from './station-connection'

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
  const name = requiredFlag('init', 'name', values.name)
  const country = requiredFlag('init', 'country', values.country)
  const dataDir = dataDirFlag(values.data)
  await assertNoRunningStation(dataDir, 'init')
  const { initStation } = await import('../core/station')
  await initStation({ dataDir, identity: { name, country, crossing: values.crossing } })
  await printCall(dataDir, 'station.info', {})
}
