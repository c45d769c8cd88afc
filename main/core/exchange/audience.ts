import { ApiError } from '../api/api-error'

export interface PairedStation {
  stationId: string
  name: string
}

/**
 * SQL over one exchange row (alias t, binding @self and @counterpart): it came from the counterpart, or is our
 * copy addressed to it (or, from before audiences, to every counterpart).
 */
export const withCounterpartRow = (t: string) =>
  `(${t}.origin = @counterpart OR (${t}.origin = @self AND (${t}.recipient = @counterpart OR ${t}.recipient IS NULL)))`

const refused = (message: string) => new ApiError('invalid_input', message, [{ path: 'to', message }])

/**
 * Who a share, alert or request goes to: the named stations, each of which must be paired; when none is
 * named, the one counterpart if there is exactly one. With more than one, guessing could hand a record to
 * the wrong country's office, so the caller must choose.
 */
export function resolveAudience(to: readonly string[] | undefined, paired: readonly PairedStation[]): string[] {
  if (to) {
    const known = new Set(paired.map((p) => p.stationId))
    const unknown = to.find((id) => !known.has(id))
    if (unknown) throw refused(`${unknown} is not a paired station: pair it on the Link screen first, or choose one of the counterparts.`)
    return [...new Set(to)].sort()
  }
  if (paired.length === 1) return [paired[0].stationId]
  if (paired.length === 0) throw refused('No counterpart is paired yet: pair one on the Link screen, then send it.')
  throw refused(`This station has ${paired.length} counterparts (${paired.map((p) => p.name).join(', ')}): choose who receives it.`)
}
