/**
 * The Electron shell cannot be launched in CI (no runtime download), so its security settings are
 * checked in the source: a change that weakens one of them fails here before anyone ships it.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, isAppUrl, rendererFile } from '../../main/electron/app-url'

const root = join(__dirname, '..', '..')
const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1')
const read = (file: string) => withoutComments(readFileSync(join(root, file), 'utf8'))

const shellDir = join('main', 'electron')
const shellFiles = readdirSync(join(root, shellDir)).filter((name) => name.endsWith('.ts'))
const shell = Object.fromEntries(shellFiles.map((name) => [name, read(join(shellDir, name))]))
const allShell = Object.values(shell).join('\n')
const preload = read(join('preload', 'index.ts'))

describe('Electron window', () => {
  const windowSource = shell['window.ts']

  it('keeps the renderer isolated and sandboxed in every window it creates', () => {
    const windows = allShell.match(/new BrowserWindow\(/g) ?? []
    expect(windows).toHaveLength(1)
    for (const setting of [/contextIsolation:\s*true/, /sandbox:\s*true/, /nodeIntegration:\s*false/, /webSecurity:\s*true/]) {
      expect(windowSource).toMatch(setting)
    }
    expect(windowSource).toMatch(/webviewTag:\s*false/)
    expect(windowSource).toMatch(/preload:/)
  })

  it('never weakens a setting anywhere in the shell', () => {
    for (const weak of [
      /contextIsolation:\s*false/,
      /sandbox:\s*false/,
      /nodeIntegration(InSubFrames|InWorker)?:\s*true/,
      /webSecurity:\s*false/,
      /allowRunningInsecureContent:\s*true/,
      /webviewTag:\s*true/,
      /loadURL\(\s*['"`]https?:/
    ]) {
      expect(allShell).not.toMatch(weak)
    }
  })

  it('sandboxes every renderer process', () => {
    expect(allShell).toMatch(/app\.enableSandbox\(\)/)
  })
})

describe('content and navigation', () => {
  const security = shell['security.ts']

  it('sends a strict Content-Security-Policy header on every response', () => {
    expect(security).toMatch(/onHeadersReceived\(/)
    expect(security).toMatch(/['"]Content-Security-Policy['"]:\s*\[CONTENT_SECURITY_POLICY\]/)
    const policy = /CONTENT_SECURITY_POLICY = \[([\s\S]*?)\]\.join/.exec(security)?.[1] ?? ''
    expect(policy).toContain(`"default-src 'none'"`)
    expect(policy).toContain(`"script-src 'self'"`)
    expect(policy).toContain(`"object-src 'none'"`)
    expect(policy).not.toMatch(/unsafe-eval|script-src[^"]*unsafe-inline|\*/)
  })

  it('blocks navigation away from our pages, new windows and webviews on every web contents', () => {
    expect(security).toMatch(/on\('web-contents-created'[^)]*\)\s*=>\s*hardenWebContents\(/)
    expect(security).toMatch(/on\('will-navigate',[\s\S]{0,80}preventDefault\(\)/)
    expect(security).toMatch(/on\('will-attach-webview',[\s\S]{0,80}preventDefault\(\)/)
    expect(security).toMatch(/setWindowOpenHandler\(\(\)\s*=>\s*\(\{\s*action:\s*'deny'\s*\}\)\)/)
  })

  it('grants no permission requests or checks', () => {
    expect(security).toMatch(/setPermissionRequestHandler\(\([^)]*callback\)\s*=>\s*callback\(false\)\)/)
    expect(security).toMatch(/setPermissionCheckHandler\(\(\)\s*=>\s*false\)/)
  })

  it('serves the renderer through our scheme, resolved by rendererFile', () => {
    expect(security).toMatch(/protocol\.handle\(APP_SCHEME,[\s\S]{0,120}rendererFile\(rendererDir, request\.url\)/)
  })
})

describe('our own pages (app-url)', () => {
  const dir = join(root, 'out', 'renderer')

  it('recognises only blo://app/ addresses', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true)
    expect(isAppUrl('blo://app/assets/index.js')).toBe(true)
    for (const other of ['blo://evil/index.html', 'https://app/index.html', 'file:///index.html', 'blo:app', 'not a url', '']) {
      expect(isAppUrl(other)).toBe(false)
    }
  })

  it('maps app addresses to files inside the renderer folder and nothing else', () => {
    expect(rendererFile(dir, APP_ENTRY_URL)).toBe(join(dir, 'index.html'))
    expect(rendererFile(dir, 'blo://app/assets/a%20b.js')).toBe(join(dir, 'assets', 'a b.js'))
    // The URL parser already folds dot segments, so this one stays inside the folder.
    expect(rendererFile(dir, 'blo://app/%2e%2e/%2e%2e/etc/passwd')).toBe(join(dir, 'etc', 'passwd'))
    for (const escape of [
      'blo://app/',
      'blo://app/..%2f..%2fetc%2fpasswd',
      'blo://app/%E0%A4%A',
      'blo://other/index.html',
      'file:///etc/passwd'
    ]) {
      expect(rendererFile(dir, escape)).toBeNull()
    }
  })
})

describe('IPC', () => {
  const ipc = shell['ipc.ts']

  it('serves calls only from our own window, main frame and page', () => {
    expect(ipc).toMatch(/event\.senderFrame/)
    expect(ipc).toMatch(/event\.sender\.id !== win\.webContents\.id/)
    expect(ipc).toMatch(/frame\.routingId === main\.routingId/)
    expect(ipc).toMatch(/isAppUrl\(frame\.url\)/)
    // Every channel main serves (the station's API and the shell's own services) checks its sender first.
    const handlers = [...allShell.matchAll(/ipcMain\.(handle|on)\(/g)]
    expect(handlers.map((m) => m[0])).toEqual(['ipcMain.handle(', 'ipcMain.handle('])
    expect(ipc.match(/ipcMain\.handle\(/g)).toHaveLength(2)
    for (const handler of ipc.split(/ipcMain\.handle\(/).slice(1)) {
      const body = handler.split('\n').slice(1, 2).join('\n')
      expect(body).toMatch(/^\s+if \(!isOwnMainFrame\(win, event\)\) return refused\('forbidden'/)
    }
  })

  it('opens file dialogs and restarts only for a signed-in administrator, with a checked request', () => {
    const ipc = shell['ipc.ts']
    const desktop = ipc.slice(ipc.indexOf('ipcMain.handle(DESKTOP_CHANNEL'))
    expect(desktop.indexOf('DesktopRequest.safeParse(request)')).toBeGreaterThan(-1)
    expect(desktop.indexOf('station.admits(DESKTOP_ACCESS[parsed.data.action], connection)')).toBeGreaterThan(desktop.indexOf('safeParse'))
    expect(desktop.indexOf('station.admits(')).toBeLessThan(desktop.indexOf('desktop.serve('))
    // Dialogs are opened only in the shell's services, for the purposes the request schema allows.
    const dialogUsers = Object.entries(shell).filter(([, source]) => /dialog\.showOpenDialog\(/.test(source)).map(([name]) => name)
    expect(dialogUsers).toEqual(['desktop-services.ts'])
  })

  it('starts an installer only from the checked plan, in one place', () => {
    const spawners = Object.entries(shell).filter(([, source]) => /\bspawn\(|\bexec(File)?\(/.test(source)).map(([name]) => name)
    expect(spawners).toEqual(['update-install.ts'])
    const install = shell['update-install.ts']
    for (const call of install.match(/spawn\([^)]*\)/g) ?? []) expect(call).toMatch(/^spawn\(plan\.command, plan\.args,/)
  })
})

describe('preload', () => {
  it('exposes only the name-checked bridge', () => {
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1)
    expect(preload).toMatch(/exposeInMainWorld\('blo', bridge\)/)
    expect(preload).toMatch(/!knownMethods\.has\(method\)/)
    expect(preload).toMatch(/!knownEvents\.has\(event\)/)
    const imports = [...preload.matchAll(/from '([^']+)'/g)].map((m) => m[1]).sort()
    expect(imports).toEqual(['./api', './ipc-channels', 'electron'])
  })

  it('checks the name before anything is sent to main', () => {
    const invoke = /invoke\(method, input\) \{([\s\S]*?)\n {2}\},/.exec(preload)?.[1] ?? ''
    expect(invoke.indexOf('knownMethods.has')).toBeGreaterThan(-1)
    expect(invoke.indexOf('knownMethods.has')).toBeLessThan(invoke.indexOf('ipcRenderer.invoke'))
  })
})
