import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, saveLanguage, type Language } from '../../i18n/languages'
import type { AuthGate, ActiveSession } from './auth-gate'

const isScreenLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value)

/**
 * The screens speak the signed-in person's language: theirs on sign-in, and a choice they make in the header
 * becomes their preference at the station (so it follows them to any workstation).
 */
export function useLanguagePreference(gate: AuthGate, session: ActiveSession | null, open: boolean): void {
  const { i18n } = useTranslation()
  const key = session?.key
  const preferred = session?.user.language

  // Only once per sign-in: later changes come from the header, below.
  const appliedFor = useRef<number | null>(null)
  useEffect(() => {
    if (key === undefined || appliedFor.current === key) return
    appliedFor.current = key
    if (!preferred || !isScreenLanguage(preferred)) return
    saveLanguage(preferred)
    void i18n.changeLanguage(preferred)
  }, [key, preferred, i18n])

  useEffect(() => {
    if (!open || !preferred) return
    const changed = (language: string) => {
      if (language === preferred || !isScreenLanguage(language)) return
      gate.api
        .invoke('auth.setLanguage', { language })
        .then((user) => gate.update(user))
        .catch(() => undefined) // the screen still switched; the preference stays as it was
    }
    i18n.on('languageChanged', changed)
    return () => i18n.off('languageChanged', changed)
  }, [gate, i18n, open, preferred])
}
