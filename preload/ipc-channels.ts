/**
 * The IPC channels between the Electron shell and its preload: one for calls, one for pushed events, and one for
 * the shell's own services (file dialogs, restart), which are not station methods.
 */
export const INVOKE_CHANNEL = 'blo:invoke'
export const EVENT_CHANNEL = 'blo:event'
export const DESKTOP_CHANNEL = 'blo:desktop'
