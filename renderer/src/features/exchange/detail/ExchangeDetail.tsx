import { useCallback, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExchangeItem, Pointer } from '../../../../../preload/api'
import { useApi, useApiEvent, useOnReconnect } from '../../../api/ApiContext'
import { LoadFailed, StateMessage } from '../../../ui/StateMessage'
import { useLatestAnswer } from '../../../ui/use-latest-answer'
import type { RequestAbout } from '../compose/RequestComposer'
import { pointerKey } from '../pointers'
import type { Unread } from '../use-unread-counts'
import { RecordView } from './RecordView'
import { ThreadView } from './ThreadView'

interface Props {
  pointer: Pointer
  unread: Unread
  onOpen: (pointer: Pointer) => void
  onAsk: (about: RequestAbout) => void
  onOpenCase: (caseId: string) => void
}

/** The counterpart's items in view that nobody here has read: opening them is reading them. */
function unreadPointers(item: ExchangeItem): Pointer[] {
  if (item.type === 'record') return item.unread ? [{ type: 'record', origin: item.origin, id: item.record.recordId }] : []
  return [item, ...item.replies]
    .filter((entry) => entry.unread)
    .map((entry) => ({ type: 'message' as const, origin: entry.origin, id: entry.message.id }))
}

/** One record or thread, kept current as either side adds to it; marked read when it is shown. */
export function ExchangeDetail({ pointer, unread, onOpen, onAsk, onOpenCase }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const marked = useRef(new Set<string>())
  const { set: setUnread } = unread
  const ask = useCallback(() => api.invoke('exchange.get', pointer), [api, pointer])
  const { data: item, error, load } = useLatestAnswer(ask)

  useEffect(load, [load])
  useApiEvent('exchange:changed', load)
  useOnReconnect(load)

  useEffect(() => {
    if (!item) return
    // A receipt covers one revision: keyed with it, a correction is read (and marked) again.
    const revision = item.type === 'record' ? item.record.revision : 0
    const items = unreadPointers(item).filter((p) => !marked.current.has(`${pointerKey(p)}@${revision}`))
    if (items.length === 0) return
    for (const p of items) marked.current.add(`${pointerKey(p)}@${revision}`)
    api
      .invoke('exchange.markRead', { items })
      .then((result) => setUnread(result.unread))
      .catch(() => items.forEach((p) => marked.current.delete(`${pointerKey(p)}@${revision}`)))
  }, [api, item, setUnread])

  if (error) {
    return (
      <LoadFailed testId="exchange-detail-error" title={error.code === 'not_found' ? t('exchange.notFound') : t('exchange.detailError')} error={error} onRetry={load} />
    )
  }
  if (!item) return <StateMessage tone="loading" title={t('exchange.loadingItem')} />
  return item.type === 'record' ? (
    <RecordView detail={item} onOpen={onOpen} onAsk={onAsk} onOpenCase={onOpenCase} />
  ) : (
    <ThreadView thread={item} onOpen={onOpen} />
  )
}
