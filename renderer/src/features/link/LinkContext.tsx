import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { StationCard, LinkStatus } from '../../../../preload/api'
import { useApi, useApiEvent, useOnReconnect } from '../../api/ApiContext'
import { toApiError, type ApiError } from '../../api/api-error'

export interface LinkInfo {
  /** The border link as the station last reported it; null until the first answer. */
  status: LinkStatus | null
  /** This station as the counterpart must know it. */
  card: StationCard | null
  error: ApiError | null
  reload(): void
  /** A station by the name it was paired under (ours by our own name); the ID when we know no name. */
  stationName(stationId: string): string
}

const LinkContext = createContext<LinkInfo | null>(null)

/**
 * One subscription to the border link for every screen: the header indicator, the Link screen and the
 * exchange (which names stations) read the same status, kept current by `link:status` events.
 */
export function LinkProvider({ children }: { children: ReactNode }) {
  const api = useApi()
  const [status, setStatus] = useState<LinkStatus | null>(null)
  const [card, setCard] = useState<StationCard | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const request = useRef(0)

  const reload = useCallback(() => {
    const mine = ++request.current
    Promise.all([api.invoke('link.status', {}), api.invoke('link.station', {})])
      .then(([s, c]) => {
        // A status event that came in meanwhile is newer than this answer's status, but says nothing of the
        // card: dropping the whole answer left the Link screen loading for good.
        setCard(c)
        setError(null)
        if (mine === request.current) setStatus(s)
      })
      .catch((e: unknown) => {
        if (mine === request.current) setError(toApiError(e))
      })
  }, [api])

  useEffect(reload, [reload])
  useOnReconnect(reload)
  useApiEvent('link:status', (payload) => {
    request.current++ // an answer to an older call must not overwrite this newer status
    setStatus(payload)
  })

  const value = useMemo<LinkInfo>(() => {
    const names = new Map((status?.peers ?? []).map((p) => [p.stationId, p.name]))
    if (card) names.set(card.stationId, card.name)
    return { status, card, error, reload, stationName: (id) => names.get(id) || id }
  }, [status, card, error, reload])

  return <LinkContext.Provider value={value}>{children}</LinkContext.Provider>
}

export function useLink(): LinkInfo {
  const link = useContext(LinkContext)
  if (!link) throw new Error('useLink outside LinkProvider')
  return link
}
