/** Remembers the window's size, place and maximised state in the data folder (window-state.json) between runs. */
import { screen, type BrowserWindow } from 'electron'
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { placeWindow, WINDOW_STATE_FILE, type WindowPlacement } from './window-bounds'

export function loadWindowPlacement(
  dataDir: string,
  defaults: { width: number; height: number },
  min: { width: number; height: number }
): WindowPlacement {
  let saved: unknown = null
  try {
    saved = JSON.parse(readFileSync(join(dataDir, WINDOW_STATE_FILE), 'utf8'))
  } catch {
    // first run, or a damaged file: the default place
  }
  return placeWindow(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
    defaults,
    min
  )
}

/** Saves on close: the normal (unmaximised) bounds, so un-maximising later returns to them. */
export function rememberWindowPlacement(win: BrowserWindow, dataDir: string): void {
  win.on('close', () => {
    const file = join(dataDir, WINDOW_STATE_FILE)
    const state = { ...win.getNormalBounds(), maximized: win.isMaximized() }
    try {
      writeFileSync(`${file}.tmp`, JSON.stringify(state))
      renameSync(`${file}.tmp`, file)
    } catch {
      // a read-only or full disk costs only the remembered size
    }
  })
}
