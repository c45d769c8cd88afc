import { useEffect, useState } from 'react'

/**
 * Counts font loads: a canvas draws with whatever font is there at that moment, so a chart whose Thai or Lao
 * labels arrived before their font slice must be drawn again once it has loaded.
 */
export function useFontsVersion(): number {
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const fonts = document.fonts
    const bump = () => setVersion((v) => v + 1)
    fonts.addEventListener('loadingdone', bump)
    void fonts.ready.then(bump)
    return () => fonts.removeEventListener('loadingdone', bump)
  }, [])
  return version
}
