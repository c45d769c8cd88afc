/**
 * Which handler a frame from the peer goes to: a table with one entry per frame kind (the compiler refuses a
 * kind left out), as y-websocket keeps messageHandlers[messageType]. Also which frames skip the inbound queue
 * and which may wait in it together.
 */
import { isData, Kind, type DataFrame, type Frame } from './frames'

/** Data frames to one document that waited together arrive as one batch, in the order sent; any other frame alone. */
type Batch<K extends Frame['kind']> = K extends DataFrame['kind'] ? DataFrame[] : [Frame & { kind: K }]

export type FrameHandlers = { readonly [K in Frame['kind']]: (frames: Batch<K>) => void }

export function dispatchFrames(handlers: FrameHandlers, frames: Frame[]): void {
  // The batch fits its handler's type: batchKeyOf lets only data frames to one document wait together.
  const handler = handlers[frames[0].kind] as (frames: Frame[]) => void
  handler(frames)
}

/** Updates to one document that wait together are handled as one (one transaction); nothing else is merged. */
export const batchKeyOf = ([frame]: Frame[]): string | null => (isData(frame) ? frame.doc : null)

/**
 * Liveness is answered at once, ahead of whatever the peer sent before: it costs nothing, and a peer must not
 * lose the link because its own earlier frames are still being worked off.
 */
export const handledOnArrival = (frame: Frame): boolean => frame.kind === Kind.ping || frame.kind === Kind.pong
