/**
 * Carries the API contract over Electron IPC: one invoke channel into Station.dispatch, one event channel out,
 * and one channel for the shell's own services (file dialogs, restart). A call on either invoke channel is served
 * only when it comes from our window's main frame showing our own page, so an injected frame or a navigated-away
 * page cannot drive the station or the shell.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { DesktopRequest, type DesktopAction, type DesktopReply, type MethodName, type Reply } from '../../preload/api'
import { DESKTOP_CHANNEL, EVENT_CHANNEL, INVOKE_CHANNEL } from '../../preload/ipc-channels'
import { mayReceiveEvents, screenConnection, type Station } from '../core/station'
import { isAppUrl } from './app-url'
import type { DesktopServices } from './desktop-services'

function isOwnMainFrame(win: BrowserWindow, event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  if (win.isDestroyed() || !frame || event.sender.id !== win.webContents.id) return false
  const main = win.webContents.mainFrame
  return frame.processId === main.processId && frame.routingId === main.routingId && isAppUrl(frame.url)
}

const refused = (code: 'forbidden' | 'invalid_input' | 'internal', message: string): Reply<never> => ({
  ok: false,
  error: { code, message, issues: [] }
})

/**
 * Whoever asks for a shell service must be allowed the station method behind it. A file dialog only names a
 * path (the method the path is then given to checks its own role), and officers choose bundle files with it.
 */
const DESKTOP_ACCESS: Record<DesktopAction, MethodName> = {
  pickFile: 'bundles.inspect',
  pickFolder: 'bundles.inspect',
  restart: 'maintenance.stageRestore'
}

/** Returns the function that unbinds every channel (on window close or quit). */
export function bindStationIpc(win: BrowserWindow, station: Station, desktop: DesktopServices): () => void {
  // The window is one screen: whoever uses it signs in, like a browser page on the station host.
  let connection = screenConnection()
  // A reload or navigation is a new page: it starts signed out, as a new browser page would.
  const onNavigate = (): void => {
    connection = screenConnection()
  }
  win.webContents.on('did-navigate', onNavigate)
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isOwnMainFrame(win, event)) return refused('forbidden', 'calls are accepted only from the station window')
    if (typeof method !== 'string') return refused('invalid_input', 'method: expected a method name')
    return station.dispatch(method, input, connection)
  })
  ipcMain.handle(DESKTOP_CHANNEL, async (event, request: unknown): Promise<Reply<DesktopReply>> => {
    if (!isOwnMainFrame(win, event)) return refused('forbidden', 'requests are accepted only from the station window')
    const parsed = DesktopRequest.safeParse(request)
    if (!parsed.success) return refused('invalid_input', `request: ${parsed.error.issues[0]?.message ?? 'malformed'}`)
    if (!station.admits(DESKTOP_ACCESS[parsed.data.action], connection)) return refused('forbidden', 'file dialogs and restarting are for a signed-in administrator')
    try {
      return { ok: true, value: await desktop.serve(parsed.data) }
    } catch (error) {
      return refused('internal', error instanceof Error ? error.message : String(error))
    }
  })
  const unsubscribe = station.onEvent((name, payload) => {
    if (!win.isDestroyed() && mayReceiveEvents(connection)) win.webContents.send(EVENT_CHANNEL, name, payload)
  })
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL)
    ipcMain.removeHandler(DESKTOP_CHANNEL)
    if (!win.isDestroyed()) win.webContents.off('did-navigate', onNavigate)
    unsubscribe()
  }
}
