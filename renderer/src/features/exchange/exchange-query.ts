import { isRecordBox, type Category, type ExchangeBox, type ExchangeQuery } from '../../../../preload/api'

/** What the officer set above the exchange list; empty strings mean "any". */
export interface ExchangeFilters {
  q: string
  category: Category | ''
  from: string
  to: string
  unreadOnly: boolean
  /** A counterpart's station ID: what it sent, or was sent. */
  counterpart: string
}

export const DEFAULT_EXCHANGE_FILTERS: ExchangeFilters = { q: '', category: '', from: '', to: '', unreadOnly: false, counterpart: '' }

export type ExchangeListQuery = Omit<ExchangeQuery, 'offset' | 'limit'>

export const hasExchangeNarrowing = (f: ExchangeFilters): boolean =>
  f.q.trim() !== '' || f.category !== '' || f.from !== '' || f.to !== '' || f.unreadOnly || f.counterpart !== ''

/** The category filter applies to shared records only; alerts and requests have none. */
export function toExchangeQuery(box: ExchangeBox, f: ExchangeFilters): ExchangeListQuery {
  const q = f.q.trim()
  return {
    box,
    ...(q && { q }),
    ...(f.category && isRecordBox(box) && { category: f.category }),
    ...(f.from && { from: f.from }),
    ...(f.to && { to: f.to }),
    ...(f.counterpart && { counterpart: f.counterpart }),
    unreadOnly: f.unreadOnly
  }
}
