import { useCallback, useRef, useState } from 'react'
import { toApiError, type ApiError } from '../api/api-error'

export interface LatestAnswer<T> {
  /** The last answer, kept while the next ask is out; null until the first. */
  data: T | null
  /** Why the latest ask failed; cleared by the next answer. */
  error: ApiError | null
  /** Ask again. An earlier ask that answers after a later one is dropped. */
  load: () => void
  /** Show a value another call just returned (approve, restore), dropping any ask still out. */
  show: (value: T) => void
  /** Forget the answer and its failure (the question changed), dropping any ask still out. */
  clear: () => void
}

/** The station's latest answer to `ask` (keep it stable with useCallback: a new function is a new question). */
export function useLatestAnswer<T>(ask: () => Promise<T>): LatestAnswer<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const request = useRef(0)

  const load = useCallback(() => {
    const mine = ++request.current
    ask()
      .then((value) => {
        if (mine !== request.current) return
        setData(value)
        setError(null)
      })
      .catch((e: unknown) => {
        if (mine === request.current) setError(toApiError(e))
      })
  }, [ask])

  const show = useCallback((value: T) => {
    request.current++
    setData(value)
    setError(null)
  }, [])

  const clear = useCallback(() => {
    request.current++
    setData(null)
    setError(null)
  }, [])

  return { data, error, load, show, clear }
}
