import { useTranslation } from 'react-i18next'
import { EXCHANGE_BOXES, isRecordBox, type ExchangeBox, type UnreadCounts } from '../../../../preload/api'
import { CheckFilter, ClearFilters, DateRangeFilter, EnumFilter, FilterRow, ListTotal, SearchBox } from '../../ui/ListToolbar'
import { Tabs } from '../../ui/Tabs'
import { CounterpartSelect } from '../link/CounterpartSelect'
import { useLink } from '../link/LinkContext'
import { DEFAULT_EXCHANGE_FILTERS, hasExchangeNarrowing, type ExchangeFilters } from './exchange-query'

const UNREAD_OF: Partial<Record<ExchangeBox, keyof UnreadCounts>> = { received: 'received', alerts: 'alerts', requests: 'requests' }

interface Props {
  box: ExchangeBox
  onBox: (box: ExchangeBox) => void
  unread: UnreadCounts | null
  filters: ExchangeFilters
  onFilters: (next: ExchangeFilters) => void
  total: number | null
  onNewAlert: () => void
  onNewRequest: () => void
}

export function ExchangeToolbar({ box, onBox, unread, filters, onFilters, total, onNewAlert, onNewRequest }: Props) {
  const { t } = useTranslation()
  const { status } = useLink()
  const peers = status?.peers ?? []
  const set = <K extends keyof ExchangeFilters>(key: K, value: ExchangeFilters[K]) => onFilters({ ...filters, [key]: value })
  return (
    <div className="toolbar">
      <div className="toolbar-row">
        <h1 className="page-title">{t('exchange.title')}</h1>
        <Tabs tabs={EXCHANGE_BOXES} selected={box} onSelect={onBox} testIdPrefix="exchange-tab" label={t('exchange.boxes')}>
          {(b) => {
            const key = UNREAD_OF[b]
            const count = key && unread ? unread[key] : 0
            return (
              <>
                {t(`enums.box.${b}`)}
                {count > 0 && (
                  <span className="unread-count" data-testid={`exchange-unread-${b}`} title={t('exchange.unreadCount', { count })}>
                    {count}
                  </span>
                )}
              </>
            )
          }}
        </Tabs>
        <ListTotal testId="exchange-total">{total === null ? '' : t('exchange.total', { count: total })}</ListTotal>
        <div className="page-actions">
          <button type="button" className="btn" data-testid="new-request" onClick={onNewRequest}>
            + {t('exchange.newRequest')}
          </button>
          <button type="button" className="btn btn-primary" data-testid="new-alert" onClick={onNewAlert}>
            + {t('exchange.newAlert')}
          </button>
        </div>
      </div>
      <FilterRow>
        <SearchBox
          className="exchange-search"
          testId="exchange-search"
          label={t('exchange.search')}
          placeholder={t('exchange.searchPlaceholder')}
          value={filters.q}
          onChange={(q) => set('q', q)}
        />
        {isRecordBox(box) && (
          <EnumFilter label={t('list.columns.category')} group="category" testId="exchange-filter-category" value={filters.category} onChange={(v) => set('category', v)} />
        )}
 {peers.length > 1 && (
          <label className="filter">
            <span>{t('exchange.audience.filter')}</span>
            <CounterpartSelect data-testid="exchange-filter-counterpart" value={filters.counterpart} onChange={(id) => set('counterpart', id)} />
          </label>
        )}
        <DateRangeFilter testIdPrefix="exchange-filter" from={filters.from} to={filters.to} onChange={set} />
        {box !== 'sent' && (
          <CheckFilter label={t('exchange.unreadOnly')} testId="exchange-filter-unread" checked={filters.unreadOnly} onChange={(v) => set('unreadOnly', v)} />
        )}
        {hasExchangeNarrowing(filters) && <ClearFilters testId="exchange-filters-clear" onClear={() => onFilters(DEFAULT_EXCHANGE_FILTERS)} />}
      </FilterRow>
    </div>
  )
}
