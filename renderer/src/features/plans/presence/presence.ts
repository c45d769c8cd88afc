import type { Awareness } from 'y-protocols/awareness'

/**
 * What each screen publishes about itself in the plan's awareness (y-protocols): who, from which station,
 * which field it is in, whether it is typing. The notes' caret plugin adds `cursor` beside these.
 */
export interface PresenceUser {
  name: string
  /** Each screen colours the others by station, ours or theirs (styles/plans.css), so no colour travels. */
  station: string
}

export interface Peer {
  clientId: number
  name: string
  station: string
  /** On this station (another screen here) rather than across the border. */
  ours: boolean
  field: string | null
  typing: boolean
}

const str = (value: unknown) => (typeof value === 'string' ? value : '')

/** Everyone else with the plan open, here and across the border; states from other versions are read leniently. */
export function readPeers(awareness: Awareness, ourStation: string): Peer[] {
  const peers: Peer[] = []
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID || !state || typeof state.user !== 'object' || state.user === null) continue
    const user = state.user as Record<string, unknown>
    const station = str(user.station)
    peers.push({
      clientId,
      name: str(user.name) || '?',
      station,
      ours: station === ourStation,
      field: str(state.field) || null,
      typing: state.typing === true
    })
  }
  // Ours first, then by name: a stable order, so the bar does not shuffle as people type.
  return peers.sort((a, b) => Number(b.ours) - Number(a.ours) || a.name.localeCompare(b.name) || a.clientId - b.clientId)
}

/** The part of the plan a field key names (`tasks.<id>.title` → `tasks`, `meta.title` → `meta`). */
export const sectionOf = (field: string) => field.split('.')[0]
