import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExchangeBox, Pointer } from '../../../../preload/api'
import { useApiEvent, useOnReconnect } from '../../api/ApiContext'
import { EmptyList, NoMatches, PagedList, PagedListAlert } from '../../ui/PagedList'
import { StateMessage } from '../../ui/StateMessage'
import { useDebounced } from '../../ui/use-debounced'
import { AlertComposer } from './compose/AlertComposer'
import { RequestComposer, type RequestAbout } from './compose/RequestComposer'
import { ExchangeDetail } from './detail/ExchangeDetail'
import { ExchangeList } from './ExchangeList'
import { DEFAULT_EXCHANGE_FILTERS, hasExchangeNarrowing, toExchangeQuery, type ExchangeFilters } from './exchange-query'
import { ExchangeToolbar } from './ExchangeToolbar'
import { useExchangePages } from './use-exchange-pages'
import type { Unread } from './use-unread-counts'

const SEARCH_DEBOUNCE_MS = 250

type Composing = { kind: 'alert' } | { kind: 'request'; about?: RequestAbout } | null

interface Props {
  unread: Unread
  /** Open one of our own cases (a sent record is a case of this station). */
  onOpenCase: (caseId: string) => void
}

/** What crossed the border, both ways: shared records, alerts and requests, each opening beside the list. */
export function ExchangeScreen({ unread, onOpenCase }: Props) {
  const { t } = useTranslation()
  const [box, setBox] = useState<ExchangeBox>('received')
  const [filters, setFilters] = useState<ExchangeFilters>(DEFAULT_EXCHANGE_FILTERS)
  const [selected, setSelected] = useState<Pointer | null>(null)
  const [composing, setComposing] = useState<Composing>(null)
  const q = useDebounced(filters.q, SEARCH_DEBOUNCE_MS)
  const query = useMemo(() => toExchangeQuery(box, { ...filters, q }), [box, filters, q])
  const pages = useExchangePages(query, unread)

  useApiEvent('exchange:changed', ({ boxes }) => boxes.includes(box) && pages.refresh())
  useOnReconnect(pages.refresh)

  const switchBox = (next: ExchangeBox) => {
    setBox(next)
    setSelected(null)
  }
  const sent = (box: ExchangeBox, pointer: Pointer) => {
    setComposing(null)
    // The new thread must be in the list beside it, whatever was being searched for.
    setFilters(DEFAULT_EXCHANGE_FILTERS)
    setBox(box)
    setSelected(pointer)
  }

  return (
    <section className="exchange-screen" data-testid="exchange-screen" data-box={box}>
      <ExchangeToolbar
        box={box}
        onBox={switchBox}
        unread={unread.counts}
        filters={filters}
        onFilters={setFilters}
        total={pages.total}
        onNewAlert={() => setComposing({ kind: 'alert' })}
        onNewRequest={() => setComposing({ kind: 'request' })}
      />
      <PagedListAlert pages={pages} />
      <div className="exchange-split">
        <div className="exchange-list-pane">
          <PagedList
            pages={pages}
            loadError={{ title: t('exchange.loadError'), testId: 'exchange-list-error' }}
            loading={{ title: t('exchange.loading') }}
            empty={
              hasExchangeNarrowing(filters) ? (
                <NoMatches title={t('exchange.noMatches')} testId="exchange-list-empty" onClear={() => setFilters(DEFAULT_EXCHANGE_FILTERS)} />
              ) : (
                <EmptyList title={t(`exchange.empty.${box}`)} hint={t(`exchange.emptyHint.${box}`)} testId="exchange-list-empty" />
              )
            }
          >
            {(total) => <ExchangeList pages={pages} total={total} selected={selected} onOpen={setSelected} label={t(`enums.box.${box}`)} />}
          </PagedList>
        </div>
        <div className="exchange-detail-pane">
          {selected ? (
            <ExchangeDetail
              key={`${selected.type}:${selected.origin}:${selected.id}`}
              pointer={selected}
              unread={unread}
              onOpen={setSelected}
              onAsk={(about) => setComposing({ kind: 'request', about })}
              onOpenCase={onOpenCase}
            />
          ) : (
            <StateMessage tone="empty" testId="exchange-detail-none" title={t('exchange.pickOne')} body={t('exchange.pickOneHint')} />
          )}
        </div>
      </div>
      {composing?.kind === 'alert' && (
        <AlertComposer onClose={() => setComposing(null)} onSent={(thread) => sent('alerts', { type: 'message', origin: thread.origin, id: thread.message.id })} />
      )}
      {composing?.kind === 'request' && (
        <RequestComposer
          about={composing.about}
          onClose={() => setComposing(null)}
          onSent={(thread) => sent('requests', { type: 'message', origin: thread.origin, id: thread.message.id })}
        />
      )}
    </section>
  )
}
