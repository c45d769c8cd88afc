/**
 * Boot order of the desktop app: scheme and guards before ready, then the station, the session rules,
 * the menu, the window and the IPC binding. One instance per user: a second launch focuses the first.
 */
import { app, dialog, type BrowserWindow } from 'electron'
import { userInfo } from 'node:os'
import { defaultDataDir } from '../core/data-dir'
import { openStation, StationNotInitialisedError, type Station, type StationOptions } from '../core/station'
import { DEFAULT_IDENTITY } from '../host/first-run'
import { bindStationIpc } from './ipc'
import { installMenu } from './menu'
import { electronSqliteBinding } from './native-binding'
import { hardenSession, installSecurityGuards, registerAppScheme, serveRenderer } from './security'
import { builtPaths, createMainWindow, focusWindow } from './window'

const log = (message: string, error?: unknown): void => console.error(`[station] ${message}`, error ?? '')

/** A fresh data folder gets the same plain identity the station host gives it, so both open the same station. */
function openDesktopStation(options: StationOptions): Station {
  try {
    return openStation(options)
  } catch (error) {
    if (!(error instanceof StationNotInitialisedError)) throw error
    return openStation({ ...options, init: DEFAULT_IDENTITY })
  }
}

function openDesktop(mainDir: string): BrowserWindow {
  const station = openDesktopStation({
    dataDir: defaultDataDir(),
    nativeBinding: electronSqliteBinding(app.getAppPath()),
    log
  })
  const paths = builtPaths(mainDir)
  hardenSession()
  serveRenderer(paths.renderer)
  installMenu()
  const win = createMainWindow(paths.preload)
  const unbind = bindStationIpc(win, station, { user: userInfo().username })
  app.once('will-quit', () => {
    unbind()
    station.close()
  })
  return win
}

/** mainDir: the folder of the built entry (out/main), where the preload and renderer bundles are found. */
export function startDesktop(mainDir: string): void {
  registerAppScheme()
  installSecurityGuards()
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  let win: BrowserWindow | undefined
  app.on('second-instance', () => {
    if (win && !win.isDestroyed()) focusWindow(win)
  })
  app.on('window-all-closed', () => app.quit())
  app
    .whenReady()
    .then(() => openDesktop(mainDir))
    .then((opened) => {
      win = opened
    })
    .catch((error: unknown) => {
      // Before the window exists there is nowhere else to tell the officer (a busy or corrupt data folder, a missing binding).
      dialog.showErrorBox(app.getName(), error instanceof Error ? error.message : String(error))
      app.exit(1)
    })
}
