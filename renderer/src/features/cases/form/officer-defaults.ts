import { AGENCIES, type Agency } from '../../../../../preload/api'

const KEY = 'blo.officerDefaults'

/** The officer at this desk is usually the same one as last time: prefill name and agency from the last save. */
export function loadOfficerDefaults(): { officer: string; agency: Agency } {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as { officer?: unknown; agency?: unknown }
    const agency = AGENCIES.find((a) => a === saved.agency) ?? 'other'
    return { officer: typeof saved.officer === 'string' ? saved.officer : '', agency }
  } catch {
    return { officer: '', agency: 'other' }
  }
}

export function saveOfficerDefaults(officer: string, agency: Agency): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ officer, agency }))
  } catch {
    // Without storage the form simply starts blank next time.
  }
}
