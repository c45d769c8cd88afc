interface Props {
  done: number
  total: number
  label: string
  testId?: string
  className?: string
}

/** A transfer's progress as a bar, with its numbers for screen readers and tests. */
export function ProgressBar({ done, total, label, testId, className }: Props) {
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0
  return (
    <span
      className={`progress${className ? ` ${className}` : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      data-testid={testId}
    >
      <span className="progress-fill" style={{ width: `${percent}%` }} />
    </span>
  )
}
