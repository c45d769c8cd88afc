/** Thai and Lao vowels written before their consonant: a name's initial is the consonant after them. */
const LEADING_VOWEL = /^[\u0E40-\u0E44\u0EC0-\u0EC4]/u

/**
 * Two letters for the badge beside a name, in whatever script it is written: ranks ("Pol. Lt. Col.", "ร.ต.อ.")
 * are left out, so "Pol. Maj. Noi Sirikul" is NS and "ส.ต.อ. สมชาย ใจดี" is สจ.
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const names = words.filter((w) => !w.endsWith('.'))
  const use = names.length > 0 ? names : words
  const picked = use.length > 1 ? [use[use.length - 2], use[use.length - 1]] : use
  return picked
    .map((w) => Array.from(w.replace(LEADING_VOWEL, ''))[0] ?? '')
    .join('')
    .toUpperCase()
}
