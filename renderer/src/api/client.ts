import type { BloApi, BloBridge } from '../../../preload/api'
import { createBridgeClient } from './bridge-client'
import { alwaysConnected, type ConnectionMonitor } from './connection'
import { SessionResume } from './session-resume'
import { hostApiUrl, SocketClient } from './socket-client'

declare global {
  interface Window {
    blo?: BloBridge
  }
}

export interface ApiClient {
  api: BloApi
  connection: ConnectionMonitor
  /** The sign-in this tab holds, taken back first thing on every new connection. */
  resume: SessionResume
}

/** Thrown when the page was opened without the host's token, so the screen can say how to open it properly. */
export class MissingTokenError extends Error {
  constructor() {
    super('missing station token')
    this.name = 'MissingTokenError'
  }
}

export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const token = params.get('token')
  return token && token.length > 0 ? token : null
}

/** The one client: Electron's preload bridge when present, otherwise the station host's WebSocket. */
export function createApiClient(): ApiClient {
  const resume = new SessionResume()
  if (window.blo) return { api: createBridgeClient(window.blo, resume.greet), connection: alwaysConnected, resume }
  const token = tokenFromHash(window.location.hash)
  if (!token) throw new MissingTokenError()
  const socket = new SocketClient(hostApiUrl(window.location, token), resume.greet)
  return { api: socket, connection: socket, resume }
}
