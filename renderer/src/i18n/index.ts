import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from './locales/en.json'
import lo from './locales/lo.json'
import th from './locales/th.json'
import { initialLanguage } from './languages'

/** Locales are bundled: the app runs offline and the first paint is already in the officer's language. */
export function initI18n() {
  const lng = initialLanguage()
  document.documentElement.lang = lng
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language
  })
  return i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    supportedLngs: ['en', 'th', 'lo'],
    resources: { en: { translation: en }, th: { translation: th }, lo: { translation: lo } },
    interpolation: { escapeValue: false }
  })
}
