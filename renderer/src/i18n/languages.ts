export const LANGUAGES = ['en', 'th', 'lo'] as const
export type Language = (typeof LANGUAGES)[number]

/** Each language named in itself, so an officer finds theirs whatever is on screen now. */
export const NATIVE_NAMES: Record<Language, string> = { en: 'English', th: 'ไทย', lo: 'ລາວ' }

const STORAGE_KEY = 'blo.language'

const isLanguage = (value: string | null | undefined): value is Language =>
  (LANGUAGES as readonly string[]).includes(value ?? '')

/** The saved choice, else the browser's language when we speak it, else English. */
export function initialLanguage(): Language {
  const saved = readSaved()
  if (isLanguage(saved)) return saved
  const browser = navigator.language.slice(0, 2).toLowerCase()
  return isLanguage(browser) ? browser : 'en'
}

export function saveLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Storage may be disabled; the choice then lasts for this session only.
  }
}

function readSaved(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}
