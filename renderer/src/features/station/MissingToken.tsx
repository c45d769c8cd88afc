import { useTranslation } from 'react-i18next'
import { LanguageSwitcher } from '../../i18n/LanguageSwitcher'
import { StateMessage } from '../../ui/StateMessage'

/** Opened without the host's token (a bookmark without #token=…): say where the right address comes from. */
export function MissingToken() {
  const { t } = useTranslation()
  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            BLO
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </span>
        <div className="header-spacer" />
        <LanguageSwitcher />
      </header>
      <StateMessage
        tone="error"
        testId="missing-token"
        title={t('connection.noTokenTitle')}
        body={<p>{t('connection.noTokenBody')}</p>}
      />
    </div>
  )
}
