/**
 * Exposes window.blo: the raw, name-checked channel to the station. Names outside the contract
 * are refused here, before anything reaches main; main checks again (sender and input).
 */
import { contextBridge, ipcRenderer } from 'electron'
import { eventNames, methodNames, type BloBridge, type DesktopReply, type Reply } from './api'
import { DESKTOP_CHANNEL, EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels'

const knownMethods = new Set<string>(methodNames)
const knownEvents = new Set<string>(eventNames)
const listeners = new Map<string, Set<(payload: unknown) => void>>()

// One IPC listener fans out to the screens' listeners; the IPC event object itself never reaches the page.
ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return
  for (const listener of listeners.get(name) ?? []) listener(payload)
})

const bridge: BloBridge = {
  invoke(method, input) {
    if (typeof method !== 'string' || !knownMethods.has(method)) {
      const refused: Reply<never> = {
        ok: false,
        error: { code: 'invalid_input', message: `method: unknown method "${String(method)}"`, issues: [] }
      }
      return Promise.resolve(refused)
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, method, input) as Promise<Reply<unknown>>
  },
  on(event, listener) {
    if (typeof event !== 'string' || !knownEvents.has(event)) throw new Error(`event: unknown event "${String(event)}"`)
    if (typeof listener !== 'function') throw new Error('listener: expected a function')
    const set = listeners.get(event) ?? new Set()
    set.add(listener)
    listeners.set(event, set)
    return () => {
      set.delete(listener)
    }
  },
  // Checked in main (sender, request shape, a signed-in administrator): the page can ask, never command.
  desktop: {
    request: (request) => ipcRenderer.invoke(DESKTOP_CHANNEL, request) as Promise<Reply<DesktopReply>>
  }
}

contextBridge.exposeInMainWorld('blo', bridge)
