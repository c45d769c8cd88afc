/** The per-start secret that lets only whoever saw the ready line (or the endpoint file) drive the station. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export function createAccessToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Constant-time comparison; hashing first makes both sides the same length so the length does not leak either. */
export function tokenMatches(expected: string, presented: string | null | undefined): boolean {
  if (typeof presented !== 'string') return false
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest()
  return timingSafeEqual(digest(expected), digest(presented))
}
