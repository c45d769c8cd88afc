import type { ApiErrorShape, ErrorCode, Reply } from '../../../preload/api'

export type ApiIssue = ApiErrorShape['issues'][number]

/** A failed call as the screens see it: a code to branch on, the station's sentence, and the fields at fault. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly issues: ApiIssue[]

  constructor(shape: ApiErrorShape) {
    super(shape.message)
    this.name = 'ApiError'
    this.code = shape.code
    this.issues = shape.issues ?? []
  }
}

export function unwrapReply<T>(reply: Reply<T>): T {
  if (reply.ok) return reply.value
  throw new ApiError(reply.error)
}

/** Anything thrown at the UI becomes an ApiError, so every error state has a code to explain. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new ApiError({ code: 'internal', message, issues: [] })
}
