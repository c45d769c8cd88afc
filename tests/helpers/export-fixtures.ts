/**
 * Stations for the export and report tests: seeded months of realistic cases plus a few cases written in
 * every script the border offices meet (Thai, Lao, Khmer, Burmese, Vietnamese), with quantities to check.
 */
import { generateCases } from '../../main/core/cases/seed'
import type { Station } from '../../main/core/station'
import type { MethodInput } from '../../preload/api'
import { call, officer } from './station'

export const REPORT_MONTH = '2026-11'

/** One case per script, all in November 2026; names and places as offices on each side write them. */
export const SCRIPT_CASES = [
  {
    occurredAt: '2026-11-03T06:15:00+07:00',
    category: 'narcotics',
    agency: 'police',
    location: 'สะพานมิตรภาพไทย-ลาว แห่งที่ 4',
    summary: 'ตรวจพบยาบ้าซุกซ่อนในรถกระบะ ผู้ต้องหาสองคน',
    items: [{ commodity: 'ยาบ้า', quantity: 120000, unit: 'tablets' }],
    persons: [
      { name: 'สมชาย ใจดี', nationality: 'TH', sex: 'male' },
      { name: 'ນາງ ບົວພັນ ສີສຸວັນ', nationality: 'LA', sex: 'female' }
    ]
  },
  {
    occurredAt: '2026-11-08T19:40:00+07:00',
    category: 'narcotics',
    agency: 'customs',
    location: 'ດ່ານສາກົນ ຫ້ວຍຊາຍ',
    summary: 'ກວດພົບຢາບ້າ ເຈົ້າໜ້າທີ່ ນ້ຳ ຜູ້ຕ້ອງຫາ',
    items: [{ commodity: 'ຢາບ້າ', quantity: 45000.5, unit: 'tablets' }],
    persons: [{ name: 'ທ້າວ ສົມໄຊ ພົມມະວົງ', nationality: 'LA', sex: 'male' }]
  },
  {
    occurredAt: '2026-11-12T10:05:00+07:00',
    category: 'timber',
    agency: 'forestry',
    location: 'ច្រកព្រំដែនអន្តរជាតិ ប៉ោយប៉ែត',
    summary: '=HYPERLINK("http://example.invalid","click") ឈើប្រណីត',
    items: [{ commodity: 'ឈើប្រណីត', quantity: 12.75, unit: 'm3' }],
    persons: [{ name: 'សុខ ស្រីមុំ', nationality: 'KH', sex: 'female' }]
  },
  {
    occurredAt: '2026-11-15T14:30:00+06:30',
    category: 'wildlife',
    agency: 'customs',
    location: 'မြဝတီ နယ်စပ်ဂိတ်',
    summary: 'Pangolin scales, "urgent", line one\nline two',
    items: [{ commodity: 'ကျွန်းသစ်', quantity: 3, unit: 'pieces' }],
    persons: [{ name: 'ဦးအောင်ကျော်', nationality: 'MM', sex: 'male' }, { name: 'ဒေါ်ခင်မြင့်', nationality: 'MM', sex: 'female' }]
  },
  {
    occurredAt: '2026-11-21T08:00:00+07:00',
    category: 'counterfeit',
    agency: 'customs',
    location: 'Cửa khẩu Lao Bảo',
    summary: '-5 hàng giả, @customs',
    items: [{ commodity: 'Hồng phiến', quantity: 800, unit: 'tablets' }],
    persons: [{ name: 'Nguyễn Văn Đức', nationality: 'VN', sex: 'male' }]
  }
] as const satisfies readonly MethodInput<'cases.create'>[]

/** `count` seeded cases over the seven months up to the end of November 2026, then the script cases. */
export async function seedReportStation(station: Station, count: number): Promise<void> {
  station.importCases(generateCases(count, 'export-tests', { until: '2026-12-01T00:00:00Z', days: 212 }), officer)
  for (const input of SCRIPT_CASES) await call(station, 'cases.create', input)
}
