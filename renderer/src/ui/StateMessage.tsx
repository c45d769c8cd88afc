import type { ReactNode } from 'react'

interface Props {
  tone: 'empty' | 'loading' | 'error'
  title: string
  body?: ReactNode
  action?: ReactNode
  testId?: string
}

/** Empty, loading and error states share one shape: what happened, then what to do about it. */
export function StateMessage({ tone, title, body, action, testId }: Props) {
  return (
    <div className={`state-message state-${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {tone === 'loading' && <span className="spinner" aria-hidden="true" />}
      <p className="state-title">{title}</p>
      {body && <div className="state-body">{body}</div>}
      {action && <div className="state-action">{action}</div>}
    </div>
  )
}
