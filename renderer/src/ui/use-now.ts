import { useEffect, useReducer } from 'react'

/**
 * Re-renders every `everyMs` and returns the time of this render: keeps "3 min ago" true while a screen
 * stays open, and is never older than the data it is compared with (a status that just arrived re-renders too).
 */
export function useNow(everyMs: number): number {
  const [, tick] = useReducer((n: number) => n + 1, 0)
  useEffect(() => {
    const timer = setInterval(tick, everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return Date.now()
}
