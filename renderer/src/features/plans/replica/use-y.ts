import { useEffect, useReducer } from 'react'

/** What useObserved needs of a Yjs shared type (Y.Map, Y.Array, Y.XmlFragment). */
interface Observable {
  observeDeep(listener: () => void): void
  unobserveDeep(listener: () => void): void
}

/**
 * Re-renders whenever the shared type or anything inside it changes, here or anywhere else; the component
 * then reads the type directly. Each section watches only its own root, so a keystroke in the notes does not
 * redraw the tasks table.
 */
export function useObserved(type: Observable): void {
  const [, changed] = useReducer((n: number) => n + 1, 0)
  useEffect(() => {
    const listener = () => changed()
    type.observeDeep(listener)
    return () => type.unobserveDeep(listener)
  }, [type])
}
