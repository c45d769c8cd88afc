/**
 * The station host's HTTP server: loopback only, serving the built renderer and upgrading /api to the
 * WebSocket API. It answers only requests addressed to 127.0.0.1:PORT, so a foreign page that points a
 * DNS name at 127.0.0.1 gets nothing from it.
 */
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import type { Station } from '../core/station'
import { createApiSocket } from './api-socket'
import { securityHeaders } from './security-headers'
import { createStaticSite } from './static-files'

export const LOOPBACK = '127.0.0.1'

export interface StationServerOptions {
  station: Station
  rendererDir: string
  port: number
  token: string
  /** The name local programs presenting the token act under (see ApiSocketOptions.localActor). */
  localActor: string
  log: (message: string) => void
}

export interface StationServer {
  /** http://127.0.0.1:PORT — the page origin, without the token. */
  readonly origin: string
  readonly port: number
  close(): Promise<void>
}

function readIndexHtml(rendererDir: string, log: (message: string) => void): string | null {
  try {
    return readFileSync(join(rendererDir, 'index.html'), 'utf8')
  } catch {
    log(`the UI is not built (no ${join(rendererDir, 'index.html')}): run "npm run build"; serving the API only`)
    return null
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void =>
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${port} on ${LOOPBACK} is already in use; pick another with --port, or --port 0 for any free port`) : error)
    server.once('error', onError)
    server.listen({ host: LOOPBACK, port }, () => {
      server.off('error', onError)
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : port)
    })
  })
}

export async function startStationServer(options: StationServerOptions): Promise<StationServer> {
  const { station, rendererDir, token, localActor, log } = options
  const headers = securityHeaders(readIndexHtml(rendererDir, log))
  const server = createServer()
  const port = await listen(server, options.port)
  const host = `${LOOPBACK}:${port}`
  const origin = `http://${host}`

  const site = createStaticSite(rendererDir, headers)
  const api = createApiSocket({ station, token, origin, host, localActor, log })

  server.on('request', (req, res) => {
    if (req.headers.host !== host) {
      res.writeHead(421, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
      return res.end(`This station answers only at ${origin}/\n`)
    }
    site(req, res)
  })
  server.on('upgrade', (req, socket, head) => api.handleUpgrade(req, socket, head))
  server.on('clientError', (_error, socket) => socket.destroy())

  return {
    origin,
    port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await api.close()
      await closed
    }
  }
}
