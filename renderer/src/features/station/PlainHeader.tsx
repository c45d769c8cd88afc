import { useTranslation } from 'react-i18next'
import { LanguageSwitcher } from '../../i18n/LanguageSwitcher'

/** The header of a page shown before the app proper (no station key, sign-in): the name and the language only. */
export function PlainHeader() {
  const { t } = useTranslation()
  return (
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
  )
}
