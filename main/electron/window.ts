/** The one station window: an office screen of 1366×768 is the design size, smaller is refused. */
import { app, BrowserWindow } from 'electron'
import { join } from 'node:path'
import { APP_ENTRY_URL } from './app-url'
import { MIN_SIZE, type WindowPlacement } from './window-bounds'

export function createMainWindow(preloadPath: string, placement: WindowPlacement): BrowserWindow {
  const win = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // An installed app has no developer tools: nobody at the office desk can script the station through them.
      devTools: !app.isPackaged
    }
  })
  win.once('ready-to-show', () => {
    if (placement.maximized) win.maximize()
    win.show()
  })
  void win.loadURL(APP_ENTRY_URL)
  return win
}

/** Brings the existing window forward, e.g. when the officer launches the app a second time. */
export function focusWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore()
  win.show()
  win.focus()
}

/** Where electron-vite puts the bundles, relative to the built main entry (out/main/index.js). */
export function builtPaths(mainDir: string): { preload: string; renderer: string } {
  return { preload: join(mainDir, '../preload/index.js'), renderer: join(mainDir, '../renderer') }
}
