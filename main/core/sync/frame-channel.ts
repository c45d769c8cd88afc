/**
 * What a peer session runs over: whole frames out, whole frames in (the carrier hands them to
 * PeerSession.receive). A mutual-TLS WebSocket carries it today; nothing in the session assumes one, so a relay
 * or a file could carry it too.
 */
export interface FrameChannel {
  send(frame: Uint8Array): void
  close(reason: string): void
  /** Stop reading from the peer (TCP then holds it back) until resume(); a channel without them buffers. */
  pause?(): void
  resume?(): void
}
