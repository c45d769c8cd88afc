import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { FieldError } from './field-error'

export interface ControlProps {
  id: string
  'aria-invalid': boolean
  'aria-describedby': string | undefined
  'data-testid': string
  'data-path': string
}

interface Props {
  /** The contract path of the value, e.g. `items.0.quantity`: it names the test id and finds the error. */
  path: string
  label: string
  /** Hide the label visually (rows of a repeatable table have column headers instead). */
  labelHidden?: boolean
  error?: FieldError
  hint?: string
  required?: boolean
  className?: string
  children: (control: ControlProps) => ReactNode
}

function FieldMessage({ error, id, path }: { error: FieldError; id: string; path: string }) {
  const { t } = useTranslation()
  return (
    <span className="field-error" id={id} data-testid={`error-${path}`} role="alert">
      {error.raw ?? t(error.key ?? 'validation.format', error.params)}
    </span>
  )
}

/** Label, control and its inline error, wired for screen readers and for tests (`field-<path>`, `error-<path>`). */
export function Field({ path, label, labelHidden, error, hint, required, className, children }: Props) {
  const id = useId()
  const errorId = `${id}-error`
  const hintId = `${id}-hint`
  const describedBy = [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={labelHidden ? 'visually-hidden' : 'field-label'}>
        {label}
        {required && <span className="required-mark" aria-hidden="true"> *</span>}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy, 'data-testid': `field-${path}`, 'data-path': path })}
      {hint && !error && (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      )}
      {error && <FieldMessage error={error} id={errorId} path={path} />}
    </div>
  )
}
