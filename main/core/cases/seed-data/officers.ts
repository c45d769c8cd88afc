/** Reporting officers: a rank for uniformed services, then the name in the script the case is written in. */
import type { Rng } from './random'
import { personName } from './people'
import type { Agency, CountryCode, Lang } from './vocabulary'

interface Ranks {
  local: readonly string[]
  en: readonly string[]
  /** Thai abbreviated ranks are written against the name ("ร.ต.อ.สมชาย"). */
  joined?: boolean
}

const RANKS: Partial<Record<CountryCode, Ranks>> = {
  TH: {
    local: ['ร.ต.อ.', 'พ.ต.ต.', 'พ.ต.ท.', 'ด.ต.', 'ส.ต.อ.'],
    en: ['Pol. Capt.', 'Pol. Maj.', 'Pol. Lt. Col.', 'Pol. Sen. Sgt. Maj.', 'Pol. Sgt.'],
    joined: true
  },
  LA: { local: ['ຮ້ອຍໂທ', 'ຮ້ອຍເອກ', 'ພັນຕີ', 'ພັນໂທ'], en: ['Lt.', 'Capt.', 'Maj.', 'Lt. Col.'] },
  VN: { local: ['Trung úy', 'Đại úy', 'Thiếu tá', 'Trung tá'], en: ['Lt.', 'Capt.', 'Maj.', 'Lt. Col.'] },
  MM: { local: [], en: ['Pol. Lt.', 'Pol. Capt.', 'Pol. Maj.'] },
  KH: { local: [], en: ['Lt.', 'Capt.', 'Maj.'] }
}

export function officerName(rng: Rng, country: CountryCode, agency: Agency, lang: Lang): string {
  const name = personName(rng, country, rng.chance(0.8) ? 'male' : 'female')
  // Vietnamese is itself Latin script, so English text keeps the diacritics rather than the passport spelling.
  const inLocalScript = lang !== 'en' || country === 'VN'
  const shown = inLocalScript ? name.native : name.latin
  if (agency !== 'police' && agency !== 'other') return shown
  const ranks = RANKS[country]
  if (!ranks) return shown
  const useLocal = lang !== 'en' && ranks.local.length > 0
  const rank = rng.pick(useLocal ? ranks.local : ranks.en)
  return useLocal && ranks.joined ? rank + shown : `${rank} ${shown}`
}
