import { openStation, systemConnection, type Station, type StationOptions } from '../../main/core/station'
import type { MethodInput, MethodName, MethodOutput } from '../../preload/api'

export const OFFICER = 'Sgt. Somchai'
/** Most tests call as a local tool does (a system connection, recorded under OFFICER); tests of roles sign in for real. */
export const officer = systemConnection(OFFICER)

export const CHIANG_KHONG = { name: 'Chiang Khong BLO', country: 'TH', crossing: 'Chiang Khong – Houayxay' }

export function openTestStation(dataDir: string, options: Partial<StationOptions> = {}): Station {
  return openStation({ dataDir, init: CHIANG_KHONG, log: () => undefined, ...options })
}

/** Calls the station as a screen would, and fails the test with the station's own message if it refuses. */
export async function call<M extends MethodName>(station: Station, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const reply = await station.dispatch(method, input, officer)
  if (!reply.ok) throw new Error(`${method}: ${reply.error.code}: ${reply.error.message}`)
  return reply.value as MethodOutput<M>
}

export const methCase = {
  occurredAt: '2026-11-20T08:30:00+07:00',
  category: 'narcotics',
  location: 'Friendship Bridge 4',
  summary: 'ตรวจพบยาบ้าซุกซ่อนในรถกระบะ',
  items: [{ commodity: 'methamphetamine tablets', quantity: 120000, unit: 'tablets' }]
} satisfies MethodInput<'cases.create'>

/** Pairs a counterpart that never answers (nothing listens on port 9): shares and alerts need one to go to. */
export async function pairSilentCounterpart(station: Station, id: string, name = 'Houayxay BLO'): Promise<void> {
  await call(station, 'counterparts.add', { stationId: id, address: '127.0.0.1:9', name })
}
