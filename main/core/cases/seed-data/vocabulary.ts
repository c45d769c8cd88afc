/**
 * The words synthetic cases are written with, in the languages BLO officers write them in:
 * Thai and Lao on the Mekong, English everywhere, Vietnamese at Moc Bai.
 */
import type { AGENCIES, UNITS } from '../../../../preload/vocabulary'

export type Lang = 'en' | 'th' | 'lo' | 'vi'
export type Words = Record<Lang, string>
export type CountryCode = 'TH' | 'LA' | 'MM' | 'KH' | 'VN' | 'CN'
export type Unit = (typeof UNITS)[number]
export type Agency = (typeof AGENCIES)[number]

/** Thousands separators as each language writes them (Vietnamese swaps comma and dot). */
export function formatNumber(value: number, lang: Lang, decimals = 0): string {
  const [whole, fraction] = value.toFixed(decimals).split('.')
  const group = lang === 'vi' ? '.' : ','
  const point = lang === 'vi' ? ',' : '.'
  let grouped = ''
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) grouped += group
    grouped += whole[i]
  }
  return fraction && !/^0+$/.test(fraction) ? grouped + point + fraction.replace(/0+$/, '') : grouped
}

/** English puts the unit before "of <commodity>"; the others put the counted word after the number. */
export const UNIT_WORDS: Record<Unit, Words> = {
  kg: { en: 'kg of ', th: 'กิโลกรัม', lo: 'ກິໂລກຣາມ', vi: 'kg' },
  g: { en: 'g of ', th: 'กรัม', lo: 'ກຣາມ', vi: 'gam' },
  L: { en: 'L of ', th: 'ลิตร', lo: 'ລິດ', vi: 'lít' },
  tablets: { en: '', th: 'เม็ด', lo: 'ເມັດ', vi: 'viên' },
  pieces: { en: '', th: 'ชิ้น', lo: 'ອັນ', vi: 'chiếc' },
  m3: { en: 'm³ of ', th: 'ลูกบาศก์เมตร', lo: 'ແມັດກ້ອນ', vi: 'm³' },
  head: { en: '', th: 'ตัว', lo: 'ໂຕ', vi: 'con' },
  other: { en: '', th: '', lo: '', vi: '' }
}

export const AGENCY_WORDS: Record<Agency, Words> = {
  police: { en: 'police', th: 'ตำรวจ', lo: 'ຕຳຫຼວດ', vi: 'công an' },
  customs: { en: 'customs', th: 'ศุลกากร', lo: 'ພາສີ', vi: 'hải quan' },
  immigration: { en: 'immigration', th: 'ตรวจคนเข้าเมือง', lo: 'ກວດຄົນເຂົ້າເມືອງ', vi: 'xuất nhập cảnh' },
  forestry: { en: 'forestry', th: 'ป่าไม้', lo: 'ປ່າໄມ້', vi: 'kiểm lâm' },
  other: { en: 'border task force', th: 'หน่วยเฉพาะกิจชายแดน', lo: 'ທະຫານປ້ອງກັນຊາຍແດນ', vi: 'bộ đội biên phòng' }
}

/** Nationality as an adjective (en) or the country name used after "ชาว" / "ສັນຊາດ" / "quốc tịch". */
export const NATIONALITY_WORDS: Record<CountryCode, Words> = {
  TH: { en: 'Thai', th: 'ไทย', lo: 'ໄທ', vi: 'Thái Lan' },
  LA: { en: 'Lao', th: 'ลาว', lo: 'ລາວ', vi: 'Lào' },
  MM: { en: 'Myanmar', th: 'เมียนมา', lo: 'ມຽນມາ', vi: 'Myanmar' },
  KH: { en: 'Cambodian', th: 'กัมพูชา', lo: 'ກຳປູເຈຍ', vi: 'Campuchia' },
  VN: { en: 'Vietnamese', th: 'เวียดนาม', lo: 'ຫວຽດນາມ', vi: 'Việt Nam' },
  CN: { en: 'Chinese', th: 'จีน', lo: 'ຈີນ', vi: 'Trung Quốc' }
}

export const COUNTRY_WORDS: Record<CountryCode, Words> = {
  TH: { en: 'Thailand', th: 'ไทย', lo: 'ໄທ', vi: 'Thái Lan' },
  LA: { en: 'Lao PDR', th: 'ลาว', lo: 'ລາວ', vi: 'Lào' },
  MM: { en: 'Myanmar', th: 'เมียนมา', lo: 'ມຽນມາ', vi: 'Myanmar' },
  KH: { en: 'Cambodia', th: 'กัมพูชา', lo: 'ກຳປູເຈຍ', vi: 'Campuchia' },
  VN: { en: 'Viet Nam', th: 'เวียดนาม', lo: 'ຫວຽດນາມ', vi: 'Việt Nam' },
  CN: { en: 'China', th: 'จีน', lo: 'ຈີນ', vi: 'Trung Quốc' }
}

export const MONTHS: Record<Lang, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  th: ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'],
  lo: ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'],
  vi: ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12']
}

/** A local calendar day as an officer writes it: Thai in the Buddhist era, Lao and Vietnamese as dd/mm/yyyy. */
export function formatDay(year: number, month: number, day: number, lang: Lang): string {
  const dd = String(day).padStart(2, '0')
  switch (lang) {
    case 'en':
      return `${day} ${MONTHS.en[month]} ${year}`
    case 'th':
      return `${day} ${MONTHS.th[month]} ${year + 543}`
    default:
      return `${dd}/${MONTHS[lang][month]}/${year}`
  }
}
