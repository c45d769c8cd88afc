/**
 * Names and identity documents of the people BLOs meet, written in their own script or romanised
 * as on a passport. Every [native, latin] pair is one name in two spellings.
 */
import type { Rng } from './random'
import type { CountryCode } from './vocabulary'

type Pair = readonly [native: string, latin: string]
type Sex = 'male' | 'female'

export interface PersonName {
  native: string
  latin: string
}

const TH = {
  male: [
    ['สมชาย', 'Somchai'], ['สมศักดิ์', 'Somsak'], ['ประเสริฐ', 'Prasert'], ['วิชัย', 'Wichai'], ['กิตติพงษ์', 'Kittiphong'],
    ['ธนากร', 'Thanakorn'], ['อนุชา', 'Anucha'], ['สุรเชษฐ์', 'Surachet'], ['ณัฐวุฒิ', 'Natthawut'], ['เอกชัย', 'Ekkachai'],
    ['บุญมี', 'Boonmee'], ['ชัยวัฒน์', 'Chaiwat'], ['ปรีชา', 'Preecha'], ['สุริยา', 'Suriya'], ['อภิชาติ', 'Aphichat']
  ],
  female: [
    ['สุดารัตน์', 'Sudarat'], ['อรุณี', 'Arunee'], ['นภา', 'Napha'], ['พิมพ์ชนก', 'Pimchanok'], ['ศิริพร', 'Siriporn'],
    ['จันทร์เพ็ญ', 'Chanpen'], ['มาลี', 'Malee'], ['ปิยะนุช', 'Piyanut'], ['วันเพ็ญ', 'Wanpen'], ['กาญจนา', 'Kanchana'],
    ['รัตนา', 'Rattana'], ['สุภาพร', 'Supaporn'], ['นิตยา', 'Nittaya'], ['อัมพร', 'Amporn']
  ],
  family: [
    ['ใจดี', 'Jaidee'], ['แก้วมณี', 'Kaewmanee'], ['ศรีสุข', 'Srisuk'], ['บุญเรือง', 'Boonruang'], ['ทองคำ', 'Thongkham'],
    ['สุวรรณรัตน์', 'Suwannarat'], ['พรหมมา', 'Promma'], ['อินทร์แก้ว', 'Inkaew'], ['จันทร์แดง', 'Chandaeng'],
    ['วงศ์ไชย', 'Wongchai'], ['ปัญญาดี', 'Panyadee'], ['คำแสน', 'Khamsaen'], ['ยอดเมือง', 'Yodmuang'],
    ['แสงทอง', 'Saengthong'], ['ศรีวิชัย', 'Sriwichai'], ['มณีวงศ์', 'Maneewong']
  ]
} satisfies Record<string, Pair[]>

const LA = {
  male: [
    ['ສົມພອນ', 'Somphone'], ['ບຸນມີ', 'Bounmy'], ['ຄຳພອນ', 'Khamphone'], ['ພອນສະຫວັນ', 'Phonesavanh'], ['ທອງສຸກ', 'Thongsouk'],
    ['ບົວພັນ', 'Bouaphanh'], ['ສຸລິຍາ', 'Souliya'], ['ສີສະຫວາດ', 'Sisavath'], ['ແສງອາລຸນ', 'Sengaloun'], ['ບຸນເຫຼືອ', 'Bounleua'],
    ['ຄຳແສງ', 'Khamsaeng'], ['ອານຸສອນ', 'Anousone'], ['ສົມສັກ', 'Somsack']
  ],
  female: [
    ['ແສງເດືອນ', 'Sengdeuane'], ['ມະນີວອນ', 'Manivone'], ['ຄຳຫຼ້າ', 'Khamla'], ['ສຸກສະຫວັນ', 'Souksavanh'], ['ພອນທິບ', 'Phonethip'],
    ['ບົວສີ', 'Bouasy'], ['ຈັນທະລາ', 'Chanthala'], ['ດາວວອນ', 'Daovone'], ['ວັນເພັງ', 'Vanpheng'], ['ອຳພອນ', 'Amphone']
  ],
  family: [
    ['ພົມມະວົງ', 'Phommavong'], ['ສີສຸວັນ', 'Sisouvanh'], ['ແກ້ວມະນີ', 'Keomany'], ['ສຸວັນນະວົງ', 'Souvannavong'],
    ['ອິນທະວົງ', 'Inthavong'], ['ຈັນທະວົງ', 'Chanthavong'], ['ໄຊຍະວົງ', 'Xayavong'], ['ພົມມະຈັນ', 'Phommachanh'],
    ['ວົງສາ', 'Vongsa'], ['ສີຫາລາດ', 'Sihalath'], ['ບຸບຜາ', 'Bouppha'], ['ດວງປັນຍາ', 'Douangpanya']
  ]
} satisfies Record<string, Pair[]>

/** Burmese names have no family name: two or three syllables, written together in Burmese script. */
const MM: { male: readonly Pair[]; female: readonly Pair[]; honorific: Record<Sex, readonly Pair[]> } = {
  male: [
    ['အောင်', 'Aung'], ['ကျော်', 'Kyaw'], ['မင်း', 'Min'], ['ဇော်', 'Zaw'], ['ထွန်း', 'Tun'], ['ဝင်း', 'Win'],
    ['နိုင်', 'Naing'], ['မိုး', 'Moe'], ['လင်း', 'Lin'], ['သူ', 'Thu'], ['ဟိန်း', 'Hein'], ['စိုး', 'Soe']
  ],
  female: [
    ['အေး', 'Aye'], ['မြ', 'Mya'], ['သီတာ', 'Thida'], ['နီလာ', 'Nilar'], ['ခင်', 'Khin'], ['စန္ဒာ', 'Sandar'],
    ['ဖြူ', 'Phyu'], ['မြင့်', 'Myint'], ['သန္တာ', 'Thandar'], ['နွယ်', 'Nwe']
  ],
  honorific: {
    male: [['ဦး', 'U'], ['မောင်', 'Maung'], ['ကို', 'Ko']],
    female: [['ဒေါ်', 'Daw'], ['မ', 'Ma']]
  }
}

const KH = {
  male: [
    ['ដារ៉ា', 'Dara'], ['វណ្ណា', 'Vanna'], ['សុខា', 'Sokha'], ['ពិសិដ្ឋ', 'Piseth'], ['សំណាង', 'Samnang'],
    ['វិចិត្រ', 'Vichet'], ['ចំរើន', 'Chamroeun'], ['បូរ៉ា', 'Bora']
  ],
  female: [
    ['សុភា', 'Sophea'], ['ចន្ធូ', 'Chanthou'], ['បុប្ផា', 'Bopha'], ['ស្រីមុំ', 'Sreymom'], ['សុភាព', 'Sopheap'],
    ['ធីតា', 'Thida'], ['ម៉ាលី', 'Maly'], ['ស្រីនាង', 'Sreyneang']
  ],
  family: [
    ['សុខ', 'Sok'], ['ចាន់', 'Chan'], ['គឹម', 'Kim'], ['ហេង', 'Heng'], ['លី', 'Ly'], ['ម៉ៅ', 'Mao'], ['ពេជ្រ', 'Pich'],
    ['ឈឹម', 'Chhim'], ['ទេព', 'Tep']
  ]
} satisfies Record<string, Pair[]>

const VN = {
  family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'],
  middle: { male: ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu'], female: ['Thị', 'Ngọc', 'Thu', 'Thanh'] },
  given: {
    male: ['Hùng', 'Tuấn', 'Nam', 'Dũng', 'Long', 'Hải', 'Huy', 'Khánh', 'Cường', 'Thắng', 'Phúc', 'Sơn'],
    female: ['Lan', 'Hương', 'Mai', 'Linh', 'Thảo', 'Trang', 'Phương', 'Hạnh', 'Yến', 'Nhung']
  }
}

const CN = {
  family: [
    ['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang'], ['刘', 'Liu'], ['陈', 'Chen'], ['杨', 'Yang'], ['赵', 'Zhao'],
    ['黄', 'Huang'], ['周', 'Zhou'], ['吴', 'Wu'], ['徐', 'Xu'], ['孙', 'Sun'], ['马', 'Ma'], ['胡', 'Hu']
  ],
  male: [
    ['伟', 'Wei'], ['强', 'Qiang'], ['磊', 'Lei'], ['军', 'Jun'], ['勇', 'Yong'], ['杰', 'Jie'], ['涛', 'Tao'],
    ['明', 'Ming'], ['超', 'Chao'], ['志强', 'Zhiqiang'], ['建华', 'Jianhua'], ['海波', 'Haibo']
  ],
  female: [
    ['芳', 'Fang'], ['娜', 'Na'], ['敏', 'Min'], ['静', 'Jing'], ['艳', 'Yan'], ['秀英', 'Xiuying'], ['海燕', 'Haiyan'],
    ['丽', 'Li'], ['婷', 'Ting'], ['玉兰', 'Yulan']
  ]
} satisfies Record<string, Pair[]>

/** Passports print Vietnamese names in capitals without diacritics. */
function passportLatin(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toUpperCase()
}

export function personName(rng: Rng, country: CountryCode, sex: Sex): PersonName {
  switch (country) {
    case 'TH': {
      const [g, gl] = rng.pick(TH[sex])
      const [f, fl] = rng.pick(TH.family)
      return { native: `${g} ${f}`, latin: `${gl} ${fl}` }
    }
    case 'LA': {
      const [g, gl] = rng.pick(LA[sex])
      const [f, fl] = rng.pick(LA.family)
      return { native: `${g} ${f}`, latin: `${gl} ${fl}` }
    }
    case 'MM': {
      // Doubled names ("Mya Mya", "Aye Aye") are common; otherwise syllables do not repeat.
      const first = rng.pick(MM[sex])
      const parts: Pair[] = [first]
      if (rng.chance(0.1)) parts.push(first)
      else {
        const length = rng.int(2, 3)
        while (parts.length < length) {
          const next = rng.pick(MM[sex])
          if (!parts.includes(next)) parts.push(next)
        }
      }
      const native = parts.map(([n]) => n).join('')
      const latin = parts.map(([, l]) => l)
      if (rng.chance(0.3)) {
        const [hn, hl] = rng.pick(MM.honorific[sex])
        return { native: hn + native, latin: `${hl} ${latin.join(' ')}` }
      }
      return { native, latin: latin.join(' ') }
    }
    case 'KH': {
      const [f, fl] = rng.pick(KH.family)
      const [g, gl] = rng.pick(KH[sex])
      return { native: `${f} ${g}`, latin: `${fl} ${gl}` }
    }
    case 'VN': {
      const native = `${rng.pick(VN.family)} ${rng.pick(VN.middle[sex])} ${rng.pick(VN.given[sex])}`
      return { native, latin: passportLatin(native) }
    }
    case 'CN': {
      const [f, fl] = rng.pick(CN.family)
      const [g, gl] = rng.pick(CN[sex])
      return { native: f + g, latin: `${fl.toUpperCase()} ${gl}` }
    }
  }
}

/** Thai ID cards carry a mod-11 check digit; a realistic number keeps validators downstream honest. */
function thaiNationalId(rng: Rng): string {
  const d = String(rng.int(1, 8)) + rng.digits(11)
  let sum = 0
  for (let i = 0; i < 12; i++) sum += Number(d[i]) * (13 - i)
  const check = (11 - (sum % 11)) % 10
  return `${d[0]}-${d.slice(1, 5)}-${d.slice(5, 10)}-${d.slice(10, 12)}-${check}`
}

const MM_TOWNSHIPS = ['MaWaTa', 'TaKaLa', 'KaMaYa', 'LaTaNa', 'YaKaNa'] as const
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ'

export type IdType = 'passport' | 'national_id' | 'border_pass' | 'driving_licence'

export function idNumber(rng: Rng, country: CountryCode, type: IdType): string {
  if (type === 'passport') {
    switch (country) {
      case 'TH':
        return rng.pick(['AA', 'AB', 'AC']) + rng.digits(7)
      case 'LA':
        return 'P' + rng.digits(7)
      case 'MM':
        return rng.pick(['MA', 'MB', 'MC', 'MD']) + rng.digits(6)
      case 'KH':
        return 'N' + rng.digits(7)
      case 'VN':
        return 'C' + rng.digits(7)
      case 'CN':
        return 'E' + rng.digits(8)
    }
  }
  if (type === 'border_pass') return `BP-${country}-${rng.digits(6)}`
  if (type === 'driving_licence') return `${rng.pick(LETTERS)}${rng.digits(8)}`
  switch (country) {
    case 'TH':
      return thaiNationalId(rng)
    case 'LA':
      return rng.digits(2) + '-' + rng.digits(8)
    case 'MM':
      return `${rng.int(1, 14)}/${rng.pick(MM_TOWNSHIPS)}(N)${rng.digits(6)}`
    case 'KH':
      return rng.digits(9)
    case 'VN':
      return rng.pick(['072', '079', '070']) + rng.digits(9)
    case 'CN':
      return '53' + rng.digits(15) + rng.pick(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'])
  }
}
