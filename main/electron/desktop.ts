/**
 * Boot order of the desktop app: scheme and guards before ready, then the station, the session rules,
 * the menu, the window, the IPC binding and the tray. One instance per user: a second launch focuses the first;
 * one process per data folder: the station's lock refuses a second one (a station host on the same folder too).
 */
import { app, dialog, type BrowserWindow } from 'electron'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { BACKUPS_DIR } from '../core/backup/migration-backup'
import { defaultDataDir } from '../core/data-dir'
import { DEFAULT_IDENTITY, openStation, systemConnection } from '../core/station'
import { DEFAULT_SYNC_PORT } from '../core/sync/link-service'
import { showAbout } from './about'
import { desktopLabels } from './desktop-labels'
import { desktopServices } from './desktop-services'
import { bindStationIpc } from './ipc'
import { installMenu } from './menu'
import { electronSqliteBinding } from './native-binding'
import { hardenSession, installSecurityGuards, registerAppScheme, serveRenderer } from './security'
import { showLinkInTray } from './tray'
import { desktopInstaller } from './update-install'
import { builtPaths, createMainWindow, focusWindow } from './window'
import { DEFAULT_SIZE, MIN_SIZE } from './window-bounds'
import { loadWindowPlacement, rememberWindowPlacement } from './window-state'

const log = (message: string, error?: unknown): void => console.error(`[station] ${message}`, error ?? '')

function openDesktop(mainDir: string): BrowserWindow {
  const dataDir = defaultDataDir()
  // A fresh data folder gets the same plain identity the station host gives it.
  const station = openStation({
    dataDir,
    nativeBinding: electronSqliteBinding({ packaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath }),
    log,
    init: DEFAULT_IDENTITY,
    installer: desktopInstaller()
  })
  // The counterpart dials in on the documented port on every interface; a busy port leaves us dial-only.
  void station.startLink({ host: '0.0.0.0', port: DEFAULT_SYNC_PORT })
  // The shell's own reads (About, tray) act with the authority of whoever started the app, like the station host's.
  const self = systemConnection(`desktop:${userInfo().username}`)
  const labels = desktopLabels(app.getPreferredSystemLanguages())
  const paths = builtPaths(mainDir)
  hardenSession()
  serveRenderer(paths.renderer)
  const win = createMainWindow(paths.preload, loadWindowPlacement(dataDir, DEFAULT_SIZE, MIN_SIZE))
  rememberWindowPlacement(win, dataDir)
  installMenu({ about: () => void showAbout(win, station, self, labels) }, labels)
  const unbind = bindStationIpc(win, station, desktopServices(win, labels, join(dataDir, BACKUPS_DIR)))
  const removeTray = showLinkInTray(station, self, labels, () => focusWindow(win))
  app.once('will-quit', () => {
    removeTray()
    unbind()
    void station.close()
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
