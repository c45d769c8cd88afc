import { join } from 'node:path'
import { WebSocket, WebSocketServer } from 'ws'
import type { AddressInfo } from 'node:net'
import { openDatabase } from '../../main/core/db/open-database'
import { parseDocName } from '../../main/core/docs/doc-names'
import { DocStore } from '../../main/core/docs/doc-store'
import { PeerSession, type LinkMemory, type SessionOptions } from '../../main/core/sync/peer-session'

export interface Side {
  id: string
  store: DocStore
  memory: LinkMemory
  refusals: string[]
  session: PeerSession | null
  close(): void
}

export function openSide(dir: string, id: string): Side {
  const db = openDatabase(join(dir, 'station.db'))
  const store = new DocStore(db)
  return {
    id,
    store,
    memory: { outgoing: new Map(), incoming: new Map(), peerDocs: new Map() },
    refusals: [],
    session: null,
    close() {
      this.session?.close('test over')
      store.close()
      db.close()
    }
  }
}

/** A document the given peer may write: its own documents and shared plans. */
export const writableBy = (peer: string) => (name: string) => {
  const info = parseDocName(name)
  return info && (info.owner === peer || info.owner === null) ? info : null
}

/**
 * Connects two sides over a real WebSocket on loopback (no TLS: the sessions are what is tested here).
 * Resolves once both sessions are running; `cut()` drops the socket like a failing link, and resolves once both
 * sockets have closed (and with them both sessions).
 */
export async function connect(a: Side, b: Side, options: Partial<SessionOptions> = {}, via?: (port: number) => Promise<number>) {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise((resolve) => server.once('listening', resolve))
  const port = (server.address() as AddressInfo).port
  const serverSide = new Promise<WebSocket>((resolve) => server.once('connection', resolve))
  const client = new WebSocket(`ws://127.0.0.1:${via ? await via(port) : port}`)
  client.binaryType = 'nodebuffer'
  await new Promise((resolve, reject) => {
    client.once('open', resolve)
    client.once('error', reject)
  })
  const serverSocket = await serverSide

  const attach = (side: Side, peer: Side, ws: WebSocket) => {
    const session = new PeerSession(
      { send: (f) => ws.readyState === ws.OPEN && ws.send(f), close: () => ws.terminate() },
      {
        store: side.store,
        memory: side.memory,
        sharedDocs: () => side.store.list(),
        sharedDoc: (name) => side.store.info(name),
        writableByPeer: writableBy(peer.id),
        log: (kind, detail) => side.refusals.push(`${kind}: ${detail}`),
        onChange: () => undefined,
        options
      }
    )
    ws.on('message', (data: Buffer) => session.receive(new Uint8Array(data)))
    ws.on('close', () => session.close('socket closed'))
    side.session = session
    return session
  }
  const sa = attach(a, b, client)
  const sb = attach(b, a, serverSocket)
  sa.start()
  sb.start()
  const socketClosed = (ws: WebSocket) => new Promise<void>((resolve) => (ws.readyState === ws.CLOSED ? resolve() : ws.once('close', () => resolve())))
  return {
    async cut() {
      client.terminate()
      serverSocket.terminate()
      await Promise.all([socketClosed(client), socketClosed(serverSocket)])
    },
    async close() {
      client.terminate()
      await new Promise((resolve) => server.close(resolve))
    }
  }
}
