/**
 * What gets seized on these borders, in plausible amounts: yaba by the hundred thousand, ice by the kilo,
 * pangolin scales by the sack, rosewood by the cubic metre. Amounts are drawn log-uniformly between min and max.
 */
import type { Rng } from './random'
import type { Unit, Words } from './vocabulary'

export interface Commodity {
  words: Words
  unit: Unit
  min: number
  max: number
  /** Amounts are rounded to this step (tablets counted in thousands, liquids in 20 L jerrycans). */
  step: number
  /** Scientific names to choose from (wildlife, timber). */
  species?: readonly string[]
  /** Chemical names to choose from (precursors). */
  chemical?: readonly string[]
  /** A counted word that replaces the unit's (Thai classifiers, currency names); en is then a currency code. */
  counter?: Partial<Words>
  weight: number
}

const c = (
  weight: number,
  words: Words,
  unit: Unit,
  min: number,
  max: number,
  step: number,
  extra: Pick<Commodity, 'species' | 'chemical' | 'counter'> = {}
): Commodity => ({ weight, words, unit, min, max, step, ...extra })

const NARCOTICS = [
  c(50, { en: 'methamphetamine tablets (yaba)', th: 'ยาบ้า', lo: 'ຢາບ້າ', vi: 'hồng phiến' }, 'tablets', 10_000, 2_000_000, 1000),
  c(20, { en: 'crystal methamphetamine (ice)', th: 'ยาไอซ์', lo: 'ຢາໄອສ', vi: 'ma túy đá' }, 'kg', 0.5, 1200, 0.1),
  c(6, { en: 'heroin', th: 'เฮโรอีน', lo: 'ເຮໂຣອີນ', vi: 'heroin' }, 'g', 50, 999, 1),
  c(6, { en: 'heroin No. 4', th: 'เฮโรอีน', lo: 'ເຮໂຣອີນ', vi: 'heroin' }, 'kg', 0.35, 80, 0.35),
  c(6, { en: 'ketamine', th: 'เคตามีน', lo: 'ເຄຕາມີນ', vi: 'ketamine' }, 'kg', 1, 600, 0.5),
  c(8, { en: 'dried cannabis', th: 'กัญชาแห้ง', lo: 'ກັນຊາແຫ້ງ', vi: 'cần sa khô' }, 'kg', 2, 3000, 1),
  c(4, { en: 'raw opium', th: 'ฝิ่นดิบ', lo: 'ຝິ່ນດິບ', vi: 'thuốc phiện sống' }, 'kg', 0.5, 40, 0.1),
  c(3, { en: 'ecstasy (MDMA) tablets', th: 'ยาอี', lo: 'ຢາອີ', vi: 'thuốc lắc' }, 'tablets', 500, 50_000, 100)
]

const PRECURSOR = { en: 'precursor chemicals', th: 'สารเคมีตั้งต้น', lo: 'ສານເຄມີຕັ້ງຕົ້ນ', vi: 'tiền chất' }
const PRECURSORS = [
  c(6, PRECURSOR, 'kg', 200, 20_000, 25, { chemical: ['caffeine anhydrous'] }),
  c(3, PRECURSOR, 'kg', 5, 500, 1, { chemical: ['pseudoephedrine hydrochloride', 'ephedrine'] }),
  c(3, PRECURSOR, 'kg', 100, 10_000, 25, { chemical: ['sodium cyanide', 'sodium hydroxide'] }),
  c(6, PRECURSOR, 'L', 20, 4000, 20, {
    chemical: ['propionyl chloride', 'benzyl cyanide', 'acetic anhydride', 'methylamine', 'toluene', 'hydrochloric acid', 'sulfuric acid']
  }),
  c(2, PRECURSOR, 'L', 5, 500, 5, { chemical: ['1-phenyl-2-propanone (P-2-P)'] })
]

const WILDLIFE = [
  c(14, { en: 'pangolin scales', th: 'เกล็ดตัวลิ่น', lo: 'ເກັດລິ່ນ', vi: 'vảy tê tê' }, 'kg', 5, 2000, 0.5, {
    species: ['Manis javanica', 'Manis pentadactyla', 'Smutsia gigantea']
  }),
  c(8, { en: 'live pangolins', th: 'ตัวลิ่นมีชีวิต', lo: 'ລິ່ນມີຊີວິດ', vi: 'tê tê sống' }, 'head', 1, 120, 1, { species: ['Manis javanica'] }),
  c(5, { en: 'elephant ivory', th: 'งาช้าง', lo: 'ງາຊ້າງ', vi: 'ngà voi' }, 'kg', 2, 900, 0.5, { species: ['Loxodonta africana', 'Elephas maximus'] }),
  c(3, { en: 'tiger parts', th: 'ซากเสือโคร่ง', lo: 'ຊາກເສືອ', vi: 'bộ phận hổ' }, 'pieces', 1, 40, 1, { species: ['Panthera tigris'] }),
  c(2, { en: 'rhinoceros horn', th: 'นอแรด', lo: 'ນໍແຮດ', vi: 'sừng tê giác' }, 'kg', 1, 60, 0.1, { species: ['Ceratotherium simum'] }),
  c(8, { en: 'live turtles and tortoises', th: 'เต่ามีชีวิต', lo: 'ເຕົ່າມີຊີວິດ', vi: 'rùa sống' }, 'head', 10, 2000, 1, {
    species: ['Cuora amboinensis', 'Indotestudo elongata', 'Heosemys annandalii']
  }),
  c(5, { en: 'live birds', th: 'นกมีชีวิต', lo: 'ນົກມີຊີວິດ', vi: 'chim sống' }, 'head', 5, 600, 1, {
    species: ['Gracula religiosa', 'Psittacula eupatria', 'Pycnonotus jocosus']
  }),
  c(3, { en: 'long-tailed macaques', th: 'ลิงแสม', lo: 'ລິງຫາງຍາວ', vi: 'khỉ đuôi dài' }, 'head', 2, 80, 1, { species: ['Macaca fascicularis'] }),
  c(4, { en: 'Burmese pythons', th: 'งูเหลือม', lo: 'ງູເຫຼືອມ', vi: 'trăn' }, 'head', 5, 300, 1, { species: ['Python bivittatus'] }),
  c(2, { en: 'bear gall bladders', th: 'ดีหมี', lo: 'ບີໝີ', vi: 'mật gấu' }, 'pieces', 2, 200, 1, { species: ['Ursus thibetanus'] })
]

const TIMBER = [
  c(8, { en: 'Siamese rosewood logs', th: 'ไม้พะยูง', lo: 'ໄມ້ຂະຍຸງ', vi: 'gỗ trắc' }, 'm3', 0.5, 60, 0.01, { species: ['Dalbergia cochinchinensis'] }),
  c(6, { en: 'Siamese rosewood blocks', th: 'ไม้พะยูงแปรรูป', lo: 'ໄມ້ຂະຍຸງແປຮູບ', vi: 'gỗ trắc xẻ' }, 'pieces', 10, 800, 1, {
    species: ['Dalbergia cochinchinensis'],
    counter: { th: 'ท่อน', lo: 'ທ່ອນ', vi: 'hộp' }
  }),
  c(4, { en: 'padauk logs', th: 'ไม้ประดู่', lo: 'ໄມ້ດູ່', vi: 'gỗ giáng hương' }, 'm3', 1, 80, 0.01, { species: ['Pterocarpus macrocarpus'] }),
  c(3, { en: 'teak logs', th: 'ไม้สัก', lo: 'ໄມ້ສັກ', vi: 'gỗ tếch' }, 'm3', 2, 120, 0.01, { species: ['Tectona grandis'] }),
  c(3, { en: 'agarwood chips', th: 'ไม้กฤษณา', lo: 'ໄມ້ກິດສະໜາ', vi: 'trầm hương' }, 'kg', 2, 500, 0.5, { species: ['Aquilaria crassna'] })
]

const COUNTERFEIT = [
  c(8, { en: 'cartons of counterfeit cigarettes', th: 'บุหรี่ปลอม', lo: 'ຢາສູບປອມ', vi: 'thuốc lá giả' }, 'pieces', 50, 20_000, 10, {
    counter: { th: 'แถว', lo: 'ແຖວ', vi: 'cây' }
  }),
  c(5, { en: 'counterfeit designer handbags', th: 'กระเป๋าแบรนด์เนมปลอม', lo: 'ກະເປົາແບຣນເນມປອມ', vi: 'túi xách giả' }, 'pieces', 20, 5000, 1, {
    counter: { th: 'ใบ', lo: 'ໜ່ວຍ', vi: 'chiếc' }
  }),
  c(4, { en: 'counterfeit sildenafil tablets', th: 'ยาปลอม (ซิลเดนาฟิล)', lo: 'ຢາປອມ (ຊິລເດນາຟິລ)', vi: 'thuốc giả (sildenafil)' }, 'tablets', 1000, 500_000, 100),
  c(4, { en: 'counterfeit whisky', th: 'สุราปลอม', lo: 'ເຫຼົ້າປອມ', vi: 'rượu giả' }, 'L', 50, 10_000, 10),
  c(3, { en: 'counterfeit mobile phones', th: 'โทรศัพท์มือถือปลอม', lo: 'ໂທລະສັບມືຖືປອມ', vi: 'điện thoại giả' }, 'pieces', 10, 3000, 1, {
    counter: { th: 'เครื่อง', lo: 'ເຄື່ອງ', vi: 'chiếc' }
  }),
  c(3, { en: 'counterfeit cosmetics', th: 'เครื่องสำอางปลอม', lo: 'ເຄື່ອງສຳອາງປອມ', vi: 'mỹ phẩm giả' }, 'pieces', 100, 20_000, 10)
]

const CASH = { en: 'undeclared cash', th: 'เงินสดไม่สำแดง', lo: 'ເງິນສົດບໍ່ໄດ້ແຈ້ງ', vi: 'tiền mặt không khai báo' }
const CURRENCY = [
  c(6, CASH, 'other', 200_000, 30_000_000, 1000, { counter: { en: 'THB', th: 'บาท', lo: 'ບາດ', vi: 'baht' } }),
  c(4, CASH, 'other', 10_000_000, 2_000_000_000, 100_000, { counter: { en: 'LAK', th: 'กีบ', lo: 'ກີບ', vi: 'kíp' } }),
  c(4, CASH, 'other', 10_000, 2_000_000, 100, { counter: { en: 'USD', th: 'ดอลลาร์สหรัฐ', lo: 'ໂດລາສະຫະລັດ', vi: 'đô la Mỹ' } }),
  c(3, CASH, 'other', 50_000, 5_000_000, 100, { counter: { en: 'CNY', th: 'หยวน', lo: 'ຢວນ', vi: 'nhân dân tệ' } }),
  c(2, CASH, 'other', 50_000_000, 5_000_000_000, 1_000_000, { counter: { en: 'VND', th: 'ดอง', lo: 'ດົງ', vi: 'đồng' } }),
  c(2, { en: 'counterfeit USD 100 notes', th: 'ธนบัตรดอลลาร์ปลอม', lo: 'ທະນະບັດໂດລາປອມ', vi: 'tiền đô la giả' }, 'pieces', 50, 20_000, 10, {
    counter: { th: 'ฉบับ', lo: 'ໃບ', vi: 'tờ' }
  })
]

const WEAPONS = [
  c(6, { en: 'pistols', th: 'อาวุธปืนพก', lo: 'ປືນພົກ', vi: 'súng ngắn' }, 'pieces', 1, 30, 1, { counter: { th: 'กระบอก', lo: 'ກະບອກ', vi: 'khẩu' } }),
  c(3, { en: 'AK-47 assault rifles', th: 'ปืนอาก้า (AK-47)', lo: 'ປືນ AK-47', vi: 'súng AK-47' }, 'pieces', 1, 20, 1, {
    counter: { th: 'กระบอก', lo: 'ກະບອກ', vi: 'khẩu' }
  }),
  c(2, { en: 'M16 rifles', th: 'ปืน M16', lo: 'ປືນ M16', vi: 'súng M16' }, 'pieces', 1, 15, 1, { counter: { th: 'กระบอก', lo: 'ກະບອກ', vi: 'khẩu' } }),
  c(6, { en: 'rounds of ammunition', th: 'กระสุนปืน', lo: 'ລູກປືນ', vi: 'đạn' }, 'pieces', 50, 10_000, 10, { counter: { th: 'นัด', lo: 'ລູກ', vi: 'viên' } }),
  c(3, { en: 'hand grenades', th: 'ระเบิดมือ', lo: 'ລູກລະເບີດມື', vi: 'lựu đạn' }, 'pieces', 1, 50, 1, { counter: { th: 'ลูก', lo: 'ລູກ', vi: 'quả' } }),
  c(1, { en: 'military explosives (TNT)', th: 'วัตถุระเบิด (TNT)', lo: 'ລະເບີດ (TNT)', vi: 'thuốc nổ TNT' }, 'kg', 1, 200, 0.5)
]

const OTHER = [
  c(5, { en: 'smuggled diesel fuel', th: 'น้ำมันดีเซลเถื่อน', lo: 'ນ້ຳມັນກາຊວນເຖື່ອນ', vi: 'dầu diesel nhập lậu' }, 'L', 200, 20_000, 20),
  c(5, { en: 'e-cigarettes', th: 'บุหรี่ไฟฟ้า', lo: 'ຢາສູບໄຟຟ້າ', vi: 'thuốc lá điện tử' }, 'pieces', 100, 30_000, 10),
  c(3, { en: 'kratom leaves', th: 'ใบกระท่อม', lo: 'ໃບກະທ່ອມ', vi: 'lá kratom' }, 'kg', 10, 2000, 1, { species: ['Mitragyna speciosa'] }),
  c(2, { en: 'fireworks', th: 'ดอกไม้ไฟ', lo: 'ດອກໄມ້ໄຟ', vi: 'pháo hoa' }, 'kg', 20, 3000, 1),
  c(2, { en: 'undeclared gold bars', th: 'ทองคำแท่งไม่สำแดง', lo: 'ຄຳແທ່ງບໍ່ໄດ້ແຈ້ງ', vi: 'vàng miếng không khai báo' }, 'kg', 0.5, 30, 0.1),
  c(3, { en: 'smuggled frozen pork', th: 'เนื้อหมูแช่แข็งเถื่อน', lo: 'ຊີ້ນໝູແຊ່ແຂງເຖື່ອນ', vi: 'thịt lợn đông lạnh nhập lậu' }, 'kg', 500, 20_000, 10)
]

export type GoodsCategory = 'narcotics' | 'precursors' | 'wildlife' | 'timber' | 'counterfeit' | 'currency' | 'weapons' | 'other'

export const COMMODITIES: Record<GoodsCategory, readonly Commodity[]> = {
  narcotics: NARCOTICS,
  precursors: PRECURSORS,
  wildlife: WILDLIFE,
  timber: TIMBER,
  counterfeit: COUNTERFEIT,
  currency: CURRENCY,
  weapons: WEAPONS,
  other: OTHER
}

const WEIGHTED = {} as Record<GoodsCategory, readonly (readonly [Commodity, number])[]>
for (const category of Object.keys(COMMODITIES) as GoodsCategory[]) {
  WEIGHTED[category] = COMMODITIES[category].map((x) => [x, x.weight] as const)
}

export function pickCommodity(rng: Rng, category: GoodsCategory): Commodity {
  return rng.weighted(WEIGHTED[category])
}

export function drawQuantity(rng: Rng, commodity: Commodity): number {
  const raw = rng.logUniform(commodity.min, commodity.max)
  const stepped = Math.round(raw / commodity.step) * commodity.step
  // Rounding a step like 0.1 leaves binary noise (12.300000000000001); cut it back to the step's decimals.
  const decimals = commodity.step < 1 ? String(commodity.step).split('.')[1].length : 0
  return Math.max(commodity.step, Number(stepped.toFixed(decimals)))
}
