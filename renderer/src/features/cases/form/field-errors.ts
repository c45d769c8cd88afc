import type { z } from 'zod'
import type { FieldError, FieldErrors } from '../../../ui/field-error'

export { errorsFromApi, type FieldErrors } from '../../../ui/field-error'

type Issue = z.core.$ZodIssue

const valueAt = (root: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), root)

/** Country fields share one rule and one message. */
const isCountryPath = (path: string) => /(^|\.)(nationality|country)$/.test(path)

function describe(issue: Issue, input: unknown): FieldError {
  const path = issue.path.join('.')
  const missing = valueAt(input, issue.path) === undefined
  switch (issue.code) {
    case 'invalid_type':
      if (missing) return { key: 'validation.required' }
      return { key: issue.expected === 'int' ? 'validation.integer' : 'validation.number' }
    case 'invalid_value':
      return { key: missing ? 'validation.required' : 'validation.choose' }
    case 'too_small':
      if (path === 'to') return { key: 'exchange.audience.required' }
      if (path === 'counterparts') return { key: 'plans.create.chooseCounterparts' }
      if (issue.origin === 'string') return { key: 'validation.required' }
      if (issue.origin === 'number' && !issue.inclusive && Number(issue.minimum) === 0) return { key: 'validation.positive' }
      if (issue.origin === 'array') return { key: 'validation.tooFew', params: { min: Number(issue.minimum) } }
      return { key: 'validation.min', params: { min: Number(issue.minimum) } }
    case 'too_big':
      if (issue.origin === 'string') return { key: 'validation.tooLong', params: { max: Number(issue.maximum) } }
      if (issue.origin === 'array') return { key: 'validation.tooMany', params: { max: Number(issue.maximum) } }
      return { key: 'validation.max', params: { max: Number(issue.maximum) } }
    case 'invalid_format':
      if (isCountryPath(path)) return { key: 'validation.country' }
      if (path === 'occurredAt') return { key: 'validation.dateTime' }
      return { key: 'validation.format' }
    case 'custom':
      if (path === 'lon') return { key: 'validation.latLonPair' }
      return { raw: issue.message }
    default:
      return { raw: issue.message }
  }
}

/** First problem per field wins: it is the one to fix first. */
export function errorsFromZod(issues: readonly Issue[], input: unknown, into: FieldErrors = {}): FieldErrors {
  for (const issue of issues) {
    const path = issue.path.join('.')
    if (!into[path]) into[path] = describe(issue, input)
  }
  return into
}
