import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

export interface Formatters {
  /** Date and time in the reader's language (Thai shows the Buddhist era, as Thai offices write it). */
  dateTime(iso: string): string
  /** A calendar day (a plan's period); a date-time shows its local day. */
  date(iso: string): string
  number(value: number): string
  /** A past moment: "3 min ago" when recent, else the date. A moment stamped a little after `now` is "just now". */
  since(iso: string, now: number): string
  /** A coming moment: "in 20 s" when near, else the date; one already passed is "just now". */
  until(iso: string, now: number): string
  /** A byte count the way a file manager shows it (KB, MB). */
  bytes(value: number): string
}

// Offices log on the 24-hour clock; "01:00 PM" also costs width in a dense list.
const TIME = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const
const NAMED_MONTH = { year: 'numeric', month: 'short', day: 'numeric' } as const
/** Day/month/year in digits: how Lao offices write dates, and readable in any language. */
const NUMERIC = { year: 'numeric', month: '2-digit', day: '2-digit' } as const

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

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
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  return useMemo(() => {
    const { locale, date: dateOptions } = dateFormats(language)
    const dateTimeFormat = new Intl.DateTimeFormat(locale, { ...dateOptions, ...TIME })
    const numberFormat = new Intl.NumberFormat(language, { maximumFractionDigits: 3 })
    const oneDecimal = new Intl.NumberFormat(language, { maximumFractionDigits: 1 })
    const dateTime = (iso: string) => {
      const d = new Date(iso)
      return Number.isNaN(d.getTime()) ? iso : dateTimeFormat.format(d)
    }
    // A bare YYYY-MM-DD is a day, not UTC midnight: formatted in UTC it stays that day in every time zone.
    const dayFormat = new Intl.DateTimeFormat(locale, { ...dateOptions, timeZone: 'UTC' })
    const localDayFormat = new Intl.DateTimeFormat(locale, dateOptions)
    const date = (iso: string) => {
      const d = new Date(iso)
      if (Number.isNaN(d.getTime())) return iso
      return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? dayFormat.format(d) : localDayFormat.format(d)
    }
    // Our own words rather than Intl.RelativeTimeFormat, which Chromium lacks for Lao.
    const since = (iso: string, now: number) => {
      const at = Date.parse(iso)
      if (Number.isNaN(at)) return iso
      const ago = Math.max(0, now - at)
      if (ago >= 7 * DAY) return dateTime(iso)
      if (ago < MINUTE) return t('time.justNow')
      if (ago < HOUR) return t('time.minutesAgo', { count: Math.floor(ago / MINUTE) })
      if (ago < DAY) return t('time.hoursAgo', { count: Math.floor(ago / HOUR) })
      return t('time.daysAgo', { count: Math.floor(ago / DAY) })
    }
    const until = (iso: string, now: number) => {
      const at = Date.parse(iso)
      if (Number.isNaN(at)) return iso
      const ahead = at - now
      if (ahead <= 0) return t('time.justNow')
      if (ahead < MINUTE) return t('time.inSeconds', { count: Math.ceil(ahead / 1000) })
      if (ahead < HOUR) return t('time.inMinutes', { count: Math.ceil(ahead / MINUTE) })
      return dateTime(iso)
    }
    const bytes = (value: number) => {
      if (value < 1024) return `${numberFormat.format(value)} B`
      if (value < 1024 * 1024) return `${oneDecimal.format(value / 1024)} KB`
      return `${oneDecimal.format(value / (1024 * 1024))} MB`
    }
    return { dateTime, date, number: (value) => numberFormat.format(value), since, until, bytes }
  }, [language, t])
}
