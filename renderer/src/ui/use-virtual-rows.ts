import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import type { PagedRows } from './use-paged-rows'

/** Fetch once the scroll has settled this long, so dragging the thumb across 100k rows does not request every page. */
const FETCH_SETTLE_MS = 60

/**
 * A fixed-height virtual window over paged rows: only the rows in view exist in the page, the pages under
 * them are fetched once the scroll settles, and a new query scrolls back to the top.
 */
export function useVirtualRows(pages: Pick<PagedRows<unknown>, 'ensureRange' | 'queryKey'>, total: number, rowHeight: number) {
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0
  const { ensureRange, queryKey } = pages

  useEffect(() => {
    virtualizer.scrollToOffset(0)
  }, [queryKey, virtualizer])

  useEffect(() => {
    const timer = setTimeout(() => ensureRange(first, last), FETCH_SETTLE_MS)
    return () => clearTimeout(timer)
  }, [first, last, ensureRange])

  return { scroller, virtualizer, items }
}
