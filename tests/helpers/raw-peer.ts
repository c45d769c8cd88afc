import type { WebSocket } from 'ws'
import { decodeFrame, encodeFrame, Kind, type Frame } from '../../main/core/sync/frames'

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
