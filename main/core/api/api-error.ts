import type { ZodError } from 'zod'
import type { ApiErrorShape, ErrorCode } from '../../../preload/api'

/** An error meant for the person at the screen: a code to branch on and a sentence that says what to do. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: ApiErrorShape['issues'] = []
  ) {
    super(message)
    this.name = 'ApiError'
  }

  toShape(): ApiErrorShape {
    return { code: this.code, message: this.message, issues: this.issues }
  }
}

export function invalidInput(error: ZodError, what: string): ApiError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message
  }))
  const first = issues[0]
  const where = first?.path ? `${first.path}: ` : ''
  return new ApiError('invalid_input', `Invalid ${what} — ${where}${first?.message ?? 'malformed'}`, issues)
}

export const notFound = (what: string) => new ApiError('not_found', `${what} was not found.`)
