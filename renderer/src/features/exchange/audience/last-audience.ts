const KEY = 'blo.lastAudience'

/**
 * Who to preselect in a counterpart picker: the stations last sent to that are still paired, else the only
 * counterpart. An office mostly writes to the same counterpart, but a choice must never reach one it unpaired.
 */
export function defaultAudience(paired: readonly string[]): string[] {
  let saved: unknown = []
  try {
    saved = JSON.parse(localStorage.getItem(KEY) ?? '[]')
  } catch {
    saved = []
  }
  const last = Array.isArray(saved) ? paired.filter((id) => saved.includes(id)) : []
  if (last.length) return last
  return paired.length === 1 ? [paired[0]] : []
}

export function rememberAudience(audience: readonly string[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(audience))
  } catch {
    // Without storage the picker starts from the only counterpart, or from none.
  }
}
