/**
 * <input type="datetime-local"> speaks wall-clock time without a zone; the contract wants ISO 8601 with an offset.
 * We read the wall clock in the machine's zone, which is the office's zone at a border post.
 */
const pad = (n: number) => String(Math.abs(n)).padStart(2, '0')

export function localInputToIso(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value)
  if (!m) return null
  const [, y, mo, d, h, mi, s = '00'] = m
  const local = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))
  if (Number.isNaN(local.getTime())) return null
  const offset = -local.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
}

export function isoToLocalInput(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export const nowLocalInput = (): string => isoToLocalInput(new Date().toISOString())
