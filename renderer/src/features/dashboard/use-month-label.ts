import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * "Oct 2026" (Thai: "ต.ค. 2569") for a YYYY-MM month. Chromium has no Lao month names and would print
 * English ones, so Lao gets digits, as renderer/src/i18n/format.ts does for dates.
 */
export function useMonthLabel(style: 'short' | 'long' = 'short'): (month: string) => string {
  const { i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  return useMemo(() => {
    const named = Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0
    const format = named
      ? new Intl.DateTimeFormat(language, { year: 'numeric', month: style, timeZone: 'UTC' })
      : new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', timeZone: 'UTC' })
    return (month: string) => {
      const [year, m] = month.split('-').map(Number)
      return Number.isFinite(year) && Number.isFinite(m) ? format.format(new Date(Date.UTC(year, m - 1, 1))) : month
    }
  }, [language, style])
}
