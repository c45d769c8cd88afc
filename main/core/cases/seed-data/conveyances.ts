/**
 * Vehicles and boats with registration plates as each country writes them:
 * Thai letters + number + province, Lao letters + number, Vietnamese "70A-123.45", Yunnan "云A·12345".
 */
import type { CONVEYANCE_TYPES } from '../../../../preload/vocabulary'
import type { Rng } from './random'
import type { CountryCode, Lang, Words } from './vocabulary'

export type ConveyanceType = (typeof CONVEYANCE_TYPES)[number]

export const CONVEYANCE_WORDS: Record<ConveyanceType, Words> = {
  car: { en: 'car', th: 'รถเก๋ง', lo: 'ລົດເກັງ', vi: 'xe ô tô con' },
  pickup: { en: 'pickup truck', th: 'รถกระบะ', lo: 'ລົດກະບະ', vi: 'xe bán tải' },
  truck: { en: 'truck', th: 'รถบรรทุก', lo: 'ລົດບັນທຸກ', vi: 'xe tải' },
  bus: { en: 'passenger bus', th: 'รถโดยสาร', lo: 'ລົດໂດຍສານ', vi: 'xe khách' },
  motorcycle: { en: 'motorcycle', th: 'รถจักรยานยนต์', lo: 'ລົດຈັກ', vi: 'xe máy' },
  boat: { en: 'long-tail boat', th: 'เรือหางยาว', lo: 'ເຮືອຫາງຍາວ', vi: 'thuyền máy' },
  on_foot: { en: 'carriers on foot', th: 'ขบวนลำเลียงเดินเท้า', lo: 'ຂະບວນຂົນສົ່ງທາງຕີນ', vi: 'đối tượng đi bộ' },
  other: { en: 'passenger van', th: 'รถตู้', lo: 'ລົດຕູ້', vi: 'xe 16 chỗ' }
}

const MODELS: Record<ConveyanceType, readonly string[]> = {
  car: ['Toyota Vios', 'Honda City', 'Toyota Camry', 'Mazda 2', 'Hyundai Accent'],
  pickup: ['Toyota Hilux Revo', 'Isuzu D-Max', 'Ford Ranger', 'Mitsubishi Triton', 'Nissan Navara'],
  truck: ['Hino 10-wheel truck', 'Isuzu 6-wheel truck', 'Fuso trailer truck', 'HOWO 12-wheel truck'],
  bus: ['Hyundai Universe bus', 'Scania coach', 'Yutong bus'],
  motorcycle: ['Honda Wave 110i', 'Yamaha Fino', 'Honda Click 125', 'Suzuki Smash'],
  boat: ['long-tail boat, 9 m', 'long-tail boat, 12 m', 'steel cargo barge', 'fibreglass speedboat'],
  on_foot: [''],
  other: ['Toyota Commuter van', 'Hyundai H-1 van', 'Ford Transit van']
}

const COLOURS: Record<Lang, readonly string[]> = {
  en: ['white', 'grey', 'black', 'silver', 'red', 'blue'],
  th: ['สีขาว', 'สีเทา', 'สีดำ', 'สีบรอนซ์เงิน', 'สีแดง', 'สีน้ำเงิน'],
  lo: ['ສີຂາວ', 'ສີເທົາ', 'ສີດຳ', 'ສີເງິນ', 'ສີແດງ', 'ສີຟ້າ'],
  vi: ['màu trắng', 'màu xám', 'màu đen', 'màu bạc', 'màu đỏ', 'màu xanh']
}

export function conveyanceDescription(rng: Rng, type: ConveyanceType, lang: Lang): string | undefined {
  const model = rng.pick(MODELS[type])
  if (!model) return undefined
  return lang === 'en' ? `${rng.pick(COLOURS.en)} ${model}` : `${model} ${rng.pick(COLOURS[lang])}`
}

const THAI_LETTERS = ['กข', 'กท', 'ขค', 'งจ', 'ฉช', 'ญฐ', 'ฒณ', 'บก', 'ผพ', 'ลว', 'ศษ', 'สห', 'อฮ', 'กต', 'ทบ']
const THAI_PROVINCES = ['เชียงราย', 'หนองคาย', 'มุกดาหาร', 'นครพนม', 'อุบลราชธานี', 'ตาก', 'กรุงเทพมหานคร', 'ขอนแก่น', 'อุดรธานี', 'เชียงใหม่']
const LAO_LETTERS = ['ກຂ', 'ກກ', 'ຂຄ', 'ງຈ', 'ສທ', 'ນບ', 'ປຜ', 'ມລ']
const LAO_PROVINCES = ['ບໍ່ແກ້ວ', 'ສະຫວັນນະເຂດ', 'ຄຳມ່ວນ', 'ຈຳປາສັກ', 'ຫຼວງນ້ຳທາ', 'ອຸດົມໄຊ']
const MM_REGIONS = ['SHN', 'KYN', 'YGN', 'MDY']
const KH_PROVINCES = ['Phnom Penh', 'Svay Rieng', 'ភ្នំពេញ', 'ស្វាយរៀង']
const VN_PREFIXES = ['70', '51', '61', '30']
const ALPHA = 'ABCDEFGHKLMNPRSTUVXY'

/** Boats and carriers on foot usually have nothing to read off; the registration is then left out. */
export function plateFor(rng: Rng, country: CountryCode, type: ConveyanceType): string | undefined {
  if (type === 'on_foot') return undefined
  if (type === 'boat') return rng.chance(0.3) ? `${country}-B ${rng.digits(4)}` : undefined
  const n = String(rng.int(1, 9999))
  switch (country) {
    case 'TH':
      return type === 'truck' || type === 'bus'
        ? `${rng.int(70, 83)}-${rng.digits(4)} ${rng.pick(THAI_PROVINCES)}`
        : `${rng.chance(0.3) ? rng.int(1, 9) : ''}${rng.pick(THAI_LETTERS)} ${n} ${rng.pick(THAI_PROVINCES)}`
    case 'LA':
      // Vientiane Capital plates read "ນວ" followed by the number, without a province name.
      return rng.chance(0.35) ? `ນວ ${rng.digits(4)}` : `${rng.pick(LAO_LETTERS)} ${rng.digits(4)} ${rng.pick(LAO_PROVINCES)}`
    case 'MM':
      return `${rng.pick(MM_REGIONS)} ${rng.int(1, 9)}${rng.pick(ALPHA)}-${rng.digits(4)}`
    case 'KH':
      return `${rng.pick(KH_PROVINCES)} ${rng.int(1, 3)}${rng.pick(ALPHA)}-${rng.digits(4)}`
    case 'VN':
      return `${rng.pick(VN_PREFIXES)}${rng.pick(ALPHA)}-${rng.digits(3)}.${rng.digits(2)}`
    case 'CN':
      return `云${rng.pick(ALPHA)}·${rng.digits(5)}`
  }
}
