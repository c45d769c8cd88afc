/** A plain date means that whole day in the station's local time; a date-time is taken as given. */
export function rangeBound(value: string, edge: 'from' | 'to'): string {
  if (value.length > 10) return new Date(value).toISOString()
  const [y, m, d] = value.split('-').map(Number)
  const local = edge === 'from' ? new Date(y, m - 1, d) : new Date(y, m - 1, d + 1, 0, 0, 0, -1)
  return local.toISOString()
}
