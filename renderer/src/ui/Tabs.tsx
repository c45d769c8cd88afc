import type { ReactNode } from 'react'

interface Props<T extends string> {
  tabs: readonly T[]
  selected: T
  onSelect: (tab: T) => void
  /** Each tab's test id is `${testIdPrefix}-${tab}`. */
  testIdPrefix: string
  /** The tab list's accessible name. */
  label?: string
  className?: string
  /** What a tab says (its name, and a count if it has one). */
  children: (tab: T) => ReactNode
}

/** A row of tabs; the selected one is marked for screen readers and styles alike. */
export function Tabs<T extends string>({ tabs, selected, onSelect, testIdPrefix, label, className, children }: Props<T>) {
  return (
    <div className={className ? `tabs ${className}` : 'tabs'} role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          aria-selected={tab === selected}
          className={`tab${tab === selected ? ' is-active' : ''}`}
          data-testid={`${testIdPrefix}-${tab}`}
          onClick={() => onSelect(tab)}
        >
          {children(tab)}
        </button>
      ))}
    </div>
  )
}
