import type { ApiIssue } from '../api/api-error'

/** A message to show under a field: a locale key (so it follows the language switch) or the station's own words. */
export interface FieldError {
  key?: string
  params?: Record<string, unknown>
  raw?: string
}

/** Keyed by the contract's dotted path, e.g. `items.0.quantity` — the same path the station reports. */
export type FieldErrors = Record<string, FieldError>

/** Messages the station sends that we can say in the reader's language. */
const KNOWN_STATION_MESSAGES: Record<string, string> = { required: 'validation.required' }

/** The station reports paths of its own input shape; an update nests the case under `input`. */
export function errorsFromApi(issues: readonly ApiIssue[]): FieldErrors {
  const out: FieldErrors = {}
  for (const issue of issues) {
    const path = issue.path.replace(/^input\./, '')
    const key = KNOWN_STATION_MESSAGES[issue.message]
    if (!out[path]) out[path] = key ? { key } : { raw: issue.message }
  }
  return out
}
