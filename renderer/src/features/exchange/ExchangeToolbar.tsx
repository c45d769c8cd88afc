import { useTranslation } from 'react-i18next'
import { EXCHANGE_BOXES, isRecordBox, type ExchangeBox, type UnreadCounts } from '../../../../preload/api'
import { EnumSelect } from '../../ui/EnumSelect'
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
  const set = <K extends keyof ExchangeFilters>(key: K, value: ExchangeFilters[K]) => onFilters({ ...filters, [key]: value })
  return (
    <div className="toolbar">
      <div className="toolbar-row">
        <h1 className="page-title">{t('exchange.title')}</h1>
        <div className="tabs" role="tablist" aria-label={t('exchange.boxes')}>
          {EXCHANGE_BOXES.map((b) => {
            const key = UNREAD_OF[b]
            const count = key && unread ? unread[key] : 0
            return (
              <button
                key={b}
                type="button"
                role="tab"
                aria-selected={b === box}
                className={`tab${b === box ? ' is-active' : ''}`}
                data-testid={`exchange-tab-${b}`}
                onClick={() => onBox(b)}
              >
                {t(`enums.box.${b}`)}
                {count > 0 && (
                  <span className="unread-count" data-testid={`exchange-unread-${b}`} title={t('exchange.unreadCount', { count })}>
                    {count}
                  </span>
                )}
              </button>
            )
          })}
        </div>
        <span className="total" data-testid="exchange-total" aria-live="polite">
          {total === null ? '' : t('exchange.total', { count: total })}
        </span>
        <div className="page-actions">
          <button type="button" className="btn" data-testid="new-request" onClick={onNewRequest}>
            + {t('exchange.newRequest')}
          </button>
          <button type="button" className="btn btn-primary" data-testid="new-alert" onClick={onNewAlert}>
            + {t('exchange.newAlert')}
          </button>
        </div>
      </div>
      <div className="toolbar-row filters" role="group" aria-label={t('list.filters')}>
        <div className="search exchange-search">
          <span className="search-icon" aria-hidden="true">⌕</span>
          <input
            type="search"
            data-testid="exchange-search"
            aria-label={t('exchange.search')}
            placeholder={t('exchange.searchPlaceholder')}
            value={filters.q}
            maxLength={200}
            onChange={(e) => set('q', e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && set('q', '')}
          />
        </div>
        {isRecordBox(box) && (
          <label className="filter">
            <span>{t('list.columns.category')}</span>
            <EnumSelect
              group="category"
              data-testid="exchange-filter-category"
              value={filters.category}
              emptyLabel={t('list.any')}
              onChange={(v) => set('category', v)}
            />
          </label>
        )}
        <label className="filter">
          <span>{t('list.from')}</span>
          <input type="date" data-testid="exchange-filter-from" value={filters.from} max={filters.to || undefined} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label className="filter">
          <span>{t('list.to')}</span>
          <input type="date" data-testid="exchange-filter-to" value={filters.to} min={filters.from || undefined} onChange={(e) => set('to', e.target.value)} />
        </label>
        {box !== 'sent' && (
          <label className="filter filter-check">
            <input type="checkbox" data-testid="exchange-filter-unread" checked={filters.unreadOnly} onChange={(e) => set('unreadOnly', e.target.checked)} />
            <span>{t('exchange.unreadOnly')}</span>
          </label>
        )}
        {hasExchangeNarrowing(filters) && (
          <button type="button" className="btn btn-link" data-testid="exchange-filters-clear" onClick={() => onFilters(DEFAULT_EXCHANGE_FILTERS)}>
            {t('list.clearFilters')}
          </button>
        )}
      </div>
    </div>
  )
}
