/**
 * Where a selection in a text field goes when someone else's write replaces the field's value under it: the
 * text before and after what changed keeps its place, so the selection keeps the same text selected. A start
 * in or at the changed part goes before it, an end (or a caret) after it, so a whole-value selection selects
 * the whole new value and typing then replaces it, as the officer meant, instead of appending to it.
 */
export function keepSelection(before: string, after: string, start: number, end: number): [number, number] {
  let prefix = 0
  const shorter = Math.min(before.length, after.length)
  while (prefix < shorter && before[prefix] === after[prefix]) prefix++
  let suffix = 0
  while (suffix < shorter - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++
  const changedEnd = before.length - suffix // the changed part was [prefix, changedEnd) and is [prefix, newEnd)
  const newEnd = after.length - suffix
  const shift = after.length - before.length
  const replaced = changedEnd > prefix
  const leftOf = (at: number) => (at <= prefix ? at : at > changedEnd || (at === changedEnd && replaced) ? at + shift : prefix)
  const rightOf = (at: number) => (at < prefix || (at === prefix && replaced) ? at : at >= changedEnd ? at + shift : newEnd)
  const clamp = (at: number) => Math.max(0, Math.min(after.length, at))
  const to = clamp(rightOf(end))
  return [start === end ? to : Math.min(clamp(leftOf(start)), to), to]
}
