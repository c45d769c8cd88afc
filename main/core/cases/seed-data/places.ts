/**
 * Border crossings of the Mekong and Golden Triangle where BLOs work in pairs, one office on each side.
 * Coordinates are approximate (a few hundred metres): good enough for a map pin, not for navigation.
 */
import type { CountryCode, Lang } from './vocabulary'

/** A name in English and in the script of the side it belongs to. */
export interface Named {
  en: string
  local: string
}

export interface Spot extends Named {
  lat: number
  lon: number
}

export interface BorderSide {
  country: CountryCode
  /** The language this side's officers write case text in besides English; null where we only write English. */
  lang: Lang | null
  town: Named
  crossing: Spot
  checkpoints: readonly Spot[]
  /** Places away from the formal crossing: riverbanks, piers, natural crossings, economic zones. */
  elsewhere: readonly Spot[]
  /** Where seized goods or recruited people were said to be heading. */
  destinations: readonly Named[]
  /** Nationalities of the people met at this side, by relative frequency. */
  people: readonly (readonly [CountryCode, number])[]
}

export interface Crossing {
  id: string
  /** Relative share of cases: the busy Thai–Lao and Thai–Myanmar gates dominate. */
  weight: number
  sides: readonly [BorderSide, BorderSide]
}

export const CROSSINGS: readonly Crossing[] = [
  {
    id: 'chiang-khong-houayxay',
    weight: 18,
    sides: [
      {
        country: 'TH',
        lang: 'th',
        town: { en: 'Chiang Khong', local: 'เชียงของ' },
        crossing: {
          en: 'Chiang Khong border checkpoint, Thai–Lao Friendship Bridge 4',
          local: 'ด่านพรมแดนเชียงของ สะพานมิตรภาพไทย-ลาว แห่งที่ 4',
          lat: 20.2436,
          lon: 100.4376
        },
        checkpoints: [
          { en: 'Ban Hat Khrai checkpoint', local: 'จุดตรวจบ้านหาดไคร้', lat: 20.2589, lon: 100.4321 },
          { en: 'Chiang Khong customs pier', local: 'ท่าเรือด่านศุลกากรเชียงของ', lat: 20.2702, lon: 100.4077 },
          { en: 'Highway 1020 checkpoint, Chiang Khong', local: 'จุดตรวจทางหลวง 1020 อ.เชียงของ', lat: 20.2131, lon: 100.3859 }
        ],
        elsewhere: [
          { en: 'Mekong riverbank, Sop Ruak, Chiang Saen', local: 'ริมแม่น้ำโขง บ้านสบรวก อ.เชียงแสน', lat: 20.3536, lon: 100.0835 },
          { en: 'Chiang Saen commercial port', local: 'ท่าเรือพาณิชย์เชียงแสน', lat: 20.2471, lon: 100.1133 },
          { en: 'Mekong riverbank, Wiang Kaen district', local: 'ริมแม่น้ำโขง อ.เวียงแก่น', lat: 20.1046, lon: 100.5121 }
        ],
        destinations: [
          { en: 'Bangkok', local: 'กรุงเทพฯ' },
          { en: 'Chiang Mai', local: 'เชียงใหม่' },
          { en: 'Nakhon Sawan', local: 'นครสวรรค์' }
        ],
        people: [['TH', 6], ['LA', 3], ['MM', 2], ['CN', 1]]
      },
      {
        country: 'LA',
        lang: 'lo',
        town: { en: 'Houayxay', local: 'ຫ້ວຍຊາຍ' },
        crossing: {
          en: 'Houayxay international checkpoint, Friendship Bridge 4',
          local: 'ດ່ານສາກົນຂົວມິດຕະພາບ ລາວ-ໄທ ແຫ່ງທີ 4 ຫ້ວຍຊາຍ',
          lat: 20.2475,
          lon: 100.4432
        },
        checkpoints: [
          { en: 'Houayxay river pier', local: 'ທ່າເຮືອຫ້ວຍຊາຍ', lat: 20.2768, lon: 100.4148 },
          { en: 'Tonpheung district checkpoint', local: 'ດ່ານກວດເມືອງຕົ້ນເຜິ້ງ', lat: 20.3602, lon: 100.1063 }
        ],
        elsewhere: [
          { en: 'Golden Triangle Special Economic Zone, Tonpheung', local: 'ເຂດເສດຖະກິດພິເສດສາມຫຼ່ຽມຄຳ ເມືອງຕົ້ນເຜິ້ງ', lat: 20.3681, lon: 100.0941 },
          { en: 'Route 3, Bokeo province', local: 'ທາງເລກ 3 ແຂວງບໍ່ແກ້ວ', lat: 20.3091, lon: 100.5219 }
        ],
        destinations: [
          { en: 'Luang Namtha', local: 'ຫຼວງນ້ຳທາ' },
          { en: 'Oudomxay', local: 'ອຸດົມໄຊ' },
          { en: 'Boten', local: 'ບໍ່ເຕັນ' }
        ],
        people: [['LA', 6], ['TH', 2], ['CN', 3], ['MM', 1]]
      }
    ]
  },
  {
    id: 'nong-khai-vientiane',
    weight: 18,
    sides: [
      {
        country: 'TH',
        lang: 'th',
        town: { en: 'Nong Khai', local: 'หนองคาย' },
        crossing: {
          en: 'Nong Khai border checkpoint, Thai–Lao Friendship Bridge 1',
          local: 'ด่านพรมแดนหนองคาย สะพานมิตรภาพไทย-ลาว แห่งที่ 1',
          lat: 17.8771,
          lon: 102.7126
        },
        checkpoints: [
          { en: 'Nong Khai railway station', local: 'สถานีรถไฟหนองคาย', lat: 17.8657, lon: 102.7233 },
          { en: 'Highway 2 checkpoint, Mueang Nong Khai', local: 'จุดตรวจทางหลวง 2 อ.เมืองหนองคาย', lat: 17.8203, lon: 102.7468 }
        ],
        elsewhere: [
          { en: 'Mekong riverbank, Si Chiang Mai district', local: 'ริมแม่น้ำโขง อ.ศรีเชียงใหม่', lat: 17.9560, lon: 102.5878 },
          { en: 'Mekong riverbank, Phon Phisai district', local: 'ริมแม่น้ำโขง อ.โพนพิสัย', lat: 18.0202, lon: 103.0791 },
          { en: 'Tha Sadet market pier', local: 'ท่าเสด็จ ตลาดริมโขง', lat: 17.8822, lon: 102.7440 }
        ],
        destinations: [
          { en: 'Bangkok', local: 'กรุงเทพฯ' },
          { en: 'Khon Kaen', local: 'ขอนแก่น' },
          { en: 'Udon Thani', local: 'อุดรธานี' }
        ],
        people: [['TH', 6], ['LA', 4], ['VN', 1], ['CN', 1]]
      },
      {
        country: 'LA',
        lang: 'lo',
        town: { en: 'Vientiane', local: 'ວຽງຈັນ' },
        crossing: {
          en: 'Thanaleng international checkpoint, Friendship Bridge 1',
          local: 'ດ່ານສາກົນຂົວມິດຕະພາບ ລາວ-ໄທ ແຫ່ງທີ 1 ທ່ານາແລ້ງ',
          lat: 17.8826,
          lon: 102.7165
        },
        checkpoints: [
          { en: 'Khamsavath railway station', local: 'ສະຖານີລົດໄຟຄຳສະຫວາດ', lat: 17.8893, lon: 102.7194 },
          { en: 'Dongphosy checkpoint, Hadxaifong', local: 'ດ່ານກວດດົງໂພສີ ເມືອງຫາດຊາຍຟອງ', lat: 17.9001, lon: 102.6863 }
        ],
        elsewhere: [
          { en: 'Mekong riverside, Sikhottabong district', local: 'ແຄມແມ່ນ້ຳຂອງ ເມືອງສີໂຄດຕະບອງ', lat: 17.9499, lon: 102.5630 },
          { en: 'Vientiane Logistics Park, Thanaleng', local: 'ສູນໂລຈິສຕິກ ທ່ານາແລ້ງ', lat: 17.8864, lon: 102.7304 }
        ],
        destinations: [
          { en: 'Vang Vieng', local: 'ວັງວຽງ' },
          { en: 'Luang Prabang', local: 'ຫຼວງພະບາງ' },
          { en: 'Boten', local: 'ບໍ່ເຕັນ' }
        ],
        people: [['LA', 6], ['TH', 3], ['VN', 2], ['CN', 2]]
      }
    ]
  },
  {
    id: 'mukdahan-savannakhet',
    weight: 10,
    sides: [
      {
        country: 'TH',
        lang: 'th',
        town: { en: 'Mukdahan', local: 'มุกดาหาร' },
        crossing: {
          en: 'Mukdahan border checkpoint, Thai–Lao Friendship Bridge 2',
          local: 'ด่านพรมแดนมุกดาหาร สะพานมิตรภาพไทย-ลาว แห่งที่ 2',
          lat: 16.6020,
          lon: 104.7325
        },
        checkpoints: [
          { en: 'Highway 212 checkpoint, Mukdahan', local: 'จุดตรวจทางหลวง 212 อ.เมืองมุกดาหาร', lat: 16.5361, lon: 104.7184 },
          { en: 'Indochina market pier', local: 'ท่าเรือตลาดอินโดจีน', lat: 16.5468, lon: 104.7369 }
        ],
        elsewhere: [
          { en: 'Mekong riverbank, Wan Yai district', local: 'ริมแม่น้ำโขง อ.หว้านใหญ่', lat: 16.7096, lon: 104.7446 },
          { en: 'Mekong riverbank, Don Tan district', local: 'ริมแม่น้ำโขง อ.ดอนตาล', lat: 16.3145, lon: 104.9235 }
        ],
        destinations: [
          { en: 'Bangkok', local: 'กรุงเทพฯ' },
          { en: 'Khon Kaen', local: 'ขอนแก่น' },
          { en: 'Ubon Ratchathani', local: 'อุบลราชธานี' }
        ],
        people: [['TH', 6], ['LA', 4], ['VN', 2]]
      },
      {
        country: 'LA',
        lang: 'lo',
        town: { en: 'Savannakhet', local: 'ສະຫວັນນະເຂດ' },
        crossing: {
          en: 'Savannakhet international checkpoint, Friendship Bridge 2',
          local: 'ດ່ານສາກົນຂົວມິດຕະພາບ ລາວ-ໄທ ແຫ່ງທີ 2 ສະຫວັນນະເຂດ',
          lat: 16.6033,
          lon: 104.7459
        },
        checkpoints: [
          { en: 'Route 9 checkpoint, Kaysone Phomvihane', local: 'ດ່ານກວດທາງເລກ 9 ນະຄອນໄກສອນ ພົມວິຫານ', lat: 16.5819, lon: 104.7980 }
        ],
        elsewhere: [
          { en: 'Savan-Seno Special Economic Zone', local: 'ເຂດເສດຖະກິດພິເສດ ສະຫວັນ-ເຊໂນ', lat: 16.6186, lon: 104.7684 },
          { en: 'Mekong riverside, Xaiphouthong district', local: 'ແຄມແມ່ນ້ຳຂອງ ເມືອງໄຊພູທອງ', lat: 16.3801, lon: 104.9210 }
        ],
        destinations: [
          { en: 'Dansavanh (Lao–Viet Nam border)', local: 'ດ່ານແດນສະຫວັນ' },
          { en: 'Pakse', local: 'ປາກເຊ' }
        ],
        people: [['LA', 6], ['TH', 2], ['VN', 3]]
      }
    ]
  },
  {
    id: 'nakhon-phanom-thakhek',
    weight: 8,
    sides: [
      {
        country: 'TH',
        lang: 'th',
        town: { en: 'Nakhon Phanom', local: 'นครพนม' },
        crossing: {
          en: 'Nakhon Phanom border checkpoint, Thai–Lao Friendship Bridge 3',
          local: 'ด่านพรมแดนนครพนม สะพานมิตรภาพไทย-ลาว แห่งที่ 3',
          lat: 17.4653,
          lon: 104.7515
        },
        checkpoints: [
          { en: 'Highway 22 checkpoint, Nakhon Phanom', local: 'จุดตรวจทางหลวง 22 อ.เมืองนครพนม', lat: 17.3768, lon: 104.6993 }
        ],
        elsewhere: [
          { en: 'Mekong riverbank, Tha Uthen district', local: 'ริมแม่น้ำโขง อ.ท่าอุเทน', lat: 17.5717, lon: 104.6023 },
          { en: 'Mekong riverbank, That Phanom district', local: 'ริมแม่น้ำโขง อ.ธาตุพนม', lat: 16.9421, lon: 104.7297 }
        ],
        destinations: [
          { en: 'Bangkok', local: 'กรุงเทพฯ' },
          { en: 'Sakon Nakhon', local: 'สกลนคร' }
        ],
        people: [['TH', 6], ['LA', 4], ['VN', 2]]
      },
      {
        country: 'LA',
        lang: 'lo',
        town: { en: 'Thakhek', local: 'ທ່າແຂກ' },
        crossing: {
          en: 'Thakhek international checkpoint, Friendship Bridge 3',
          local: 'ດ່ານສາກົນຂົວມິດຕະພາບ ລາວ-ໄທ ແຫ່ງທີ 3 ທ່າແຂກ',
          lat: 17.4694,
          lon: 104.7663
        },
        checkpoints: [
          { en: 'Route 13 South checkpoint, Thakhek', local: 'ດ່ານກວດທາງເລກ 13 ໃຕ້ ເມືອງທ່າແຂກ', lat: 17.3920, lon: 104.8135 }
        ],
        elsewhere: [
          { en: 'Thakhek river pier', local: 'ທ່າເຮືອທ່າແຂກ', lat: 17.4047, lon: 104.8018 }
        ],
        destinations: [
          { en: 'Na Phao (Lao–Viet Nam border)', local: 'ດ່ານນາເພົ້າ' },
          { en: 'Vientiane', local: 'ນະຄອນຫຼວງວຽງຈັນ' }
        ],
        people: [['LA', 6], ['TH', 2], ['VN', 3]]
      }
    ]
  },
  {
    id: 'chong-mek-vang-tao',
    weight: 6,
    sides: [
      {
        country: 'TH',
        lang: 'th',
        town: { en: 'Chong Mek', local: 'ช่องเม็ก' },
        crossing: {
          en: 'Chong Mek border checkpoint, Sirindhorn district',
          local: 'ด่านพรมแดนช่องเม็ก อ.สิรินธร จ.อุบลราชธานี',
          lat: 15.1357,
          lon: 105.4636
        },
        checkpoints: [
          { en: 'Highway 217 checkpoint, Sirindhorn', local: 'จุดตรวจทางหลวง 217 อ.สิรินธร', lat: 15.1792, lon: 105.3907 }
        ],
        elsewhere: [
          { en: 'Chong Mek border market', local: 'ตลาดชายแดนช่องเม็ก', lat: 15.1371, lon: 105.4652 },
          { en: 'Mekong riverbank, Khong Chiam district', local: 'ริมแม่น้ำโขง อ.โขงเจียม', lat: 15.3188, lon: 105.5047 }
        ],
        destinations: [
          { en: 'Ubon Ratchathani', local: 'อุบลราชธานี' },
          { en: 'Bangkok', local: 'กรุงเทพฯ' }
        ],
        people: [['TH', 6], ['LA', 4], ['KH', 1], ['VN', 1]]
      },
      {
        country: 'LA',
        lang: 'lo',
        town: { en: 'Vang Tao', local: 'ວັງເຕົ່າ' },
        crossing: {
          en: 'Vang Tao international checkpoint, Champasak',
          local: 'ດ່ານສາກົນວັງເຕົ່າ ແຂວງຈຳປາສັກ',
          lat: 15.1350,
          lon: 105.4700
        },
        checkpoints: [
          { en: 'Route 16 checkpoint, Phonthong district', local: 'ດ່ານກວດທາງເລກ 16 ເມືອງໂພນທອງ', lat: 15.1330, lon: 105.6612 }
        ],
        elsewhere: [
          { en: 'Pakse river port', local: 'ທ່າເຮືອປາກເຊ', lat: 15.1178, lon: 105.7903 }
        ],
        destinations: [
          { en: 'Pakse', local: 'ປາກເຊ' },
          { en: 'Attapeu', local: 'ອັດຕະປື' }
        ],
        people: [['LA', 6], ['TH', 3], ['VN', 2], ['KH', 1]]
      }
    ]
  },
  {
    id: 'mae-sai-tachileik',
    weight: 16,
    sides: [
      {
        country: 'TH',
        lang: 'th',
        town: { en: 'Mae Sai', local: 'แม่สาย' },
        crossing: {
          en: 'Mae Sai border checkpoint, Thai–Myanmar Friendship Bridge 1',
          local: 'ด่านพรมแดนแม่สาย สะพานมิตรภาพไทย-เมียนมา แห่งที่ 1',
          lat: 20.4487,
          lon: 99.8822
        },
        checkpoints: [
          { en: 'Highway 1 checkpoint, Mae Chan district', local: 'จุดตรวจทางหลวง 1 อ.แม่จัน', lat: 20.1468, lon: 99.8536 },
          { en: 'Thai–Myanmar Friendship Bridge 2 cargo gate', local: 'ด่านสินค้า สะพานมิตรภาพไทย-เมียนมา แห่งที่ 2', lat: 20.4265, lon: 99.8987 }
        ],
        elsewhere: [
          { en: 'Sai riverbank, Ko Sai community', local: 'ริมแม่น้ำสาย ชุมชนเกาะทราย', lat: 20.4461, lon: 99.8788 },
          { en: 'Doi Tung border road', local: 'ถนนเลียบชายแดนดอยตุง', lat: 20.3293, lon: 99.8210 },
          { en: 'Mekong riverbank, Golden Triangle, Chiang Saen', local: 'ริมแม่น้ำโขง สามเหลี่ยมทองคำ อ.เชียงแสน', lat: 20.3540, lon: 100.0820 }
        ],
        destinations: [
          { en: 'Chiang Mai', local: 'เชียงใหม่' },
          { en: 'Bangkok', local: 'กรุงเทพฯ' },
          { en: 'Chiang Rai', local: 'เชียงราย' }
        ],
        people: [['TH', 5], ['MM', 5], ['CN', 1], ['LA', 1]]
      },
      {
        country: 'MM',
        lang: null,
        town: { en: 'Tachileik', local: 'တာချီလိတ်' },
        crossing: { en: 'Tachileik border gate', local: 'တာချီလိတ် နယ်စပ်ဂိတ်', lat: 20.4507, lon: 99.8807 },
        checkpoints: [
          { en: 'Tachileik–Kengtung road checkpoint', local: 'တာချီလိတ်-ကျိုင်းတုံ လမ်း စစ်ဆေးရေးဂိတ်', lat: 20.4701, lon: 99.8635 }
        ],
        elsewhere: [{ en: 'Tachileik riverside market', local: 'တာချီလိတ် မြစ်ကမ်းဈေး', lat: 20.4498, lon: 99.8843 }],
        destinations: [
          { en: 'Kengtung', local: 'ကျိုင်းတုံ' },
          { en: 'Mong La', local: 'မိုင်းလား' }
        ],
        people: [['MM', 7], ['TH', 2], ['CN', 2]]
      }
    ]
  },
  {
    id: 'mae-sot-myawaddy',
    weight: 14,
    sides: [
      {
        country: 'TH',
        lang: 'th',
        town: { en: 'Mae Sot', local: 'แม่สอด' },
        crossing: {
          en: 'Mae Sot border checkpoint, Thai–Myanmar Friendship Bridge',
          local: 'ด่านพรมแดนแม่สอด สะพานมิตรภาพไทย-เมียนมา',
          lat: 16.6977,
          lon: 98.5143
        },
        checkpoints: [
          { en: 'Huai Ya-U checkpoint, Highway 12', local: 'ด่านตรวจห้วยยะอุ ทางหลวง 12', lat: 16.7668, lon: 98.7337 },
          { en: 'Thai–Myanmar Friendship Bridge 2 cargo gate', local: 'ด่านสินค้า สะพานมิตรภาพไทย-เมียนมา แห่งที่ 2', lat: 16.6568, lon: 98.5339 }
        ],
        elsewhere: [
          { en: 'Moei riverbank, Ban Wang Takhian', local: 'ริมแม่น้ำเมย บ้านวังตะเคียน', lat: 16.7276, lon: 98.5229 },
          { en: 'Natural crossing, Ban Rim Moei', local: 'ท่าข้ามธรรมชาติ บ้านริมเมย', lat: 16.6932, lon: 98.5152 },
          { en: 'Phop Phra district border road', local: 'ถนนเลียบชายแดน อ.พบพระ', lat: 16.3889, lon: 98.6904 }
        ],
        destinations: [
          { en: 'Bangkok', local: 'กรุงเทพฯ' },
          { en: 'Samut Sakhon', local: 'สมุทรสาคร' },
          { en: 'Tak', local: 'ตาก' }
        ],
        people: [['TH', 4], ['MM', 7], ['CN', 1]]
      },
      {
        country: 'MM',
        lang: null,
        town: { en: 'Myawaddy', local: 'မြဝတီ' },
        crossing: { en: 'Myawaddy border gate', local: 'မြဝတီ နယ်စပ်ဂိတ်', lat: 16.6951, lon: 98.5075 },
        checkpoints: [
          { en: 'Asia Highway checkpoint, Myawaddy', local: 'အာရှလမ်းမကြီး စစ်ဆေးရေးဂိတ် မြဝတီ', lat: 16.6871, lon: 98.4852 }
        ],
        elsewhere: [{ en: 'Shwe Kokko', local: 'ရွှေကုက္ကိုလ်', lat: 16.8356, lon: 98.5097 }],
        destinations: [
          { en: 'Hpa-an', local: 'ဘားအံ' },
          { en: 'Yangon', local: 'ရန်ကုန်' },
          { en: 'Shwe Kokko', local: 'ရွှေကုက္ကိုလ်' }
        ],
        people: [['MM', 7], ['TH', 1], ['CN', 3]]
      }
    ]
  },
  {
    id: 'bavet-moc-bai',
    weight: 10,
    sides: [
      {
        country: 'KH',
        lang: null,
        town: { en: 'Bavet', local: 'បាវិត' },
        crossing: {
          en: 'Bavet international border checkpoint',
          local: 'ច្រកព្រំដែនអន្តរជាតិបាវិត',
          lat: 11.0762,
          lon: 106.1471
        },
        checkpoints: [
          { en: 'National Road 1 checkpoint, Svay Rieng', local: 'ប៉ុស្តិ៍ត្រួតពិនិត្យ ផ្លូវជាតិលេខ១ ស្វាយរៀង', lat: 11.0891, lon: 106.1205 }
        ],
        elsewhere: [{ en: 'Bavet Special Economic Zone', local: 'តំបន់សេដ្ឋកិច្ចពិសេសបាវិត', lat: 11.0824, lon: 106.1352 }],
        destinations: [
          { en: 'Phnom Penh', local: 'ភ្នំពេញ' },
          { en: 'Sihanoukville', local: 'ក្រុងព្រះសីហនុ' }
        ],
        people: [['KH', 6], ['VN', 4], ['CN', 2]]
      },
      {
        country: 'VN',
        lang: 'vi',
        town: { en: 'Moc Bai', local: 'Mộc Bài' },
        crossing: {
          en: 'Moc Bai international border gate, Tay Ninh',
          local: 'Cửa khẩu Quốc tế Mộc Bài, Tây Ninh',
          lat: 11.0780,
          lon: 106.1560
        },
        checkpoints: [
          { en: 'Moc Bai joint control station', local: 'Trạm kiểm soát liên hợp Mộc Bài', lat: 11.0823, lon: 106.1638 },
          { en: 'National Highway 22 checkpoint, Go Dau', local: 'Chốt kiểm soát Quốc lộ 22, Gò Dầu', lat: 11.0980, lon: 106.2560 }
        ],
        elsewhere: [
          { en: 'Trails near the border, Ben Cau district', local: 'Đường mòn biên giới, huyện Bến Cầu', lat: 11.1190, lon: 106.1510 }
        ],
        destinations: [
          { en: 'Ho Chi Minh City', local: 'TP. Hồ Chí Minh' },
          { en: 'Tay Ninh', local: 'Tây Ninh' }
        ],
        people: [['VN', 6], ['KH', 4], ['CN', 1]]
      }
    ]
  }
]
