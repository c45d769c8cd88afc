/** The two offices of the reliability runs: complete stations in this process, linked over real mutual TLS. */
import type { StationIdentityInput } from '../../../preload/schemas/station'
import { openStation, systemConnection, type Station } from '../../../main/core/station'
import type { SyncEngineOptions } from '../../../main/core/sync/sync-engine'
import type { Caller } from './workload'
import { must } from './workload'

export const THAI_OFFICE = { name: 'Chiang Khong BLO', country: 'TH', crossing: 'Chiang Khong – Houayxay' }
export const LAO_OFFICE = { name: 'Houayxay BLO', country: 'LA', crossing: 'Houayxay – Chiang Khong' }

export interface Office {
  dir: string
  id: string
  /** Where this station listens for its counterpart. */
  port: number
  station: Station
  call: Caller
  /** What the station logged (its refusals, its errors). */
  logs: string[]
  close(): Promise<void>
}

export async function openOffice(
  dir: string,
  identity: StationIdentityInput,
  link: SyncEngineOptions = {},
  user = 'reliability'
): Promise<Office> {
  const logs: string[] = []
  const station = openStation({
    dataDir: dir,
    init: identity,
    link,
    log: (message, error) => logs.push(`${message}${error instanceof Error ? `: ${error.message}` : ''}`)
  })
  const connection = systemConnection(user)
  const call: Caller = (method, input) => station.dispatch(method, input, connection)
  try {
    await station.startLink({ host: '127.0.0.1', port: 0 })
    const status = await must(call, 'link.status', {})
    return { dir, id: status.stationId, port: status.listening!.port, station, call, logs, close: () => station.close() }
  } catch (error) {
    await station.close()
    throw error
  }
}

/** Pairs a and b; each dials the other at the address given (a proxy in front of it, or its own port). */
export async function pair(a: Office, b: Office, addresses: { aDialsB: string; bDialsA: string }): Promise<void> {
  await must(a.call, 'counterparts.add', { stationId: b.id, address: addresses.aDialsB, name: 'counterpart' })
  await must(b.call, 'counterparts.add', { stationId: a.id, address: addresses.bDialsA, name: 'counterpart' })
}
