import { join } from 'node:path'
import type { WebSocket } from 'ws'
import { openDatabase } from '../../main/core/db/open-database'
import { ensureStationIdentity, type StationIdentity } from '../../main/core/identity/station-identity'
import type { Station } from '../../main/core/station'
import { decodeFrame, encodeFrame, Kind, type Frame } from '../../main/core/sync/frames'
import { dialPeer } from '../../main/core/sync/tls-transport'
import { call, openTestStation } from './station'

const isData = (frame: Frame) => frame.kind === Kind.step2 || frame.kind === Kind.update

/**
 * Sends frames to a station as its paired peer, on a link opened with dialPeer, and resolves once the station
 * has handled every document update among them: it acknowledges each one, applied or refused, in order.
 * (A ping is no barrier: the station answers it the moment it reads it, ahead of earlier frames.)
 */
export function sendHandled(ws: WebSocket, frames: Frame[]): Promise<void> {
  let waiting = frames.filter(isData).length
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      ws.off('message', onMessage)
      ws.off('close', onClose)
      if (error) reject(error)
      else resolve()
    }
    const onMessage = (data: Buffer) => {
      const decoded = decodeFrame(new Uint8Array(data))
      if (decoded.ok && decoded.frame.kind === Kind.ack && --waiting === 0) done()
    }
    const onClose = () => done(new Error(`the station closed the link with ${waiting} updates unacknowledged`))
    ws.on('message', onMessage)
    ws.on('close', onClose)
    for (const frame of frames) ws.send(encodeFrame(frame))
    if (waiting === 0) done()
  })
}

export interface RawPeerSetup {
  station: Station
  /** The counterpart's identity: paired with the station, so it may dial it and speak frames of its own making. */
  peer: StationIdentity
  /** Opens a mutual-TLS link to the station as the peer. */
  dial(): Promise<WebSocket>
}

/** A station listening on loopback, paired with a counterpart that exists only as an identity (made in peerDir). */
export async function stationWithRawPeer(dir: string, peerDir: string, open: Station[]): Promise<RawPeerSetup> {
  const station = openTestStation(dir, { link: { backoffBaseMs: 50, backoffMaxMs: 200 } })
  open.push(station)
  await station.startLink({ host: '127.0.0.1', port: 0 })
  const port = (await call(station, 'link.status', {})).listening!.port
  const { stationId } = await call(station, 'link.station', {})
  const peerDb = openDatabase(join(peerDir, 'station.db'))
  const peer = await ensureStationIdentity(peerDb, { name: 'Houayxay BLO', country: 'LA' })
  peerDb.close()
  // The station never reaches the peer (port 9 is discard): only the peer's own dials carry frames.
  await call(station, 'counterparts.add', { stationId: peer.stationId, address: '127.0.0.1:9', name: 'Houayxay BLO' })
  const dial = async () => {
    const { ws } = await dialPeer({ address: `127.0.0.1:${port}`, expectedStationId: stationId, identity: peer })
    ws.binaryType = 'nodebuffer'
    return ws
  }
  return { station, peer, dial }
}
