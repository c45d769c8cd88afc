import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

export interface Formatters {
  /** Date and time in the reader's language (Thai shows the Buddhist era, as Thai offices write it). */
  dateTime(iso: string): string
  number(value: number): string
}

// Offices log on the 24-hour clock; "01:00 PM" also costs width in a dense list.
const TIME = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const
const NAMED_MONTH = { year: 'numeric', month: 'short', day: 'numeric' } as const
/** Day/month/year in digits: how Lao offices write dates, and readable in any language. */
const NUMERIC = { year: 'numeric', month: '2-digit', day: '2-digit' } as const

/**
 * Browsers ship date names for only some languages (Chromium and Electron have none for Lao, and would
 * silently print English month names). Where the reader's language is missing, dates go numeric instead.
 */
function dateFormats(language: string) {
  if (Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0) {
    return { locale: language, date: NAMED_MONTH }
  }
  return { locale: 'en-GB', date: NUMERIC }
}

export function useFormatters(): Formatters {
  const { i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  return useMemo(() => {
    const { locale, date: dateOptions } = dateFormats(language)
    const dateTime = new Intl.DateTimeFormat(locale, { ...dateOptions, ...TIME })
    const number = new Intl.NumberFormat(language, { maximumFractionDigits: 3 })
    const safe = (format: Intl.DateTimeFormat) => (iso: string) => {
      const d = new Date(iso)
      return Number.isNaN(d.getTime()) ? iso : format.format(d)
    }
    return { dateTime: safe(dateTime), number: (value) => number.format(value) }
  }, [language])
}
