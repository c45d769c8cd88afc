import type { LinkStatus } from '../../../../preload/api'

/** Listening on every interface: the address to give is whichever of this machine's faces the counterpart. */
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]'])

export type StationAddress =
  | { kind: 'exact'; text: string }
  | { kind: 'anyInterface'; port: number }
  | { kind: 'notListening'; reason: string | null }

/** host:port as the counterpart types it into its pairing form (IPv6 in brackets, as the station writes it). */
export function stationAddress(status: LinkStatus): StationAddress {
  const { listening } = status
  if (!listening) return { kind: 'notListening', reason: status.listenError }
  if (WILDCARD_HOSTS.has(listening.host)) return { kind: 'anyInterface', port: listening.port }
  const host = listening.host.includes(':') ? `[${listening.host}]` : listening.host
  return { kind: 'exact', text: `${host}:${listening.port}` }
}
