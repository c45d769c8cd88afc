/**
 * Headers on every response of the station host. The Content-Security-Policy is the one the renderer
 * declares in its index.html meta tag — one source of truth for Electron and the browser — plus the
 * directives a meta tag cannot carry (frame-ancestors), so no other page can frame the case log.
 */

/** Used only if the built index.html declares no policy: deny everything that is not our own origin. */
const BASELINE_CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"

/** The content of the <meta http-equiv="Content-Security-Policy"> tag, or null if there is none. */
export function cspFromHtml(html: string): string | null {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    if (!/http-equiv\s*=\s*["']?content-security-policy["']?/i.test(tag)) continue
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag)
    if (content) return (content[1] ?? content[2]).trim()
  }
  return null
}

export function securityHeaders(indexHtml: string | null): Record<string, string> {
  const policy = (indexHtml && cspFromHtml(indexHtml)) || BASELINE_CSP
  const directives = policy.replace(/;\s*$/, '')
  return {
    'Content-Security-Policy': /frame-ancestors/i.test(directives) ? directives : `${directives}; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin'
  }
}
