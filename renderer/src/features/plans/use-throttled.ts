import { useCallback, useEffect, useRef } from 'react'

/**
 * A stable function that runs `fn` at most once per `ms`, always once more after the last call: every
 * keystroke in an open plan is an event, and the screens that summarise plans need only keep up, not echo each.
 */
export function useThrottled(fn: () => void, ms: number): () => void {
  const latest = useRef(fn)
  latest.current = fn
  const last = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    []
  )
  return useCallback(() => {
    if (timer.current) return
    const wait = Math.max(0, last.current + ms - Date.now())
    timer.current = setTimeout(() => {
      timer.current = null
      last.current = Date.now()
      latest.current()
    }, wait)
  }, [ms])
}
