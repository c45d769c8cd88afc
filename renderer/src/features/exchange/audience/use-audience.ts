import { useMemo, useState } from 'react'
import { useLink } from '../../link/LinkContext'
import { defaultAudience, rememberAudience } from './last-audience'

/** The picker's choice, preselected from the last one; `remember` once the station accepted what was sent. */
export function useAudience() {
  const { status } = useLink()
  const paired = useMemo(() => (status?.peers ?? []).map((p) => p.stationId), [status])
  const [chosen, setChosen] = useState<string[] | null>(null)
  const audience = chosen ?? defaultAudience(paired)
  return { audience, setAudience: setChosen, remember: () => rememberAudience(audience) }
}
