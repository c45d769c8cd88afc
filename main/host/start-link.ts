/**
 * Starts the station's link to its counterparts once its API is up, and says where the counterpart can reach it.
 * A port the officer asked for must be had; the default one, when busy, leaves the station dialling out only.
 */
import type { LinkStatus } from '../../preload/api'
import type { ConnectionState, Station } from '../core/station'
import { DEFAULT_SYNC_PORT } from '../core/sync/link-service'

export interface LinkOptions {
  syncHost: string
  /** null: the default port, not insisted on. */
  syncPort: number | null
}

/** host:port as an officer types it into the counterpart's pairing, IPv6 in brackets. */
export const formatSyncAddress = ({ host, port }: { host: string; port: number }): string =>
  host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`

/** Returns the address the link listens on, or null when it only dials out. */
export async function startLink(station: Station, options: LinkOptions, self: ConnectionState, warn: (message: string) => void): Promise<string | null> {
  const port = options.syncPort ?? DEFAULT_SYNC_PORT
  await station.startLink({ host: options.syncHost, port })
  const reply = await station.dispatch('link.status', {}, self)
  if (!reply.ok) throw new Error(`the link did not start: ${reply.error.message}`)
  const { listening, listenError } = reply.value as LinkStatus
  if (listening) return formatSyncAddress(listening)
  const why = listenError ?? `cannot listen on ${formatSyncAddress({ host: options.syncHost, port })}`
  if (options.syncPort !== null) {
    // The core's message goes on to say the station still dials out; that is not so when we give up here.
    throw new Error(`--sync-port ${port}: ${why.split(/(?<=\))\.\s/)[0]}; pick another port, or --sync-port 0 for any free port`)
  }
  warn(`warning: ${why}`)
  return null
}
