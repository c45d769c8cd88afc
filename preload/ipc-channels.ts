/** The two IPC channels between the Electron shell and its preload: one for calls, one for pushed events. */
export const INVOKE_CHANNEL = 'blo:invoke'
export const EVENT_CHANNEL = 'blo:event'
