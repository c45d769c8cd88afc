/**
 * The address space of our own pages: blo://app/…, served only from the built renderer folder.
 * No electron import, so the rules can be tested in plain Node.
 */
import { isAbsolute, join, relative } from 'node:path'

export const APP_SCHEME = 'blo'
const APP_HOST = 'app'
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** Compared by scheme and host: WHATWG URL gives every non-special scheme the opaque origin "null". */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST
  } catch {
    return false
  }
}

/** The file an app URL names inside rendererDir, or null for anything else (other hosts, escapes, bad encoding). */
export function rendererFile(rendererDir: string, url: string): string | null {
  if (!isAppUrl(url)) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(url).pathname)
  } catch {
    return null
  }
  const file = join(rendererDir, pathname)
  const inside = relative(rendererDir, file)
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? null : file
}
