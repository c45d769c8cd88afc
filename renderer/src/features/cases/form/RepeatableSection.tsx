import type { Key, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

interface Props<Row extends { key: Key }> {
  /** Contract array name (`items`, `persons`, `conveyances`): names the test ids. */
  name: string
  title: string
  emptyText: string
  addLabel: string
  columns: { label: string; className: string }[]
  rows: Row[]
  onAdd: () => void
  onRemove: (index: number) => void
  renderRow: (row: Row, index: number) => ReactNode
  error?: ReactNode
}

/** One shape for every "zero or more" part of a case or a plan: column headers, rows of inputs, add and remove. */
export function RepeatableSection<Row extends { key: Key }>(props: Props<Row>) {
  const { t } = useTranslation()
  const { name, title, emptyText, addLabel, columns, rows, onAdd, onRemove, renderRow, error } = props
  return (
    <fieldset className={`form-section repeatable repeatable-${name}`} data-testid={`section-${name}`}>
      <legend>
        {title}
        {rows.length > 0 && <span className="count-pill">{rows.length}</span>}
      </legend>
      {rows.length === 0 ? (
        <p className="muted repeatable-empty">{emptyText}</p>
      ) : (
        <div className="repeatable-table">
          <div className="repeatable-row repeatable-head" aria-hidden="true">
            <span className="row-number">#</span>
            {columns.map((c) => (
              <span key={c.label} className={c.className}>
                {c.label}
              </span>
            ))}
            <span className="row-remove" />
          </div>
          {rows.map((row, index) => (
            <div className="repeatable-row" key={row.key} data-testid={`${name}-row`}>
              <span className="row-number">{index + 1}</span>
              {renderRow(row, index)}
              <button
                type="button"
                className="btn btn-quiet btn-icon row-remove"
                data-testid={`remove-${name}.${index}`}
                title={t('form.removeRow', { n: index + 1 })}
                aria-label={t('form.removeRow', { n: index + 1 })}
                onClick={() => onRemove(index)}
              >
                ×
              </button>
            </div>
          ))}
        </div>
      )}
      {error}
      <button type="button" className="btn btn-small" data-testid={`add-${name}`} onClick={onAdd}>
        + {addLabel}
      </button>
    </fieldset>
  )
}
