/**
 * Everything that keeps the window a closed box: the blo:// scheme our screens load from,
 * the Content-Security-Policy, and the guards that stop navigation, pop-ups, webviews and permission prompts.
 */
import { app, net, protocol, session, type Session, type WebContents } from 'electron'
import { pathToFileURL } from 'node:url'
import { APP_SCHEME, isAppUrl, rendererFile } from './app-url'

/**
 * The screens come only from our own scheme and talk to main only through the preload bridge,
 * so no network, no frames, no plugins. Fonts and images may be inlined by the bundler as data: URIs.
 * Applied as a response header in addition to the renderer's own meta tag: the stricter of the two wins.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'"
].join('; ')

const WEB_PROTOCOLS = /^(https?|wss?|ftp):/i

/** Must run before the app is ready: a standard, secure scheme gets a real origin, module scripts and fetch. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }
  ])
}

/** Serves the built renderer from rendererDir; nothing outside it, nothing from any other host. */
export function serveRenderer(rendererDir: string): void {
  const notFound = () => new Response('not found', { status: 404 })
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFile(rendererDir, request.url)
    if (!file) return notFound()
    try {
      const response = await net.fetch(pathToFileURL(file).toString())
      const headers = new Headers(response.headers)
      headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
      headers.set('X-Content-Type-Options', 'nosniff')
      return new Response(response.body, { status: response.status, headers })
    } catch {
      return notFound()
    }
  })
}

/** Session-wide rules: CSP on every response, no web requests out, and no permission (camera, geolocation, notifications, devices…) is ever granted. */
export function hardenSession(target: Session = session.defaultSession): void {
  target.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
    })
  })
  // No remote content, whatever a page or a bug asks for: nothing leaves over the web protocols. (The border link
  // is the station's own TLS socket in main, not a web request.)
  target.webRequest.onBeforeRequest((details, callback) => callback({ cancel: WEB_PROTOCOLS.test(details.url) }))
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  target.setPermissionCheckHandler(() => false)
  // USB, HID and serial devices: none, ever (no picker is offered either, as no select-*-device handler exists).
  target.setDevicePermissionHandler(() => false)
}

/** Applied to every web contents Electron creates, so a guard cannot be forgotten on a new window. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

export function installSecurityGuards(): void {
  app.enableSandbox()
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))
}
