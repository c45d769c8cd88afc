/** How the screens learn whether the station can be reached; the Electron bridge is always connected. */
export type ConnectionState =
  | { status: 'connecting' }
  | { status: 'open' }
  | { status: 'reconnecting'; attempt: number; retryAt: number }

export interface ConnectionMonitor {
  getState(): ConnectionState
  subscribe(listener: () => void): () => void
  /** Skip the backoff wait and try again now. */
  retryNow(): void
}

export const alwaysConnected: ConnectionMonitor = {
  getState: () => OPEN,
  subscribe: () => () => undefined,
  retryNow: () => undefined
}
const OPEN: ConnectionState = { status: 'open' }
