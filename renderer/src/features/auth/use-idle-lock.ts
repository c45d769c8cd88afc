import { useEffect, useRef } from 'react'

/** What counts as someone at the screen. Moving the pointer counts: reading a long case means scrolling or moving. */
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const

/**
 * Calls `onIdle` once nobody has touched the screen for `minutes`. Each input only notes the time; one timer
 * checks the elapsed time, so a background tab whose timers run late still locks as soon as it looks.
 */
export function useIdleLock(minutes: number | null, onIdle: () => void): void {
  const latest = useRef(onIdle)
  latest.current = onIdle
  useEffect(() => {
    if (minutes === null) return
    const limit = minutes * 60_000
    let last = Date.now()
    const touch = () => {
      last = Date.now()
    }
    let timer: ReturnType<typeof setTimeout>
    const check = () => {
      const idle = Date.now() - last
      if (idle >= limit) latest.current()
      else timer = setTimeout(check, limit - idle)
    }
    timer = setTimeout(check, limit)
    for (const name of ACTIVITY) window.addEventListener(name, touch, { passive: true, capture: true })
    return () => {
      clearTimeout(timer)
      for (const name of ACTIVITY) window.removeEventListener(name, touch, { capture: true })
    }
  }, [minutes])
}
