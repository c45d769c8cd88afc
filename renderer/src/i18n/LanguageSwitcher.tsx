import { useTranslation } from 'react-i18next'
import { LANGUAGES, NATIVE_NAMES, saveLanguage, type Language } from './languages'

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation()
  return (
    <label className="language-switcher">
      <span className="visually-hidden">{t('header.language')}</span>
      <select
        data-testid="language-switcher"
        value={i18n.resolvedLanguage}
        onChange={(e) => {
          const language = e.target.value as Language
          saveLanguage(language)
          void i18n.changeLanguage(language)
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {NATIVE_NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  )
}
