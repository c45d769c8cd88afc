import { useCallback, useEffect, useRef, useState } from 'react'
import type { UnreadCounts } from '../../../../preload/api'
import { useApi, useApiEvent, useOnReconnect } from '../../api/ApiContext'

export interface Unread {
  counts: UnreadCounts | null
  /** Take counts the station sent with another answer (a list page, a markRead). */
  set(counts: UnreadCounts): void
}

/** What the counterpart sent that nobody here has opened yet: for the nav badge and the exchange tabs. */
export function useUnreadCounts(): Unread {
  const api = useApi()
  const [counts, setCounts] = useState<UnreadCounts | null>(null)
  const request = useRef(0)
  const load = useCallback(() => {
    const mine = ++request.current
    api
      .invoke('exchange.list', { box: 'received', limit: 1 })
      .then((page) => mine === request.current && setCounts(page.unread))
      .catch(() => undefined) // the badge just stays as it was; the exchange screen reports failures
  }, [api])
  useEffect(load, [load])
  useApiEvent('exchange:changed', load)
  useOnReconnect(load)
  const set = useCallback((next: UnreadCounts) => {
    request.current++
    setCounts(next)
  }, [])
  return { counts, set }
}

export const totalUnread = (counts: UnreadCounts | null): number =>
  counts ? counts.received + counts.alerts + counts.requests : 0
