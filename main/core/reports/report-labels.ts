/**
 * Words for the PDF report, in the reader's language. They come from the screens' own locale files (bundled
 * into main at build time), so the report says "ยาเสพติด" exactly where the case log does, and a caller
 * without screens (the CLI, a scheduled export) gets the same words by naming a language.
 */
import en from '../../../renderer/src/i18n/locales/en.json'
import lo from '../../../renderer/src/i18n/locales/lo.json'
import th from '../../../renderer/src/i18n/locales/th.json'
import type { ReportLanguage } from '../../../preload/api'

type Tree = { [key: string]: string | Tree }
const LOCALES: Record<ReportLanguage, Tree> = { en, th, lo }

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined
  return typeof node === 'string' ? node : undefined
}

export interface ReportLabels {
  language: ReportLanguage
  /** A locale string with {{placeholders}} filled; English when the language lacks it, the key when both do. */
  t(key: string, values?: Record<string, string | number>): string
  /** The label of a vocabulary value (`enums.<group>.<value>`), or the value itself when there is none. */
  term(group: string, value: string): string
  country(code: string): string
  number(value: number, maxDecimals?: number): string
  month(month: string): string
  dateTime(iso: string): string
  date(isoDate: string): string
}

export function reportLabels(language: ReportLanguage): ReportLabels {
  const tree = LOCALES[language]
  // Lao dates and numbers: Node's ICU has Lao month names (Chromium's does not, see renderer/src/i18n/format.ts).
  const numbers = new Map<number, Intl.NumberFormat>()
  const regions = new Intl.DisplayNames([language, 'en'], { type: 'region', fallback: 'code' })
  const monthFormat = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long' })
  const dateTimeFormat = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
  const dateFormat = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric' })
  const t = (key: string, values: Record<string, string | number> = {}) => {
    const text = lookup(tree, key) ?? lookup(LOCALES.en, key) ?? key
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
  }
  return {
    language,
    t,
    term: (group, value) => lookup(tree, `enums.${group}.${value}`) ?? lookup(LOCALES.en, `enums.${group}.${value}`) ?? value,
    country: (code) => {
      try {
        return regions.of(code) ?? code
      } catch {
        return code
      }
    },
    number: (value, maxDecimals = 2) => {
      let format = numbers.get(maxDecimals)
      if (!format) numbers.set(maxDecimals, (format = new Intl.NumberFormat(language, { maximumFractionDigits: maxDecimals })))
      return format.format(value)
    },
    month: (month) => {
      const [y, m] = month.split('-').map(Number)
      return monthFormat.format(new Date(y, m - 1, 15))
    },
    dateTime: (iso) => {
      const ms = Date.parse(iso)
      return Number.isNaN(ms) ? iso : dateTimeFormat.format(ms)
    },
    date: (isoDate) => {
      const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number)
      return y && m && d ? dateFormat.format(new Date(y, m - 1, d)) : isoDate
    }
  }
}
