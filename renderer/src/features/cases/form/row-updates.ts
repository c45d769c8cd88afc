/** Immutable edits of one repeatable list in the draft. */
export const patchRow = <Row>(rows: Row[], index: number, patch: Partial<Row>): Row[] =>
  rows.map((row, i) => (i === index ? { ...row, ...patch } : row))

export const removeRow = <Row>(rows: Row[], index: number): Row[] => rows.filter((_, i) => i !== index)

/** Focus the first input of the row just added, so adding and typing is one motion. */
export function focusNewRow(name: string, index: number): void {
  requestAnimationFrame(() => {
    const row = document.querySelectorAll<HTMLElement>(`[data-testid="${name}-row"]`)[index]
    row?.querySelector<HTMLElement>('input, select')?.focus()
  })
}
