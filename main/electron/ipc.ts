/**
 * Carries the API contract over Electron IPC: one invoke channel into Station.dispatch, one event channel out.
 * A call is served only when it comes from our window's main frame showing our own page,
 * so an injected frame or a navigated-away page cannot drive the station.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import type { Reply } from '../../preload/api'
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../preload/ipc-channels'
import { mayReceiveEvents, screenConnection, type Station } from '../core/station'
import { isAppUrl } from './app-url'

function isOwnMainFrame(win: BrowserWindow, event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  if (win.isDestroyed() || !frame || event.sender.id !== win.webContents.id) return false
  const main = win.webContents.mainFrame
  return frame.processId === main.processId && frame.routingId === main.routingId && isAppUrl(frame.url)
}

const refused = (code: 'forbidden' | 'invalid_input', message: string): Reply<never> => ({
  ok: false,
  error: { code, message, issues: [] }
})

/** Returns the function that unbinds both directions (on window close or quit). */
export function bindStationIpc(win: BrowserWindow, station: Station): () => void {
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
  const unsubscribe = station.onEvent((name, payload) => {
    if (!win.isDestroyed() && mayReceiveEvents(connection)) win.webContents.send(EVENT_CHANNEL, name, payload)
  })
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL)
    if (!win.isDestroyed()) win.webContents.off('did-navigate', onNavigate)
    unsubscribe()
  }
}
