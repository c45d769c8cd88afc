/** Electron entry (out/main/index.js). The desktop shell lives in main/electron; the station itself in main/core. */
import { startDesktop } from './electron/desktop'

startDesktop(__dirname)
