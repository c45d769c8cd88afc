import { useTranslation } from 'react-i18next'
import { LanguageSwitcher } from '../../i18n/LanguageSwitcher'
import { useStationInfo } from './use-station-info'

export function AppHeader({ onHome }: { onHome: () => void }) {
  const { t } = useTranslation()
  const info = useStationInfo()
  return (
    <header className="app-header">
      <button type="button" className="brand" onClick={onHome} data-testid="nav-home">
        <span className="brand-mark" aria-hidden="true">
          BLO
        </span>
        <span className="brand-name">{t('app.name')}</span>
      </button>
      {info && (
        <div className="station" data-testid="station-info">
          <span className="station-name" data-testid="station-name">
            {info.name}
          </span>
          {info.crossing && <span className="station-crossing">{info.crossing}</span>}
          <span className="station-country">{info.country}</span>
        </div>
      )}
      <div className="header-spacer" />
      {/* The peer link status lands here with sync (issue 3). */}
      <div className="link-status-slot" data-testid="link-status-slot" />
      <LanguageSwitcher />
    </header>
  )
}
