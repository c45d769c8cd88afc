/**
 * Case summaries and narratives as officers write them, in Thai, Lao, Vietnamese or English.
 * A Story carries the facts already rendered in the target language; the writers only arrange them.
 */
import type { Rng } from './random'
import type { Lang } from './vocabulary'

export type StoryKind = 'seizure' | 'arrest' | 'concealed' | 'abandoned' | 'rescue' | 'migrants'
export type Approach = 'vehicle' | 'boat' | 'foot'

export interface Story {
  kind: StoryKind
  approach: Approach
  /** Whether the load is too big to hide (tonnes of chemicals, cubic metres of logs). */
  bulky: boolean
  place: string
  town: string
  counterpart: string
  destination: string
  agency: string
  day: string
  time: string
  goods: readonly string[]
  vehicle: string
  plate?: string
  suspects: readonly string[]
  fee: string
  people?: { count: number; minors: number; nationality: string }
  species?: string
  chemical?: string
}

type Line = (s: Story, rng: Rng) => string
type Headline = (s: Story) => string

interface Writer {
  list(items: readonly string[]): string
  summary: Record<StoryKind, Headline>
  opening: Record<Approach, readonly Line[]>
  found: Record<'goods' | 'abandoned' | 'rescue' | 'migrants', Line>
  hiding: Record<Approach | 'bulky', readonly string[]>
  arrested: Line
  courier: Line
  recruited: Line
  jobs: readonly string[]
  closing: readonly string[]
  handover: Line
  victimsReferred: string
  species: Line
  chemical: Line
  /** Sentence separator: Thai and Lao separate sentences with a space and no full stop. */
  end: string
}

const EN: Writer = {
  list: (items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`),
  summary: {
    seizure: (s) => `Seizure of ${EN.list(s.goods)} at ${s.place}`,
    arrest: (s) => `${s.suspects.length} suspect${s.suspects.length > 1 ? 's' : ''} arrested with ${EN.list(s.goods)} at ${s.place}`,
    concealed: (s) => `${EN.list(s.goods)} concealed in ${s.vehicle}${s.plate ? ` ${s.plate}` : ''} at ${s.place}`,
    abandoned: (s) => `${EN.list(s.goods)} found abandoned near ${s.place}`,
    rescue: (s) => `${s.people!.count} ${s.people!.nationality} trafficking victims rescued at ${s.place}`,
    migrants: (s) => `${s.people!.count} undocumented ${s.people!.nationality} migrants intercepted at ${s.place}`
  },
  opening: {
    vehicle: [
      (s) => `At ${s.time} on ${s.day}, ${s.agency} officers at ${s.place} stopped a ${s.vehicle}${s.plate ? ` (registration ${s.plate})` : ''} heading for ${s.destination}.`,
      (s) => `Acting on information from the ${s.counterpart} BLO, ${s.agency} officers set up a checkpoint at ${s.place} and stopped a ${s.vehicle}${s.plate ? `, registration ${s.plate},` : ''} at ${s.time} on ${s.day}.`
    ],
    boat: [
      (s) => `During a river patrol near ${s.town} at ${s.time} on ${s.day}, ${s.agency} officers intercepted a ${s.vehicle} crossing from the ${s.counterpart} side.`
    ],
    foot: [
      (s) => `At ${s.time} on ${s.day}, a ${s.agency} patrol near ${s.place} saw a group carrying backpacks across the border line.`
    ]
  },
  found: {
    goods: (s, rng) => `A search found ${EN.list(s.goods)} ${rng.pick(EN.hiding[hidingKind(s)])}.`,
    abandoned: (s) => `The group dropped their loads and fled back to the ${s.counterpart} side; officers recovered ${EN.list(s.goods)}.`,
    rescue: (s) => `On board were ${s.people!.count} ${s.people!.nationality} nationals, ${s.people!.minors} of them under 18, travelling with a broker who held their documents.`,
    migrants: (s) => `All ${s.people!.count} people were ${s.people!.nationality} nationals who had no travel documents; they said they had paid ${s.fee} each to be taken to ${s.destination}.`
  },
  hiding: {
    vehicle: [
      'in a hidden compartment under the cargo bed',
      'inside sacks of dried chillies',
      'in the spare tyre',
      'among sacks of rice',
      'in cardboard boxes labelled as coffee',
      'behind the door panels',
      'under a load of cabbages'
    ],
    boat: ['under the floorboards of the boat', 'in plastic drums among fishing gear'],
    foot: ['in backpacks', 'in rice sacks carried on the shoulder'],
    bulky: [
      'under a tarpaulin, declared as agricultural produce',
      'behind a false wall of empty crates',
      'in the cargo hold, with falsified customs papers'
    ]
  },
  arrested: (s) => `${s.suspects.length === 1 ? 'One suspect was' : `${s.suspects.length} suspects were`} arrested: ${EN.list(s.suspects)}.`,
  courier: (s) => `The driver, ${s.suspects[0]}, admitted being paid ${s.fee} to deliver the load to ${s.destination}.`,
  recruited: (s, rng) => `The victims said they had been promised ${rng.pick(EN.jobs)} in ${s.destination}.`,
  jobs: ['restaurant work', 'factory jobs', 'online customer service jobs', 'work in a karaoke bar', 'domestic work', 'construction work'],
  closing: [
    'Exhibits were sealed, photographed and handed to the investigating officer.',
    'Details were shared with the counterpart BLO for follow-up on the network.'
  ],
  handover: (s) => `Those arrested were handed to ${s.town} police for prosecution.`,
  victimsReferred: 'The victims were referred to the provincial shelter for screening under the national referral mechanism.',
  species: (s) => `Specimens were sent for species identification (${s.species}).`,
  chemical: (s) => `Samples were sent to the laboratory; field tests indicated ${s.chemical}.`,
  end: ' '
}

const TH: Writer = {
  list: (items) => items.join(' และ'),
  summary: {
    seizure: (s) => `ตรวจยึด${TH.list(s.goods)} ที่${s.place}`,
    arrest: (s) => `จับกุมผู้ต้องหา ${s.suspects.length} ราย พร้อม${TH.list(s.goods)} ที่${s.place}`,
    concealed: (s) => `พบ${TH.list(s.goods)} ซุกซ่อนใน${s.vehicle}${s.plate ? ` ทะเบียน ${s.plate}` : ''} ที่${s.place}`,
    abandoned: (s) => `พบ${TH.list(s.goods)} ถูกทิ้งไว้บริเวณแนวชายแดน ใกล้${s.place}`,
    rescue: (s) => `ช่วยเหลือผู้เสียหายจากการค้ามนุษย์ชาว${s.people!.nationality} ${s.people!.count} ราย ที่${s.place}`,
    migrants: (s) => `จับกุมแรงงานชาว${s.people!.nationality}ลักลอบเข้าเมือง ${s.people!.count} ราย ที่${s.place}`
  },
  opening: {
    vehicle: [
      (s) => `เมื่อเวลา ${s.time} น. วันที่ ${s.day} เจ้าหน้าที่${s.agency}ประจำ${s.place} ได้ตรวจค้น${s.vehicle}${s.plate ? ` หมายเลขทะเบียน ${s.plate}` : ''} ซึ่งมุ่งหน้าไป${s.destination}`,
      (s) => `จากการประสานข้อมูลกับ BLO ฝั่ง${s.counterpart} เจ้าหน้าที่${s.agency}ได้ตั้งจุดตรวจที่${s.place} และตรวจค้น${s.vehicle}${s.plate ? ` ทะเบียน ${s.plate}` : ''} เมื่อเวลา ${s.time} น. วันที่ ${s.day}`
    ],
    boat: [
      (s) => `ระหว่างลาดตระเวนทางน้ำใกล้${s.town} เมื่อเวลา ${s.time} น. วันที่ ${s.day} เจ้าหน้าที่${s.agency}พบ${s.vehicle}ต้องสงสัยข้ามมาจากฝั่ง${s.counterpart}`
    ],
    foot: [
      (s) => `เมื่อเวลา ${s.time} น. วันที่ ${s.day} สายตรวจ${s.agency}บริเวณ${s.place} พบกลุ่มบุคคลแบกเป้ลักลอบข้ามแนวชายแดน`
    ]
  },
  found: {
    goods: (s, rng) => `ผลการตรวจค้นพบ${TH.list(s.goods)} ${rng.pick(TH.hiding[hidingKind(s)])}`,
    abandoned: (s) => `กลุ่มบุคคลดังกล่าวทิ้งสิ่งของแล้วหลบหนีกลับไปฝั่ง${s.counterpart} เจ้าหน้าที่จึงตรวจยึด${TH.list(s.goods)}`,
    rescue: (s) => `ตรวจพบผู้เสียหายชาว${s.people!.nationality} จำนวน ${s.people!.count} ราย เป็นเด็กอายุต่ำกว่า 18 ปี ${s.people!.minors} ราย เดินทางมากับนายหน้าซึ่งยึดเอกสารของผู้เสียหายไว้`,
    migrants: (s) => `บุคคลทั้ง ${s.people!.count} รายเป็นชาว${s.people!.nationality} ไม่มีเอกสารการเดินทาง ให้การว่าจ่ายค่านำพาคนละ ${s.fee} เพื่อเดินทางไป${s.destination}`
  },
  hiding: {
    vehicle: [
      'ในช่องลับใต้กระบะท้าย',
      'ในกระสอบพริกแห้ง',
      'ในยางอะไหล่',
      'ปะปนกับกระสอบข้าวสาร',
      'ในกล่องกระดาษที่ระบุว่าเป็นกาแฟ',
      'ในแผงประตูรถ',
      'ใต้กองกะหล่ำปลี'
    ],
    boat: ['ใต้พื้นเรือ', 'ในถังพลาสติกปะปนกับอุปกรณ์หาปลา'],
    foot: ['ในเป้สะพายหลัง', 'ในกระสอบข้าวที่แบกมา'],
    bulky: ['ใต้ผ้าใบคลุม โดยสำแดงเป็นสินค้าเกษตร', 'หลังผนังลังเปล่าที่ตั้งบังไว้', 'ในห้องสินค้า พร้อมเอกสารศุลกากรปลอม']
  },
  arrested: (s) => `จับกุมผู้ต้องหา ${s.suspects.length} ราย ได้แก่ ${s.suspects.join(', ')}`,
  courier: (s) => `ผู้ขับขี่คือ ${s.suspects[0]} ให้การว่าได้รับค่าจ้าง ${s.fee} เพื่อนำของไปส่งที่${s.destination}`,
  recruited: (s, rng) => `ผู้เสียหายให้การว่าถูกชักชวนไป${rng.pick(TH.jobs)}ที่${s.destination}`,
  jobs: ['ทำงานร้านอาหาร', 'ทำงานโรงงาน', 'ทำงานแอดมินออนไลน์', 'ทำงานร้านคาราโอเกะ', 'ทำงานแม่บ้าน', 'ทำงานก่อสร้าง'],
  closing: ['ได้ตรวจยึดของกลางพร้อมถ่ายภาพ และส่งมอบให้พนักงานสอบสวนดำเนินคดีตามกฎหมาย', 'ได้แจ้งข้อมูลให้ BLO ฝั่งตรงข้ามทราบเพื่อขยายผลเครือข่าย'],
  handover: (s) => `นำตัวผู้ต้องหาส่งพนักงานสอบสวน สภ.${s.town} ดำเนินคดี`,
  victimsReferred: 'ส่งตัวผู้เสียหายเข้าสู่กระบวนการคัดแยกตามกลไกการส่งต่อระดับชาติ (NRM) ที่บ้านพักเด็กและครอบครัวจังหวัด',
  species: (s) => `ส่งตัวอย่างตรวจพิสูจน์ชนิดพันธุ์ (${s.species})`,
  chemical: (s) => `ส่งตัวอย่างตรวจพิสูจน์ ผลการตรวจเบื้องต้นพบ ${s.chemical}`,
  end: ' '
}

const LO: Writer = {
  list: (items) => items.join(' ແລະ '),
  summary: {
    seizure: (s) => `ຍຶດ${LO.list(s.goods)} ຢູ່${s.place}`,
    arrest: (s) => `ຈັບກຸມຜູ້ຕ້ອງຫາ ${s.suspects.length} ຄົນ ພ້ອມ${LO.list(s.goods)} ຢູ່${s.place}`,
    concealed: (s) => `ພົບ${LO.list(s.goods)} ເຊື່ອງໄວ້ໃນ${s.vehicle}${s.plate ? ` ທະບຽນ ${s.plate}` : ''} ຢູ່${s.place}`,
    abandoned: (s) => `ພົບ${LO.list(s.goods)} ຖືກປະຖິ້ມໄວ້ບໍລິເວນແນວຊາຍແດນ ໃກ້${s.place}`,
    rescue: (s) => `ຊ່ວຍເຫຼືອຜູ້ເຄາະຮ້າຍຈາກການຄ້າມະນຸດ ສັນຊາດ${s.people!.nationality} ${s.people!.count} ຄົນ ຢູ່${s.place}`,
    migrants: (s) => `ຈັບກຸມຜູ້ລັກລອບເຂົ້າເມືອງ ສັນຊາດ${s.people!.nationality} ${s.people!.count} ຄົນ ຢູ່${s.place}`
  },
  opening: {
    vehicle: [
      (s) => `ເວລາ ${s.time} ໂມງ ວັນທີ ${s.day} ເຈົ້າໜ້າທີ່${s.agency}ປະຈຳ${s.place} ໄດ້ກວດຄົ້ນ${s.vehicle}${s.plate ? ` ທະບຽນ ${s.plate}` : ''} ທີ່ມຸ່ງໜ້າໄປ${s.destination}`,
      (s) => `ຈາກການປະສານງານກັບ BLO ຝັ່ງ${s.counterpart} ເຈົ້າໜ້າທີ່${s.agency}ໄດ້ຕັ້ງດ່ານກວດຢູ່${s.place} ແລະ ກວດຄົ້ນ${s.vehicle}${s.plate ? ` ທະບຽນ ${s.plate}` : ''} ເວລາ ${s.time} ໂມງ ວັນທີ ${s.day}`
    ],
    boat: [
      (s) => `ໃນລະຫວ່າງລາດຕະເວນທາງນ້ຳໃກ້${s.town} ເວລາ ${s.time} ໂມງ ວັນທີ ${s.day} ເຈົ້າໜ້າທີ່${s.agency}ພົບ${s.vehicle}ທີ່ໜ້າສົງໄສຂ້າມມາຈາກຝັ່ງ${s.counterpart}`
    ],
    foot: [
      (s) => `ເວລາ ${s.time} ໂມງ ວັນທີ ${s.day} ໜ່ວຍລາດຕະເວນ${s.agency}ບໍລິເວນ${s.place} ພົບກຸ່ມຄົນແບກເປ້ລັກລອບຂ້າມແນວຊາຍແດນ`
    ]
  },
  found: {
    goods: (s, rng) => `ຜົນການກວດຄົ້ນພົບ${LO.list(s.goods)} ${rng.pick(LO.hiding[hidingKind(s)])}`,
    abandoned: (s) => `ກຸ່ມຄົນດັ່ງກ່າວໄດ້ປະຖິ້ມສິ່ງຂອງ ແລະ ຫຼົບໜີກັບຄືນຝັ່ງ${s.counterpart} ເຈົ້າໜ້າທີ່ຈຶ່ງໄດ້ຍຶດ${LO.list(s.goods)}`,
    rescue: (s) => `ກວດພົບຜູ້ເຄາະຮ້າຍສັນຊາດ${s.people!.nationality} ຈຳນວນ ${s.people!.count} ຄົນ ໃນນັ້ນເປັນເດັກອາຍຸຕ່ຳກວ່າ 18 ປີ ${s.people!.minors} ຄົນ ເດີນທາງມາກັບນາຍໜ້າທີ່ຍຶດເອກະສານຂອງຜູ້ເຄາະຮ້າຍໄວ້`,
    migrants: (s) => `ບຸກຄົນທັງ ${s.people!.count} ຄົນ ເປັນສັນຊາດ${s.people!.nationality} ບໍ່ມີເອກະສານເດີນທາງ ໃຫ້ການວ່າໄດ້ຈ່າຍຄ່ານຳພາຄົນລະ ${s.fee} ເພື່ອເດີນທາງໄປ${s.destination}`
  },
  hiding: {
    vehicle: [
      'ໃນຊ່ອງລັບກ້ອງກະບະທ້າຍ',
      'ໃນກະສອບໝາກເຜັດແຫ້ງ',
      'ໃນຢາງສຳຮອງ',
      'ປົນກັບກະສອບເຂົ້າສານ',
      'ໃນກັບເຈ້ຍທີ່ຂຽນວ່າກາເຟ',
      'ໃນແຜງປະຕູລົດ',
      'ກ້ອງກອງຜັກກາດກະລຳ'
    ],
    boat: ['ກ້ອງພື້ນເຮືອ', 'ໃນຖັງຢາງປົນກັບເຄື່ອງມືຫາປາ'],
    foot: ['ໃນກະເປົາເປ້', 'ໃນກະສອບເຂົ້າທີ່ແບກມາ'],
    bulky: ['ກ້ອງຜ້າໃບປົກ ໂດຍແຈ້ງວ່າເປັນສິນຄ້າກະສິກຳ', 'ຫຼັງຝາລັງເປົ່າທີ່ຕັ້ງບັງໄວ້', 'ໃນຫ້ອງສິນຄ້າ ພ້ອມເອກະສານພາສີປອມ']
  },
  arrested: (s) => `ຈັບກຸມຜູ້ຕ້ອງຫາ ${s.suspects.length} ຄົນ ຄື: ${s.suspects.join(', ')}`,
  courier: (s) => `ຜູ້ຂັບຂີ່ແມ່ນ ${s.suspects[0]} ໃຫ້ການວ່າໄດ້ຮັບຄ່າຈ້າງ ${s.fee} ເພື່ອນຳເຄື່ອງໄປສົ່ງທີ່${s.destination}`,
  recruited: (s, rng) => `ຜູ້ເຄາະຮ້າຍໃຫ້ການວ່າຖືກຊັກຊວນໄປ${rng.pick(LO.jobs)}ຢູ່${s.destination}`,
  jobs: ['ເຮັດວຽກຮ້ານອາຫານ', 'ເຮັດວຽກໂຮງງານ', 'ເຮັດວຽກແອັດມິນອອນລາຍ', 'ເຮັດວຽກຮ້ານຄາລາໂອເກະ', 'ເຮັດວຽກແມ່ບ້ານ', 'ເຮັດວຽກກໍ່ສ້າງ'],
  closing: ['ໄດ້ຍຶດຂອງກາງ ຖ່າຍຮູບ ແລະ ສົ່ງມອບໃຫ້ເຈົ້າໜ້າທີ່ສືບສວນ-ສອບສວນ ດຳເນີນຄະດີຕາມກົດໝາຍ', 'ໄດ້ແຈ້ງຂໍ້ມູນໃຫ້ BLO ຝັ່ງກົງກັນຂ້າມ ເພື່ອຂະຫຍາຍຜົນເຄືອຂ່າຍ'],
  handover: (s) => `ນຳຕົວຜູ້ຕ້ອງຫາສົ່ງເຈົ້າໜ້າທີ່ຕຳຫຼວດ${s.town} ເພື່ອດຳເນີນຄະດີ`,
  victimsReferred: 'ສົ່ງຜູ້ເຄາະຮ້າຍໄປສູນພັກເຊົາຊົ່ວຄາວ ເພື່ອຄັດແຍກ ແລະ ຊ່ວຍເຫຼືອຕາມລະບຽບການ',
  species: (s) => `ສົ່ງຕົວຢ່າງກວດພິສູດຊະນິດພັນ (${s.species})`,
  chemical: (s) => `ສົ່ງຕົວຢ່າງກວດພິສູດ ຜົນກວດເບື້ອງຕົ້ນພົບ ${s.chemical}`,
  end: ' '
}

const VI: Writer = {
  list: (items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`),
  summary: {
    seizure: (s) => `Thu giữ ${VI.list(s.goods)} tại ${s.place}`,
    arrest: (s) => `Bắt giữ ${s.suspects.length} đối tượng cùng ${VI.list(s.goods)} tại ${s.place}`,
    concealed: (s) => `Phát hiện ${VI.list(s.goods)} cất giấu trong ${s.vehicle}${s.plate ? ` biển số ${s.plate}` : ''} tại ${s.place}`,
    abandoned: (s) => `Phát hiện ${VI.list(s.goods)} bị bỏ lại gần ${s.place}`,
    rescue: (s) => `Giải cứu ${s.people!.count} nạn nhân mua bán người quốc tịch ${s.people!.nationality} tại ${s.place}`,
    migrants: (s) => `Phát hiện ${s.people!.count} người ${s.people!.nationality} nhập cảnh trái phép tại ${s.place}`
  },
  opening: {
    vehicle: [
      (s) => `Vào lúc ${s.time} ngày ${s.day}, tổ công tác ${s.agency} tại ${s.place} đã kiểm tra ${s.vehicle}${s.plate ? ` biển số ${s.plate}` : ''} đang hướng về ${s.destination}.`,
      (s) => `Nhận được thông tin từ BLO phía ${s.counterpart}, lực lượng ${s.agency} đã lập chốt kiểm soát tại ${s.place} và kiểm tra ${s.vehicle}${s.plate ? ` biển số ${s.plate}` : ''} lúc ${s.time} ngày ${s.day}.`
    ],
    boat: [
      (s) => `Trong lúc tuần tra trên sông gần ${s.town} lúc ${s.time} ngày ${s.day}, lực lượng ${s.agency} phát hiện ${s.vehicle} đi từ phía ${s.counterpart} sang.`
    ],
    foot: [
      (s) => `Vào lúc ${s.time} ngày ${s.day}, tổ tuần tra ${s.agency} tại ${s.place} phát hiện một nhóm người mang ba lô vượt biên trái phép.`
    ]
  },
  found: {
    goods: (s, rng) => `Qua kiểm tra phát hiện ${VI.list(s.goods)} ${rng.pick(VI.hiding[hidingKind(s)])}.`,
    abandoned: (s) => `Nhóm đối tượng đã vứt lại hàng hóa và bỏ chạy sang phía ${s.counterpart}; lực lượng chức năng thu giữ ${VI.list(s.goods)}.`,
    rescue: (s) => `Lực lượng chức năng phát hiện ${s.people!.count} người quốc tịch ${s.people!.nationality}, trong đó ${s.people!.minors} người dưới 18 tuổi, đi cùng một đối tượng môi giới giữ giấy tờ của họ.`,
    migrants: (s) => `Cả ${s.people!.count} người đều là người ${s.people!.nationality}, không có giấy tờ tùy thân, khai đã trả ${s.fee} mỗi người để được đưa đến ${s.destination}.`
  },
  hiding: {
    vehicle: [
      'trong ngăn bí mật dưới thùng xe',
      'trong các bao ớt khô',
      'trong lốp dự phòng',
      'lẫn trong các bao gạo',
      'trong thùng các-tông ghi là cà phê',
      'sau tấm ốp cửa xe',
      'dưới đống bắp cải'
    ],
    boat: ['dưới sàn thuyền', 'trong các thùng nhựa lẫn với ngư cụ'],
    foot: ['trong ba lô', 'trong bao gạo vác trên vai'],
    bulky: ['dưới lớp bạt, khai báo là nông sản', 'phía sau vách ngăn bằng thùng rỗng', 'trong khoang hàng, kèm giấy tờ hải quan giả']
  },
  arrested: (s) => `Bắt giữ ${s.suspects.length} đối tượng gồm: ${s.suspects.join(', ')}.`,
  courier: (s) => `Tài xế ${s.suspects[0]} khai được thuê ${s.fee} để vận chuyển hàng đến ${s.destination}.`,
  recruited: (s, rng) => `Các nạn nhân khai bị dụ dỗ đi ${rng.pick(VI.jobs)} tại ${s.destination}.`,
  jobs: ['làm nhà hàng', 'làm công nhân nhà máy', 'làm chăm sóc khách hàng trực tuyến', 'làm quán karaoke', 'giúp việc nhà', 'làm xây dựng'],
  closing: [
    'Toàn bộ tang vật đã được niêm phong, chụp ảnh và bàn giao cho cơ quan điều tra.',
    'Thông tin đã được chia sẻ với BLO phía đối diện để phối hợp xác minh đường dây.'
  ],
  handover: (s) => `Các đối tượng đã được bàn giao cho Công an ${s.town} để xử lý theo quy định.`,
  victimsReferred: 'Các nạn nhân đã được chuyển đến cơ sở bảo trợ xã hội để xác minh và hỗ trợ.',
  species: (s) => `Mẫu vật đã được gửi đi giám định loài (${s.species}).`,
  chemical: (s) => `Mẫu đã được gửi đi giám định, kết quả test nhanh cho thấy ${s.chemical}.`,
  end: ' '
}

/** Only a vehicle can carry a load too big to hide; carriers and boats hide what they can. */
function hidingKind(s: Story): Approach | 'bulky' {
  return s.approach === 'vehicle' && s.bulky ? 'bulky' : s.approach
}

const WRITERS: Record<Lang, Writer> = { en: EN, th: TH, lo: LO, vi: VI }

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export function writeSummary(lang: Lang, story: Story): string {
  return capitalise(WRITERS[lang].summary[story.kind](story))
}

export function writeNarrative(lang: Lang, story: Story, rng: Rng): string {
  const w = WRITERS[lang]
  const lines: string[] = [rng.pick(w.opening[story.approach])(story, rng)]
  switch (story.kind) {
    case 'rescue':
      lines.push(w.found.rescue(story, rng), w.recruited(story, rng))
      if (story.suspects.length) lines.push(w.arrested(story, rng))
      lines.push(w.victimsReferred)
      break
    case 'migrants':
      lines.push(w.found.migrants(story, rng))
      if (story.suspects.length) lines.push(w.arrested(story, rng), w.handover(story, rng))
      break
    case 'abandoned':
      lines.push(w.found.abandoned(story, rng))
      break
    default:
      lines.push(w.found.goods(story, rng))
      if (story.suspects.length) {
        lines.push(w.arrested(story, rng))
        if (story.approach === 'vehicle' && rng.chance(0.5)) lines.push(w.courier(story, rng))
        if (rng.chance(0.5)) lines.push(w.handover(story, rng))
      }
  }
  if (story.species) lines.push(w.species(story, rng))
  if (story.chemical) lines.push(w.chemical(story, rng))
  lines.push(rng.pick(w.closing))
  return lines.join(w.end)
}
