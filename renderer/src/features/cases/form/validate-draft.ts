import { CaseInput } from '../../../../../preload/api'
import { draftToInput, type CaseDraft } from './case-draft'
import { errorsFromZod, type FieldErrors } from './field-errors'

/** The same CaseInput schema the station enforces, run before sending so errors appear without a round trip. */
export function validateDraft(draft: CaseDraft): { input: CaseInput; errors: FieldErrors } {
  const { input, errors } = draftToInput(draft)
  const parsed = CaseInput.safeParse(input)
  if (!parsed.success) errorsFromZod(parsed.error.issues, input, errors)
  return { input, errors }
}
