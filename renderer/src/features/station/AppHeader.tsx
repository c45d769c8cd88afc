import { useTranslation } from 'react-i18next'
import type { UnreadCounts } from '../../../../preload/api'
import { LanguageSwitcher } from '../../i18n/LanguageSwitcher'
import { useCan } from '../auth/auth-context'
import { UserMenu } from '../auth/UserMenu'
import { totalUnread } from '../exchange/use-unread-counts'
import { LinkStatusIndicator } from '../link/LinkStatusIndicator'
import { allowedTabs } from '../management/management-tabs'
import { useStationInfo } from './use-station-info'

export type Section = 'cases' | 'exchange' | 'plans' | 'link' | 'management'
const SECTIONS: Section[] = ['cases', 'exchange', 'plans', 'link', 'management']

interface Props {
  section: Section
  onNavigate: (section: Section) => void
  unread: UnreadCounts | null
}

export function AppHeader({ section, onNavigate, unread }: Props) {
  const { t } = useTranslation()
  const info = useStationInfo()
  const waiting = totalUnread(unread)
  // Officers have no management tab at all: the entry is not there, rather than there and refused.
  const sections = allowedTabs(useCan()).length > 0 ? SECTIONS : SECTIONS.filter((s) => s !== 'management')
  return (
    <header className="app-header">
      {/* Once the station is known its name says where we are; the product name would only crowd it out. */}
      <button type="button" className="brand" onClick={() => onNavigate('cases')} data-testid="nav-home" aria-label={t('app.name')} title={t('app.name')}>
        <span className="brand-mark" aria-hidden="true">
          BLO
        </span>
        {!info && <span className="brand-name">{t('app.name')}</span>}
      </button>
      {info && (
        <div className="station" data-testid="station-info" title={[info.name, info.crossing, info.country].filter(Boolean).join(' · ')}>
          <span className="station-country">{info.country}</span>
          <span className="station-name" data-testid="station-name">
            {info.name}
          </span>
          {info.crossing && <span className="station-crossing">{info.crossing}</span>}
        </div>
      )}
      <nav className="app-nav" aria-label={t('nav.label')}>
        {sections.map((s) => (
          <button
            key={s}
            type="button"
            className={`nav-item${s === section ? ' is-active' : ''}`}
            aria-current={s === section ? 'page' : undefined}
            data-testid={`nav-${s}`}
            onClick={() => onNavigate(s)}
          >
            {t(`nav.${s}`)}
            {s === 'exchange' && waiting > 0 && (
              <span className="nav-badge" data-testid="nav-exchange-unread" title={t('exchange.unreadCount', { count: waiting })}>
                {waiting}
              </span>
            )}
          </button>
        ))}
      </nav>
      <div className="header-spacer" />
      <div className="link-status-slot" data-testid="link-status-slot">
        <LinkStatusIndicator onOpen={() => onNavigate('link')} />
      </div>
      <LanguageSwitcher />
      <UserMenu />
    </header>
  )
}
