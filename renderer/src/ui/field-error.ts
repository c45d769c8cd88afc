/** A message to show under a field: a locale key (so it follows the language switch) or the station's own words. */
export interface FieldError {
  key?: string
  params?: Record<string, unknown>
  raw?: string
}

/** Keyed by the contract's dotted path, e.g. `items.0.quantity` — the same path the station reports. */
export type FieldErrors = Record<string, FieldError>
