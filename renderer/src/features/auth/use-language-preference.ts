import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, saveLanguage, type Language } from '../../i18n/languages'
import type { ActiveSession } from './auth-gate'

const isScreenLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value)

/**
 * The screens switch to the signed-in person's preferred language once, on sign-in. A switch in the header
 * afterwards is for the moment only (showing a colleague from across the border): the preference stays as the
 * administrator set it, and the next sign-in uses it again.
 */
export function useLanguagePreference(session: ActiveSession | null): void {
  const { i18n } = useTranslation()
  const key = session?.key
  const preferred = session?.user.language
  const appliedFor = useRef<number | null>(null)
  useEffect(() => {
    if (key === undefined || appliedFor.current === key) return
    appliedFor.current = key
    if (!preferred || !isScreenLanguage(preferred)) return
    saveLanguage(preferred)
    void i18n.changeLanguage(preferred)
  }, [key, preferred, i18n])
}
