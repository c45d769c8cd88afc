/**
 * One column's heading: its words, or null for a column of row labels. `num` aligns it with its figures;
 * `hidden` names it for screen readers only (a column of buttons).
 */
export type Column = string | null | { label: string; num?: boolean; hidden?: boolean }

/** The header row of a data table. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, i) => {
          const { label, num, hidden } = typeof column === 'object' && column !== null ? column : { label: column ?? undefined }
          return (
            <th key={i} scope="col" className={num ? 'num' : undefined}>
              {hidden ? <span className="visually-hidden">{label}</span> : label}
            </th>
          )
        })}
      </tr>
    </thead>
  )
}
