/** The station host's and CLI's pure parts: where data lives, flags, the token check, the UI folder guard, the CSP. */
import { join, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dataDirFlag, integerFlag, parseFlags, UsageError } from '../../main/cli/flags'
import { defaultDataDir } from '../../main/core/data-dir'
import { createAccessToken, tokenMatches } from '../../main/host/access-token'
import { parseHostArgs } from '../../main/host/host-args'
import { cspFromHtml, securityHeaders } from '../../main/host/security-headers'
import { resolveInside } from '../../main/host/static-files'

describe('default data folder', () => {
  it('is where Electron puts userData for "BLO Station" on each platform', () => {
    expect(defaultDataDir({ platform: 'linux', env: {}, home: '/home/somchai' })).toBe(join('/home/somchai', '.config', 'BLO Station'))
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/cfg' }, home: '/home/somchai' })).toBe(join('/cfg', 'BLO Station'))
    expect(defaultDataDir({ platform: 'darwin', env: {}, home: '/Users/som' })).toBe(join('/Users/som', 'Library', 'Application Support', 'BLO Station'))
    expect(defaultDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\som\\AppData\\Roaming' }, home: 'C:\\Users\\som' })).toBe(
      join('C:\\Users\\som\\AppData\\Roaming', 'BLO Station')
    )
  })
})

describe('flags', () => {
  it('turns parse errors into one-line usage errors', () => {
    expect(() => parseFlags({ args: ['--nope'], options: {} })).toThrow(new UsageError("Unknown option '--nope'"))
    expect(() => parseFlags({ args: ['--port'], options: { port: { type: 'string' } } })).toThrow(UsageError)
    expect(() => integerFlag('port', '80x', 0, 65535)).toThrow("--port must be a whole number from 0 to 65535, got '80x'")
    expect(() => integerFlag('port', '70000', 0, 65535)).toThrow(UsageError)
    expect(integerFlag('port', '0', 0, 65535)).toBe(0)
    expect(() => dataDirFlag('  ')).toThrow('--data must name a folder')
  })

  it('reads the host flags, with an absolute data folder and port 0 by default', () => {
    expect(parseHostArgs(['--data', 'rel/dir', '--demo'])).toEqual({
      dataDir: join(process.cwd(), 'rel/dir'),
      port: 0,
      syncPort: null,
      syncHost: '0.0.0.0',
      demo: true,
      help: false
    })
    expect(parseHostArgs(['--port', '8080']).port).toBe(8080)
    expect(parseHostArgs([]).dataDir).toBe(defaultDataDir())
  })

  it('reads where to listen for the counterpart: an IP address, and a port only when asked for', () => {
    expect(parseHostArgs(['--sync-port', '0', '--sync-host', '127.0.0.1'])).toMatchObject({ syncPort: 0, syncHost: '127.0.0.1' })
    expect(parseHostArgs(['--sync-port', '47471', '--sync-host', '[::1]'])).toMatchObject({ syncPort: 47471, syncHost: '::1' })
    expect(() => parseHostArgs(['--sync-port', '65536'])).toThrow('--sync-port must be a whole number from 0 to 65535')
    expect(() => parseHostArgs(['--sync-host', 'bridge4.example'])).toThrow(UsageError)
    expect(() => parseHostArgs(['--sync-host', '10.0.0.300'])).toThrow("--sync-host must be an IP address of this machine (e.g. 0.0.0.0, 192.0.2.10 or ::), got '10.0.0.300'")
  })
})

describe('access token', () => {
  it('is 256 random bits, base64url, and only the exact token matches', () => {
    const token = createAccessToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(createAccessToken()).not.toBe(token)
    expect(tokenMatches(token, token)).toBe(true)
    for (const wrong of [null, undefined, '', token.slice(1), `${token}x`, token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase()]) {
      expect(tokenMatches(token, wrong)).toBe(false)
    }
  })
})

describe('UI folder guard', () => {
  const root = join(sep, 'srv', 'renderer')
  it('maps request paths to files inside the folder only', () => {
    expect(resolveInside(root, '/')).toBe(join(root, 'index.html'))
    expect(resolveInside(root, '/assets/a.js')).toBe(join(root, 'assets', 'a.js'))
    expect(resolveInside(root, '/assets/')).toBe(join(root, 'assets', 'index.html'))
    for (const escape of ['/..', '/../x', '/..%2fx', '/assets/..%2F..%2Fx', '/%2e%2e/x', '/a%00.js', '/%E0%A4%A', '/..\\x']) {
      const file = resolveInside(root, escape)
      if (file !== null) expect(file.startsWith(root + sep), escape).toBe(true)
    }
  })
})

describe('security headers', () => {
  it("carry the renderer's own CSP plus frame-ancestors, and a strict baseline without one", () => {
    const html = `<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'self' ws://127.0.0.1:*" /></head>`
    expect(cspFromHtml(html)).toBe("default-src 'self'; connect-src 'self' ws://127.0.0.1:*")
    expect(securityHeaders(html)['Content-Security-Policy']).toBe("default-src 'self'; connect-src 'self' ws://127.0.0.1:*; frame-ancestors 'none'")
    expect(securityHeaders(null)['Content-Security-Policy']).toMatch(/^default-src 'self';.*frame-ancestors 'none'$/)
    expect(securityHeaders(null)['X-Content-Type-Options']).toBe('nosniff')
  })
})
