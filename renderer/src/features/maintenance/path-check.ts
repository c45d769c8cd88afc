import { LocalPath } from '../../../../preload/api'
import type { FieldError } from '../../ui/field-error'

/**
 * The contract's own check of a typed path, said in the reader's language before anything is sent: the station
 * host's page has the administrator type full paths, and a relative one is the usual slip.
 */
export function pathProblem(path: string): FieldError | null {
  if (path === '') return { key: 'validation.required' }
  return LocalPath.safeParse(path).success ? null : { key: 'maintenance.fullPath' }
}
