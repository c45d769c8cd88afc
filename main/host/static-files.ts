/**
 * Serves the built renderer (out/renderer) read-only: GET/HEAD of files inside the root and nothing else.
 * Hashed assets are cached for good; everything else is revalidated so a rebuilt UI shows up on reload.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf'
}

/** Vite names everything under assets/ by content hash, so a name never changes meaning. */
const IMMUTABLE = 'public, max-age=31536000, immutable'
const REVALIDATE = 'no-cache'

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void

/** Maps a request path to a file under root, or null when it would leave root or cannot be decoded. */
export function resolveInside(root: string, requestPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(requestPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const wanted = decoded.endsWith('/') ? `${decoded}index.html` : decoded
  const file = resolve(root, `.${sep}${wanted}`)
  const inside = relative(root, file)
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? null : file
}

export function createStaticSite(root: string, headers: Record<string, string>): RequestHandler {
  const send = (res: ServerResponse, status: number, body: string, extra: Record<string, string> = {}): void => {
    res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': REVALIDATE, ...extra })
    res.end(body)
  }

  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' })
    const path = new URL(req.url ?? '/', 'http://host.invalid').pathname
    const file = resolveInside(root, path)
    if (!file) return send(res, 404, 'Not Found\n')

    stat(file).then(
      (info) => {
        if (!info.isFile()) return send(res, 404, 'Not Found\n')
        const inAssets = relative(root, file).split(sep)[0] === 'assets'
        res.writeHead(200, {
          ...headers,
          'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Length': String(info.size),
          'Cache-Control': inAssets ? IMMUTABLE : REVALIDATE
        })
        if (req.method === 'HEAD') return res.end()
        createReadStream(file)
          .on('error', () => res.destroy())
          .pipe(res)
      },
      () => send(res, 404, 'Not Found\n')
    )
  }
}
