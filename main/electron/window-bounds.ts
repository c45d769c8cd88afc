/**
 * Which size and place the window reopens with: the last ones, unless they no longer fit the screens (a monitor
 * unplugged, a smaller laptop), then the default size, centred. No electron import, so it is tested in plain Node.
 */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowPlacement {
  /** x and y are absent when the window should be centred. */
  bounds: { width: number; height: number; x?: number; y?: number }
  maximized: boolean
}

export const WINDOW_STATE_FILE = 'window-state.json'

/** An office screen of 1366×768 is the design size; smaller than the minimum is refused. */
export const DEFAULT_SIZE = { width: 1366, height: 768 }
export const MIN_SIZE = { width: 1024, height: 640 }

/** Enough of the title bar on a screen to grab the window and move it. */
const VISIBLE_GRIP = { width: 120, height: 40 }

const isInt = (value: unknown): value is number => Number.isSafeInteger(value)

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  }
}

/** saved: what the last run wrote (any JSON, possibly damaged); workAreas: the screens now connected. */
export function placeWindow(
  saved: unknown,
  workAreas: readonly Rect[],
  defaults: { width: number; height: number },
  min: { width: number; height: number }
): WindowPlacement {
  const fallback: WindowPlacement = { bounds: { ...defaults }, maximized: false }
  if (typeof saved !== 'object' || saved === null || workAreas.length === 0) return fallback
  const { x, y, width, height, maximized } = saved as Record<string, unknown>
  if (!isInt(width) || !isInt(height)) return fallback
  const widest = Math.max(...workAreas.map((area) => area.width))
  const tallest = Math.max(...workAreas.map((area) => area.height))
  const size = {
    width: Math.min(Math.max(width, min.width), Math.max(widest, min.width)),
    height: Math.min(Math.max(height, min.height), Math.max(tallest, min.height))
  }
  const placed = { bounds: { ...size }, maximized: maximized === true }
  if (!isInt(x) || !isInt(y)) return placed
  const titleBar: Rect = { x, y, width: size.width, height: VISIBLE_GRIP.height }
  const reachable = workAreas.some((area) => {
    const seen = overlap(titleBar, area)
    return seen.width >= Math.min(VISIBLE_GRIP.width, size.width) && seen.height >= VISIBLE_GRIP.height
  })
  return reachable ? { ...placed, bounds: { ...size, x, y } } : placed
}
