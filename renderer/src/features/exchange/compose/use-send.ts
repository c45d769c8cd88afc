import { useState } from 'react'
import type { z } from 'zod'
import { toApiError, type ApiError } from '../../../api/api-error'
import { errorsFromApi, type FieldErrors } from '../../../ui/field-error'
import { errorsFromZod } from '../../cases/form/field-errors'

/**
 * Sending from a compose dialog: the contract's own schema checks the input first (errors under the fields
 * without a round trip), then the station's refusals land under the fields it names, the rest below the form.
 */
export function useSend<S extends z.ZodType, R>(schema: S, send: (input: z.input<S>) => Promise<R>, onSent: (result: R) => void) {
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (input: z.input<S>) => {
    setFailure(null)
    const parsed = schema.safeParse(input)
    if (!parsed.success) {
      setErrors(errorsFromZod(parsed.error.issues, input))
      return
    }
    setErrors({})
    setBusy(true)
    try {
      onSent(await send(input))
    } catch (caught) {
      const error = toApiError(caught)
      if (error.code === 'invalid_input' && error.issues.length > 0) setErrors(errorsFromApi(error.issues))
      else setFailure(error)
      setBusy(false)
    }
  }
  return { errors, failure, busy, submit }
}
